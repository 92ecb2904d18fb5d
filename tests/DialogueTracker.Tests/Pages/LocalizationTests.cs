using System.Net;
using System.Xml.Linq;
using System.Text.RegularExpressions;
using DialogueTracker.Tests.Api;
using DialogueTracker.Web.Import;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace DialogueTracker.Tests.Pages;

public partial class LocalizationTests(DialogueTrackerFactory factory) : IClassFixture<DialogueTrackerFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task English_is_the_default()
    {
        var page = await _client.GetPageAsync("/");

        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("EU–Viet Nam dialogue timeline", page.QuerySelector("h1").Text());
        Assert.Contains("19 February 2020", page.Texts("time.date"));
    }

    [Fact]
    public async Task The_culture_parameter_switches_the_whole_page_to_vietnamese()
    {
        var page = await _client.GetPageAsync("/?culture=vi");

        Assert.Equal("vi", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Dòng thời gian đối thoại EU–Việt Nam", page.QuerySelector("h1").Text());
        Assert.Contains("Dòng thời gian", page.Texts(".site-nav a"));
        Assert.Contains("19 tháng 2 năm 2020", page.Texts("time.date"));
        Assert.Contains("24 tháng 6 năm 2021?", page.Texts("time.date"));
        Assert.Contains("Vòng thứ 9 Đối thoại Nhân quyền EU–Việt Nam", page.Texts(".event h3"));
        Assert.Contains(page.Texts(".badge.kind"), b => b == "Vòng đối thoại · thứ 9");
        Assert.Equal("Không rõ ngày", page.QuerySelectorAll("li.year > h2").Last().Text());
    }

    [Fact]
    public async Task Accept_language_chooses_vietnamese()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/topics");
        request.Headers.AcceptLanguage.ParseAdd("vi-VN,vi;q=0.9,en;q=0.5");
        using var response = await _client.SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Contains("<html lang=\"vi\">", html, StringComparison.Ordinal);
        Assert.Contains("Án tử hình", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_language_switch_remembers_the_choice_in_a_cookie_and_goes_back()
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

        using var switched = await client.GetAsync("/language/vi?returnUrl=%2Ftopics%3Fculture%3Den");
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Equal("/topics", switched.Headers.Location!.OriginalString);
        var cookie = Assert.Single(switched.Headers.GetValues("Set-Cookie"));
        Assert.Contains(".AspNetCore.Culture=c%3Dvi%7Cuic%3Dvi", cookie, StringComparison.Ordinal);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);

        var page = await client.GetPageAsync("/topics");
        Assert.Equal("vi", page.DocumentElement.GetAttribute("lang"));

        using var back = await client.GetAsync("/language/en?returnUrl=%2Ftopics");
        Assert.Equal("en", (await client.GetPageAsync("/topics")).DocumentElement.GetAttribute("lang"));
    }

    [Theory]
    [InlineData("https://evil.example/", "/")]
    [InlineData("//evil.example/", "/")]
    [InlineData("/\\evil.example/", "/")]
    [InlineData("/rounds/1?culture=vi&x=1", "/rounds/1?x=1")]
    public async Task The_language_switch_only_goes_back_inside_the_site(string returnUrl, string expected)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await client.GetAsync($"/language/vi?returnUrl={Uri.EscapeDataString(returnUrl)}");

        Assert.Equal(expected, response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task An_unknown_language_is_a_404() =>
        await _client.GetPageAsync("/language/xx", HttpStatusCode.NotFound);

    [Fact]
    public async Task The_switch_links_lead_back_to_the_same_page()
    {
        var page = await _client.GetPageAsync("/topics/death-penalty?culture=vi");

        var english = page.QuerySelector(".language-switch a[lang=en]")!.GetAttribute("href");
        Assert.Equal("/language/en?returnUrl=%2Ftopics%2Fdeath-penalty", english);
        Assert.Equal("Tiếng Việt", page.QuerySelector(".language-switch [aria-current]").Text());
    }

    [Fact]
    public async Task Filter_messages_are_translated_too()
    {
        var page = await _client.GetPageAsync("/?culture=vi&party=martians");

        Assert.Contains(page.Texts(".form-errors li"), e => e.Contains("'martians' không phải là một bên", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Pages_name_their_canonical_address_languages_and_open_graph_data()
    {
        var page = await _client.GetPageAsync("/topics/death-penalty?culture=vi");

        Assert.Equal("http://localhost/topics/death-penalty", page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.Equal("http://localhost/topics/death-penalty?culture=en", page.QuerySelector("link[hreflang=en]")!.GetAttribute("href"));
        Assert.Equal("Án tử hình", page.QuerySelector("meta[property='og:title']")!.GetAttribute("content"));
        Assert.Equal("vi_VN", page.QuerySelector("meta[property='og:locale']")!.GetAttribute("content"));
        Assert.Equal("http://localhost/topics/death-penalty", page.QuerySelector("meta[property='og:url']")!.GetAttribute("content"));
    }

    [Fact]
    public async Task Text_a_record_lacks_in_the_readers_language_is_shown_in_its_own_and_marked()
    {
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var result = await scope.ServiceProvider.GetRequiredService<DatasetImporter>().ImportAsync(new Dataset
            {
                Rounds =
                [
                    new RoundRecord
                    {
                        Key = "english-only-round", Mechanism = "eu-delegation-dialogue", Kind = "meeting", Date = "2019-05",
                        TitleEn = "A meeting recorded only in English", SummaryEn = "Only English here.",
                        Citations = [new CitationRecord { Source = "seed-vi-eu-delegation-dialogue-page", Quote = "q" }],
                    },
                ],
            }, dryRun: false);
            Assert.True(result.Succeeded);
        }

        var list = await _client.GetJsonAsync("/api/v1/rounds?mechanism=eu-delegation-dialogue");
        var id = list.Items().Single().GetProperty("id").GetInt32();

        var vietnamese = await _client.GetPageAsync($"/rounds/{id}?culture=vi");
        Assert.Equal("en", vietnamese.QuerySelector("h1")!.GetAttribute("lang"));
        Assert.Equal("chỉ có bản tiếng Anh", vietnamese.QuerySelector(".fallback").Text());
        Assert.Contains("(chỉ có bản tiếng Anh)", vietnamese.QuerySelector("#summary-heading + p").Text(), StringComparison.Ordinal);

        var english = await _client.GetPageAsync($"/rounds/{id}");
        Assert.Null(english.QuerySelector(".fallback"));
    }

    [Fact]
    public async Task Every_ui_text_has_a_vietnamese_translation()
    {
        var root = RepositoryRoot();
        var web = Path.Combine(root, "src", "DialogueTracker.Web");
        var resx = XDocument.Load(Path.Combine(web, "Resources", "Localization", "SharedResource.vi.resx"));
        var translated = resx.Root!.Elements("data").ToDictionary(d => d.Attribute("name")!.Value, d => d.Element("value")!.Value);

        var used = Directory.EnumerateFiles(web, "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".cshtml", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => LocalizedKey().Matches(File.ReadAllText(f)).Select(m => m.Groups["key"].Value))
            .Distinct()
            .ToList();

        Assert.True(used.Count > 50, $"found only {used.Count} localized texts");
        Assert.All(used, key => Assert.True(translated.ContainsKey(key.Replace("\\\"", "\"", StringComparison.Ordinal)), $"no Vietnamese for \"{key}\""));
        Assert.All(translated, pair => Assert.False(string.IsNullOrWhiteSpace(pair.Value), pair.Key));
        await Task.CompletedTask;
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "DialogueTracker.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("DialogueTracker.sln not found above the test output");
    }

    [GeneratedRegex("""(?:\bT|localizer|Labels)\[\s*"(?<key>(?:[^"\\]|\\.)*)"|Labels\.Count\([^,]+,\s*"(?<key>(?:[^"\\]|\\.)*)"|Labels\.Count\([^,]+,\s*"(?:[^"\\]|\\.)*",\s*"(?<key>(?:[^"\\]|\\.)*)"|=>\s*localizer\["(?<key>[^"]+)"\]""")]
    private static partial Regex LocalizedKey();
}
