using System.Text.Json;

namespace DialogueTracker.BrowserTests;

/// <summary>axe-core and html-validate over every page, in both languages.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PageQualityTests(KestrelAppFactory app, PlaywrightFixture playwright) : BrowserTest(app, playwright)
{
    private static readonly string[] PagePaths =
    [
        "/", "/?culture=vi", "/?topic=human-rights&from=2012", "/?party=martians&from=yesterday",
        "/rounds/4", "/rounds/4?culture=vi", "/statements/1", "/statements/2?culture=vi",
        "/topics", "/topics?culture=vi", "/topics/human-rights", "/topics/death-penalty?culture=vi",
        "/sources", "/sources/1", "/sources/2?culture=vi", "/overview", "/overview?culture=vi",
        "/concerns", "/concerns?status=raised&culture=vi", "/concerns?status=resolved", "/concerns/1", "/concerns/4?culture=vi",
        "/no-such-page", "/rounds/999999?culture=vi",
        "/search", "/search?q=tu+do+ton+giao", "/search?q=death+penalty&culture=vi", "/search?q=zzzzqqq", "/search?q=%22unbalanced",
    ];

    public static TheoryData<string> Pages => [.. PagePaths];

    public static readonly string ToolsFolder = FindToolsFolder();

    // axe is injected as an inline script, which the site's Content-Security-Policy rightly forbids.
    protected override BrowserNewContextOptions ContextOptions => new() { ViewportSize = new() { Width = 1280, Height = 900 }, BypassCSP = true };

    // Moderate in axe's scale, but a reader who navigates by headings and landmarks depends on them.
    private static readonly HashSet<string?> StructureRules = ["heading-order", "page-has-heading-one", "landmark-one-main", "region", "landmark-unique"];

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Axe_finds_no_serious_or_critical_violation_nor_a_broken_structure(string path)
    {
        await OpenAsync(path);
        await Page.AddScriptTagAsync(new() { Path = Path.Combine(ToolsFolder, "node_modules", "axe-core", "axe.min.js") });

        var result = await Page.EvaluateAsync<JsonElement>("async () => await axe.run(document, { resultTypes: ['violations'] })");

        var serious = result.GetProperty("violations").EnumerateArray()
            .Where(v => v.GetProperty("impact").GetString() is "serious" or "critical" || StructureRules.Contains(v.GetProperty("id").GetString()))
            .Select(v => $"{v.GetProperty("id").GetString()}: {v.GetProperty("help").GetString()} at "
                + string.Join(" | ", v.GetProperty("nodes").EnumerateArray().Take(3).Select(n => n.GetProperty("html").GetString())))
            .ToList();
        Assert.True(serious.Count == 0, $"{path}:\n{string.Join("\n", serious)}");
    }

    [Fact]
    public async Task Every_page_is_valid_html()
    {
        // The server's own HTML, not the browser's repaired DOM; one html-validate run over all pages.
        using var client = new HttpClient { BaseAddress = new Uri(App.RootUri) };
        var pages = new Dictionary<string, string>();
        foreach (var path in PagePaths)
        {
            using var response = await client.GetAsync(path);
            pages[path] = await response.Content.ReadAsStringAsync();
        }

        var problems = await HtmlValidation.ProblemsAsync(pages);

        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(40)));
    }

    /// <summary>The test project's folder, where package.json and node_modules live.</summary>
    private static string FindToolsFolder()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "package.json")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("package.json not found above the test output");
    }
}
