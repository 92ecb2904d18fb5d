using System.Text.Json;
using System.Text.RegularExpressions;
using DialogueTracker.Web.Model;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace DialogueTracker.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed partial class EditorBrowserTests(KestrelAppFactory app, PlaywrightFixture playwright) : BrowserTest(app, playwright)
{
    private const string Password = "a long passphrase for the browser test";

    // axe is injected as an inline script, which the site's Content-Security-Policy rightly forbids.
    protected override BrowserNewContextOptions ContextOptions => new() { ViewportSize = new() { Width = 1280, Height = 900 }, BypassCSP = true };

    private async Task<string> CreateEditorAsync()
    {
        var email = $"browser-{Guid.NewGuid():N}@example.org";
        await using var scope = App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<EditorUser>>();
        var user = new EditorUser { UserName = email, Email = email, EmailConfirmed = true };
        Assert.True((await users.CreateAsync(user, Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, Roles.Editor)).Succeeded);
        return email;
    }

    [Fact]
    public async Task An_editor_signs_in_adds_a_round_sees_it_and_its_revision_and_signs_out()
    {
        var email = await CreateEditorAsync();
        await OpenAsync("/account/sign-in");
        await Page.GetByLabel("Email").FillAsync(email);
        await Page.GetByLabel("Password").FillAsync(Password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Page.WaitForLoadStateAsync();
        await ScreenshotAsync("after-sign-in");
        Assert.Equal(App.RootUri + "/", Page.Url);

        await Page.GetByRole(AriaRole.Link, new() { Name = "Add a round" }).ClickAsync();
        await Page.GetByLabel("Mechanism").SelectOptionAsync("human-rights-dialogue");
        await Page.GetByLabel("Kind").SelectOptionAsync("round");
        await Page.GetByLabel("Date", new() { Exact = true }).FillAsync("2021-11-03");
        await Page.GetByLabel("Title in English").FillAsync("10th round, added in the browser");
        await Page.GetByLabel("Title in Vietnamese").FillAsync("Vòng thứ 10, thêm trong trình duyệt");
        // The source field offers the page's one list of sources; the browser's own suggestions are not in the DOM, so
        // the key is typed, as a suggestion chosen would fill it.
        Assert.Equal(1, await Page.Locator("#source-choices option[value='seed-vi-eu-delegation-dialogue-page']").CountAsync());
        await Page.Locator("#citation-0-source").FillAsync("seed-vi-eu-delegation-dialogue-page");
        await Page.Locator("#citation-0-quote").FillAsync("Vòng thứ 9 của Đối thoại Nhân quyền EU-Việt Nam");
        await Page.GetByLabel("Edit summary (what you changed and why)").FillAsync("Browser test");
        await ScreenshotAsync("round-edit-form");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        await Page.WaitForURLAsync(RoundPage());
        Assert.Equal("10th round, added in the browser", await Page.Locator("h1").InnerTextAsync());
        Assert.Contains("Vòng thứ 9", await Page.Locator(".citations blockquote").First.InnerTextAsync(), StringComparison.Ordinal);

        await OpenAsync("/?from=2021-11");
        Assert.True(await Page.GetByRole(AriaRole.Link, new() { Name = "10th round, added in the browser" }).IsVisibleAsync());

        await Page.GetByRole(AriaRole.Link, new() { Name = "10th round, added in the browser" }).ClickAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "History" }).ClickAsync();
        var revision = Page.Locator(".revision").First;
        Assert.Contains(email, await revision.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Browser test", await revision.InnerTextAsync(), StringComparison.Ordinal);
        await ScreenshotAsync("round-history");

        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Page.WaitForLoadStateAsync();
        await ScreenshotAsync("after-sign-out");
        Assert.Equal(App.RootUri + "/", Page.Url);
        Assert.True(await Page.GetByRole(AriaRole.Link, new() { Name = "Editors: sign in" }).IsVisibleAsync());

        // Signed out, the edit pages send the visitor to sign in.
        await OpenAsync("/rounds/new");
        Assert.StartsWith(App.RootUri + "/account/sign-in", Page.Url, StringComparison.Ordinal);
        await OpenAsync("/rounds/1/edit");
        Assert.StartsWith(App.RootUri + "/account/sign-in", Page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_editing_pages_are_valid_html_and_pass_axe_too()
    {
        var email = await CreateEditorAsync();
        await OpenAsync("/account/sign-in");
        await Page.GetByLabel("Email").FillAsync(email);
        await Page.GetByLabel("Password").FillAsync(Password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Page.WaitForURLAsync(App.RootUri + "/");

        string[] paths = ["/rounds/new", "/statements/1/edit", "/topics/new", "/sources/1/edit", "/concerns/new", "/concerns/1/edit", "/account", "/changes", "/history/round/1", "/history/concern/1", "/account/sign-in"];
        var html = new Dictionary<string, string>();
        foreach (var path in paths)
        {
            // The server's raw HTML, fetched with this signed-in browser's cookies.
            var raw = await Context.APIRequest.GetAsync(App.RootUri + path);
            html[path] = await raw.TextAsync();
        }

        var invalid = await HtmlValidation.ProblemsAsync(html);
        Assert.True(invalid.Count == 0, string.Join("\n", invalid.Take(40)));

        foreach (var path in paths)
        {
            await OpenAsync(path);
            await Page.AddScriptTagAsync(new() { Path = Path.Combine(PageQualityTests.ToolsFolder, "node_modules", "axe-core", "axe.min.js") });
            var result = await Page.EvaluateAsync<JsonElement>("async () => await axe.run(document, { resultTypes: ['violations'] })");
            var serious = result.GetProperty("violations").EnumerateArray()
                .Where(v => v.GetProperty("impact").GetString() is "serious" or "critical")
                .Select(v => $"{v.GetProperty("id").GetString()} at {v.GetProperty("nodes")[0].GetProperty("html").GetString()}")
                .ToList();
            Assert.True(serious.Count == 0, $"{path}: {string.Join("; ", serious)}");
        }
    }

    [GeneratedRegex(@"/rounds/\d+$")]
    private static partial Regex RoundPage();
}
