using System.Text.RegularExpressions;

namespace DialogueTracker.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed partial class TimelineBrowserTests(KestrelAppFactory app, PlaywrightFixture playwright) : BrowserTest(app, playwright)
{
    [Fact]
    public async Task Opens_the_timeline_with_the_seed_rounds_and_statements()
    {
        var response = await OpenAsync("/");

        Assert.Equal(200, response!.Status);
        Assert.Equal("EU–Viet Nam dialogue timeline", await Page.Locator("h1").InnerTextAsync());
        Assert.Equal(4, await Page.Locator(".event.entry-round").CountAsync());
        Assert.Equal(4, await Page.Locator(".event.entry-statement").CountAsync());
        Assert.True(await Page.Locator(".timeline .year-marker", new() { HasText = "2020" }).IsVisibleAsync());
        Assert.True(await Page.Locator(".legend").IsVisibleAsync());
        // The stylesheet really loaded: the header is laid out as a row.
        Assert.Equal("flex", await Page.Locator(".site-header").EvaluateAsync<string>("e => getComputedStyle(e).display"));
        await ScreenshotAsync("timeline-desktop-en");
    }

    [Fact]
    public async Task Filters_by_topic_with_the_form_and_gets_a_link_to_share()
    {
        await OpenAsync("/");

        await Page.Locator("#topic").SelectOptionAsync("death-penalty");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();

        await Page.WaitForURLAsync(TopicInUrl());
        Assert.Equal(1, await Page.Locator(".event").CountAsync());
        Assert.Contains("EU human-rights priorities", await Page.Locator(".event h3").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("death-penalty", await Page.Locator("#topic").InputValueAsync());
        await ScreenshotAsync("timeline-filtered-death-penalty");
    }

    [Fact]
    public async Task Switches_to_vietnamese_and_back_and_remembers_it()
    {
        await OpenAsync("/topics");

        await Page.Locator(".language-switch a[lang=vi]").ClickAsync();
        await Page.WaitForURLAsync(App.RootUri + "/topics");
        Assert.Equal("vi", await Page.Locator("html").GetAttributeAsync("lang"));
        Assert.Equal("Chủ đề", await Page.Locator("h1").InnerTextAsync());

        // The choice sticks on the next page.
        await OpenAsync("/");
        Assert.Equal("Dòng thời gian đối thoại EU–Việt Nam", await Page.Locator("h1").InnerTextAsync());
        Assert.Contains("19 tháng 2 năm 2020", await Page.Locator(".timeline").InnerTextAsync(), StringComparison.Ordinal);
        await ScreenshotAsync("timeline-desktop-vi");

        await Page.Locator(".language-switch a[lang=en]").ClickAsync();
        await Page.WaitForURLAsync(App.RootUri + "/");
        Assert.Equal("en", await Page.Locator("html").GetAttributeAsync("lang"));
        Assert.Equal("EU–Viet Nam dialogue timeline", await Page.Locator("h1").InnerTextAsync());
    }

    [Fact]
    public async Task Opens_a_round_from_the_timeline()
    {
        await OpenAsync("/");

        await Page.GetByRole(AriaRole.Link, new() { Name = "9th round of the EU–Viet Nam Human Rights Dialogue" }).ClickAsync();

        await Page.WaitForURLAsync(RoundUrl());
        Assert.Equal("9th round of the EU–Viet Nam Human Rights Dialogue", await Page.Locator("h1").InnerTextAsync());
        Assert.Contains("19 February 2020", await Page.Locator("dl.facts").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Vòng thứ 9", await Page.Locator(".citations blockquote").First.InnerTextAsync(), StringComparison.Ordinal);
        await ScreenshotAsync("round-desktop-en");
    }

    [Fact]
    public async Task Searches_from_the_box_on_every_page_without_diacritics()
    {
        await OpenAsync("/topics");

        await Page.GetByLabel("Search the record").FillAsync("tu do ton giao");
        await Page.GetByLabel("Search the record").PressAsync("Enter");

        await Page.WaitForURLAsync(SearchUrl());
        Assert.Equal("tu do ton giao", await Page.Locator("#q").InputValueAsync());
        Assert.True(await Page.Locator(".hit").CountAsync() > 0);
        var marked = await Page.Locator(".hit .snippet mark").AllInnerTextsAsync();
        Assert.Contains(marked, m => m.StartsWith("tôn giáo", StringComparison.Ordinal) || m == "tôn" || m == "giáo" || m == "tự do");
        await ScreenshotAsync("search-desktop-en");

        await Page.Locator(".facets a").First.ClickAsync();
        Assert.NotNull(await Page.Locator(".active-filters").TextContentAsync());
    }

    [Fact]
    public async Task The_filters_and_links_work_from_the_keyboard_with_a_visible_focus()
    {
        await OpenAsync("/");

        await Page.Keyboard.PressAsync("Tab");
        var skip = Page.Locator("a.skip-link");
        Assert.True(await skip.EvaluateAsync<bool>("e => e === document.activeElement"));
        Assert.True((await skip.BoundingBoxAsync())!.X >= 0, "the skip link shows when focused");

        await Page.Locator("#topic").FocusAsync();
        var outline = await Page.Locator("#topic").EvaluateAsync<string>("e => getComputedStyle(e).outlineStyle");
        Assert.NotEqual("none", outline);
    }

    [Fact]
    public async Task No_request_leaves_the_site_and_nothing_breaks_the_content_security_policy()
    {
        var violations = new List<string>();
        Page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                violations.Add($"{Page.Url}: {message.Text}");
            }
        };

        foreach (var path in new[] { "/", "/overview", "/topics/human-rights", "/rounds/4", "/swagger/index.html" })
        {
            await OpenAsync(path);
            await Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        }

        Assert.NotEmpty(RequestedUrls);
        Assert.All(RequestedUrls, url => Assert.StartsWith(App.RootUri, url, StringComparison.Ordinal));
        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    [Fact]
    public async Task Prints_a_clean_record_with_its_citations()
    {
        await OpenAsync("/rounds/4");

        await Page.EmulateMediaAsync(new() { Media = Media.Print });

        Assert.Equal("none", await Page.Locator(".site-header").EvaluateAsync<string>("e => getComputedStyle(e).display"));
        Assert.Equal("none", await Page.Locator(".api-link").EvaluateAsync<string>("e => getComputedStyle(e).display"));
        Assert.True(await Page.Locator("h1").IsVisibleAsync());
        Assert.True(await Page.Locator(".citations blockquote").First.IsVisibleAsync());
        var pdfFolder = Path.Combine(ScreenshotFolder);
        Directory.CreateDirectory(pdfFolder);
        await Page.PdfAsync(new() { Path = Path.Combine(pdfFolder, "round-print.pdf") });
    }

    [GeneratedRegex(@"/search\?q=tu")]
    private static partial Regex SearchUrl();

    [GeneratedRegex("topic=death-penalty")]
    private static partial Regex TopicInUrl();

    [GeneratedRegex(@"/rounds/\d+$")]
    private static partial Regex RoundUrl();
}
