using System.Net;
using DialogueTracker.Tests.Api;

namespace DialogueTracker.Tests.Pages;

/// <summary>The pages of single rounds, statements, topics and sources.</summary>
public class RecordPagesTests(DialogueTrackerFactory factory) : IClassFixture<DialogueTrackerFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private async Task<int> IdOfAsync(string listUrl) =>
        (await _client.GetJsonAsync(listUrl)).Items().First().GetProperty("id").GetInt32();

    [Fact]
    public async Task A_round_page_shows_its_facts_summary_and_sources()
    {
        var id = await IdOfAsync("/api/v1/rounds?from=2020");

        var page = await _client.GetPageAsync($"/rounds/{id}");

        Assert.Equal("9th round of the EU–Viet Nam Human Rights Dialogue", page.QuerySelector("h1").Text());
        var facts = page.QuerySelector("dl.facts").Text();
        Assert.Contains("19 February 2020", facts, StringComparison.Ordinal);
        Assert.Contains("9th round", facts, StringComparison.Ordinal);
        Assert.Contains("Enhanced dialogue", facts, StringComparison.Ordinal);
        Assert.Contains("Not given in the sources", facts, StringComparison.Ordinal);
        var citation = page.QuerySelector(".citations .citation")!;
        Assert.Equal("vi", citation.QuerySelector("blockquote")!.GetAttribute("lang"));
        Assert.Contains("Vòng thứ 9", citation.QuerySelector("blockquote").Text(), StringComparison.Ordinal);
        Assert.Matches(@"^/sources/\d+$", citation.QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains(page.Texts(".claim"), c => c.Contains("number", StringComparison.Ordinal) && c.Contains('9', StringComparison.Ordinal));
    }

    [Fact]
    public async Task Pages_carry_the_icon_sprite_only_when_they_draw_icons_and_then_every_icon_they_draw()
    {
        var round = await IdOfAsync("/api/v1/rounds?from=2020");
        var concern = await IdOfAsync("/api/v1/concerns");
        string[] urls = ["/", "/?culture=vi", $"/concerns/{concern}", $"/rounds/{round}", "/statements/1", "/topics/death-penalty", "/search?q=dialogue"];

        foreach (var url in urls)
        {
            var page = await _client.GetPageAsync(url);
            var drawn = page.QuerySelectorAll("use").Select(use => use.GetAttribute("href")!).ToList();
            var defined = page.QuerySelectorAll("svg.sprite symbol").Select(symbol => "#" + symbol.Id).ToList();
            Assert.All(drawn, href => Assert.Contains(href, defined));
            Assert.Equal(drawn.Count > 0, defined.Count > 0);
        }

        Assert.NotEmpty((await _client.GetPageAsync("/")).QuerySelectorAll("use"));
        Assert.NotEmpty((await _client.GetPageAsync($"/concerns/{concern}")).QuerySelectorAll("use"));
        Assert.Null((await _client.GetPageAsync($"/rounds/{round}")).QuerySelector("svg.sprite"));
    }

    [Fact]
    public async Task A_round_page_lists_its_statements_in_date_order()
    {
        // On a database of this test's own: the seed has no statement in a round, and other tests count statements.
        await using var own = new DialogueTrackerFactory();
        using var client = own.CreateClient();
        var (_, token) = await own.CreateEditorAsync(DialogueTracker.Web.Model.Roles.Editor);
        foreach (var (key, date, title) in new[] { ("later", "2020-02-20", "Said the day after"), ("earlier", "2020-02-19", "Said on the day") })
        {
            await client.CreateAsync("/api/v1/statements", token, new
            {
                key, date, party = "eu", round = "hrd-2020-02-19", titleEn = title, titleVi = "Tuyên bố " + key, language = "en",
                citations = new[] { new { source = "seed-vi-eu-delegation-dialogue-page" } },
            });
        }

        var id = (await client.GetJsonAsync("/api/v1/rounds?from=2020")).Items().First().GetProperty("id").GetInt32();
        var page = await client.GetPageAsync($"/rounds/{id}");

        var links = page.QuerySelectorAll("section[aria-labelledby=statements-heading] li a").ToList();
        Assert.Equal(["Said on the day", "Said the day after"], links.Select(a => a.Text()));
        Assert.All(links, a => Assert.Matches(@"^/statements/\d+$", a.GetAttribute("href")));
    }

    [Fact]
    public async Task A_round_page_offers_a_citation_in_three_forms()
    {
        var id = await IdOfAsync("/api/v1/rounds?from=2020");

        var page = await _client.GetPageAsync($"/rounds/{id}");

        var box = page.QuerySelector(".cite-box")!;
        Assert.Equal($"http://localhost/rounds/{id}", box.QuerySelector("a")!.GetAttribute("href"));
        Assert.StartsWith("DialogueTracker. “9th round of the EU–Viet Nam Human Rights Dialogue” (19 February 2020).", box.QuerySelector(".citation-text").Text(), StringComparison.Ordinal);
        var blocks = box.QuerySelectorAll("pre").Select(p => p.TextContent).ToList();
        Assert.StartsWith("@misc{dialoguetracker-hrd-2020-02-19,", blocks[0], StringComparison.Ordinal);
        Assert.Contains("year = {2020}", blocks[0], StringComparison.Ordinal);
        var csl = System.Text.Json.JsonDocument.Parse(blocks[1]).RootElement;
        Assert.Equal("webpage", csl.GetProperty("type").GetString());
        Assert.Equal([2020, 2, 19], csl.GetProperty("issued").GetProperty("date-parts")[0].EnumerateArray().Select(e => e.GetInt32()));
    }

    [Fact]
    public async Task A_statement_page_shows_who_said_what_in_their_own_words()
    {
        var id = await IdOfAsync("/api/v1/statements?party=viet-nam");

        var page = await _client.GetPageAsync($"/statements/{id}");

        var facts = page.QuerySelector("dl.facts").Text();
        Assert.Contains("Le Thi Thu Hang, Spokesperson, Ministry of Foreign Affairs of Viet Nam", facts, StringComparison.Ordinal);
        Assert.Contains("EU Annual Report on Human Rights 2020", facts, StringComparison.Ordinal);
        Assert.Contains("held online", facts, StringComparison.Ordinal);
        Assert.Equal("24 June 2021?", page.QuerySelector("dl.facts time.inferred").Text());
        Assert.Contains("2021 is inferred", page.QuerySelector("dl.facts .note").Text(), StringComparison.Ordinal);
        var quote = page.QuerySelector("blockquote.quote")!;
        Assert.Equal("en", quote.GetAttribute("lang"));
        Assert.Contains("no one has been arrested or brought to court merely for expressing opinions", quote.Text(), StringComparison.Ordinal);
        Assert.NotEmpty(page.QuerySelectorAll(".citations .citation"));
    }

    [Fact]
    public async Task An_undated_statement_says_so()
    {
        var list = await _client.GetJsonAsync("/api/v1/statements?party=eu");
        var id = list.Items().First().GetProperty("id").GetInt32();

        var page = await _client.GetPageAsync($"/statements/{id}");

        Assert.Equal("Undated", page.QuerySelector("dl.facts .undated").Text());
        Assert.Contains("no date", page.QuerySelector("dl.facts .note").Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_topics_page_shows_the_tree_in_both_languages()
    {
        var page = await _client.GetPageAsync("/topics");

        var items = page.QuerySelectorAll(".topic-tree li").ToList();
        Assert.True(items.Count >= 20);
        var death = items.Single(li => li.QuerySelector("a")!.GetAttribute("href") == "/topics/death-penalty");
        Assert.Contains("depth-2", death.ClassName, StringComparison.Ordinal);
        Assert.Equal("Án tử hình", death.QuerySelector("[lang=vi]").Text());
    }

    [Fact]
    public async Task A_topic_page_lists_records_of_it_and_its_narrower_topics()
    {
        var page = await _client.GetPageAsync("/topics/civil-and-political-rights");

        Assert.Equal("Civil and political rights", page.QuerySelector("h1").Text());
        Assert.Contains(page.Texts(".chips a"), t => t == "Death penalty");
        Assert.Equal(3, page.QuerySelectorAll(".entries .entry").Length);
        Assert.NotEmpty(page.QuerySelectorAll(".citations .citation"));
        Assert.NotNull(page.QuerySelector("a[href='/?topic=civil-and-political-rights']"));
    }

    [Fact]
    public async Task The_sources_page_lists_each_source_with_what_is_known()
    {
        var page = await _client.GetPageAsync("/sources");

        var titles = page.Texts(".source-title");
        Assert.Contains("Viet Nam ready to cooperate with EU in human rights issue", titles);
        Assert.Contains("ĐỐI THOẠI CHÍNH TRỊ VÀ NHÂN QUYỀN", titles);
        Assert.Contains("Vietnamese", page.QuerySelector(".sources").Text(), StringComparison.Ordinal);
        Assert.Contains("Date unknown", page.QuerySelector(".sources").Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_source_page_lists_what_it_supports()
    {
        var sources = await _client.GetJsonAsync("/api/v1/sources");
        var vi = sources.Items().Single(s => s.Str("language") == "vi");

        var page = await _client.GetPageAsync($"/sources/{vi.GetProperty("id").GetInt32()}");

        Assert.Equal(vi.GetProperty("citationCount").GetInt32(), page.QuerySelectorAll(".citation").Length);
        Assert.Contains(page.QuerySelectorAll(".citation a"), a => a.GetAttribute("href")!.StartsWith("/rounds/", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/rounds/999999")]
    [InlineData("/statements/999999")]
    [InlineData("/topics/no-such-topic")]
    [InlineData("/sources/999999")]
    [InlineData("/rounds/abc")]
    public async Task Unknown_records_get_a_404_page(string url)
    {
        var page = await _client.GetPageAsync(url, HttpStatusCode.NotFound);

        Assert.Equal("Page not found", page.QuerySelector("h1").Text());
    }

    [Theory]
    [InlineData("/topics")]
    [InlineData("/sources")]
    [InlineData("/topics/death-penalty")]
    public async Task Every_page_has_its_own_title_and_description(string url)
    {
        var page = await _client.GetPageAsync(url);

        Assert.EndsWith(" · DialogueTracker", page.Title, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(page.QuerySelector("meta[name=description]")!.GetAttribute("content")));
        Assert.Single(page.QuerySelectorAll("h1"));
    }

}
