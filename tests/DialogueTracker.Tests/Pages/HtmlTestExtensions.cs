using System.Net;
using AngleSharp;
using AngleSharp.Dom;

namespace DialogueTracker.Tests.Pages;

internal static class HtmlTestExtensions
{
    public static async Task<IDocument> GetPageAsync(this HttpClient client, string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await client.GetAsync(url);
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        var context = BrowsingContext.New(Configuration.Default);
        // An absolute URL (an app process of its own) needs no base address.
        var address = client.BaseAddress is null ? new Uri(url) : new Uri(client.BaseAddress, url);
        return await context.OpenAsync(request => request.Content(html).Address(address));
    }

    public static Task<IDocument> ParseAsync(string html) =>
        BrowsingContext.New(Configuration.Default).OpenAsync(request => request.Content(html));

    public static string Text(this IElement? element) => element?.TextContent.Trim() ?? "";

    public static IReadOnlyList<string> Texts(this IDocument document, string selector) =>
        [.. document.QuerySelectorAll(selector).Select(e => e.Text())];
}
