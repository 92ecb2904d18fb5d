using System.Net;
using AngleSharp.Dom;
using Microsoft.AspNetCore.Mvc.Testing;

namespace DialogueTracker.Tests.Pages;

/// <summary>A browser-like client for one person: keeps cookies, reads forms, posts them with their antiforgery token.</summary>
internal sealed class EditorSession(HttpClient client)
{
    public EditorSession(DialogueTrackerFactory factory)
        : this(factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }))
    {
    }

    /// <summary>A session across app instances of their own (absolute URLs; cookies are shared between ports of one host).</summary>
    public static EditorSession AcrossInstances() =>
        new(new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() }));

    public HttpClient Client { get; } = client;

    public static async Task<EditorSession> SignedInAsync(DialogueTrackerFactory factory, string role)
    {
        var (user, _) = await factory.CreateEditorAsync(role);
        var session = new EditorSession(factory);
        using var response = await session.SignInAsync(user.Email!, DialogueTrackerFactory.TestPassword);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()} {string.Join(",", response.Headers.Select(h => h.Key))}");
        session.UserName = user.UserName!;
        return session;
    }

    public string UserName { get; private set; } = "";

    public async Task<HttpResponseMessage> SignInAsync(string email, string password) =>
        await SubmitAsync("/account/sign-in", "form.sign-in-form", new Dictionary<string, string> { ["Email"] = email, ["Password"] = password });

    public Task<IDocument> GetPageAsync(string url, HttpStatusCode expected = HttpStatusCode.OK) => Client.GetPageAsync(url, expected);

    /// <summary>
    /// Fills the form found by <paramref name="formSelector"/> on <paramref name="url"/>: its current values, changed by
    /// <paramref name="values"/>; posts it to its action, or to <paramref name="postTo"/> (another instance's address).
    /// </summary>
    public async Task<HttpResponseMessage> SubmitAsync(string url, string formSelector, IReadOnlyDictionary<string, string> values, Func<IElement, bool>? keep = null,
        Uri? postTo = null)
    {
        var page = await GetPageAsync(url);
        var form = page.QuerySelector(formSelector) ?? throw new InvalidOperationException($"no {formSelector} on {url}");
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.QuerySelectorAll("input[name], textarea[name], select[name]"))
        {
            var name = element.GetAttribute("name")!;
            if (values.ContainsKey(name) || (keep is not null && !keep(element)))
            {
                continue;
            }

            switch (element)
            {
                case AngleSharp.Html.Dom.IHtmlInputElement { Type: "checkbox" } box when !box.IsChecked:
                    break;
                case AngleSharp.Html.Dom.IHtmlSelectElement select:
                    fields.AddRange(select.Options.Where(o => o.IsSelected).Select(o => new KeyValuePair<string, string>(name, o.Value)));
                    break;
                case AngleSharp.Html.Dom.IHtmlTextAreaElement area:
                    fields.Add(new(name, area.Value));
                    break;
                default:
                    fields.Add(new(name, element.GetAttribute("value") ?? ""));
                    break;
            }
        }

        fields.AddRange(values.Select(v => new KeyValuePair<string, string>(v.Key, v.Value)));
        var action = form.GetAttribute("action");
        var target = string.IsNullOrEmpty(action) ? url : action;
        // On Unix "/path" parses as an absolute file URI: only an http(s) address is another instance's.
        var address = postTo ?? (Uri.TryCreate(url, UriKind.Absolute, out var pageAddress) && pageAddress.Scheme.StartsWith("http", StringComparison.Ordinal)
            ? new Uri(pageAddress, target)
            : new Uri(target, UriKind.Relative));
        return await Client.PostAsync(address, new FormUrlEncodedContent(fields));
    }
}
