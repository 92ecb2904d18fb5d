using DialogueTracker.Tests.Pages;

namespace DialogueTracker.Tests.Search;

public class SearchPageTests(DialogueTrackerFactory factory) : IClassFixture<DialogueTrackerFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Theory]
    [InlineData("/")]
    [InlineData("/topics")]
    [InlineData("/sources")]
    public async Task Every_page_has_the_labelled_search_box(string url)
    {
        var page = await _client.GetPageAsync(url);

        var form = page.QuerySelector("form[role=search][action='/search']");
        Assert.NotNull(form);
        var input = form.QuerySelector("input[name=q]");
        Assert.NotNull(page.QuerySelector($"label[for={input!.Id}]"));
    }

    [Fact]
    public async Task Results_keep_the_query_and_mark_the_matches()
    {
        var page = await _client.GetPageAsync("/search?q=tu+do+ton+giao");

        Assert.Equal("tu do ton giao", page.QuerySelector("main input#q")?.GetAttribute("value"));
        Assert.Equal("tu do ton giao", page.QuerySelector("header input[name=q]")?.GetAttribute("value"));
        Assert.Contains(page.QuerySelectorAll(".snippet mark"), m => m.TextContent == "tôn");
        Assert.Contains("/topics/freedom-of-religion-or-belief", page.QuerySelectorAll(".hits h3 a").Select(a => a.GetAttribute("href")));
        Assert.Equal(["Search", "Narrow the results", "Results"], page.Texts("h1, h2").Take(3));
    }

    [Fact]
    public async Task Facet_links_narrow_the_search_and_can_be_removed()
    {
        var page = await _client.GetPageAsync("/search?q=nhan+quyen");
        var typeLink = page.QuerySelector(".facet-type a")!.GetAttribute("href")!;
        Assert.Contains("type=", typeLink, StringComparison.Ordinal);
        Assert.Contains("q=nhan%20quyen", typeLink, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector(".facet-party a[href*='party=viet-nam']"));
        Assert.NotNull(page.QuerySelector(".facet-year a[href*='from=2020'][href*='to=2020']"));

        var narrowed = await _client.GetPageAsync("/search?q=nhan+quyen&type=round");

        Assert.All(narrowed.QuerySelectorAll(".hit"), h => Assert.Contains("hit-round", h.ClassList));
        Assert.Equal("/search?q=nhan%20quyen", narrowed.QuerySelector(".active-filters a.chip")?.GetAttribute("href"));
    }

    [Fact]
    public async Task Record_text_cannot_inject_markup_into_snippets()
    {
        await using (var scope = factory.CreateScope(out var db))
        {
            db.Statements.Add(new Web.Model.Statement { Key = "xss-test", TitleEn = "<script>alert(1)</script> xsstest", Language = "en" });
            await db.SaveChangesAsync();
        }

        var page = await _client.GetPageAsync("/search?q=xsstest");

        Assert.Empty(page.QuerySelectorAll("main script"));
        Assert.Contains("<script>", page.QuerySelector(".snippet")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_results_says_so_and_suggests_removing_filters()
    {
        var page = await _client.GetPageAsync("/search?q=death+penalty&type=round");

        var empty = page.QuerySelector(".empty");
        Assert.Contains("Nothing matches", empty.Text(), StringComparison.Ordinal);
        Assert.Equal("/search?q=death%20penalty", empty!.QuerySelector("a")?.GetAttribute("href"));
    }

    [Fact]
    public async Task Nothing_to_search_for_is_a_message_in_the_form()
    {
        var page = await _client.GetPageAsync("/search?q=%22+*+AND");

        Assert.Contains("no words to search for", page.QuerySelector(".form-errors").Text(), StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll(".hit"));
    }

    [Fact]
    public async Task Results_are_paged()
    {
        var first = await _client.GetPageAsync("/search?q=a*");
        var next = first.QuerySelector(".pager a[rel=next]")?.GetAttribute("href");

        Assert.Equal(20, first.QuerySelectorAll(".hit").Length);
        Assert.Equal("/search?q=a*&page=2", next);
        var second = await _client.GetPageAsync(next!);
        Assert.Empty(first.QuerySelectorAll(".hits h3 a").Select(a => a.GetAttribute("href"))
            .Intersect(second.QuerySelectorAll(".hits h3 a").Select(a => a.GetAttribute("href"))));
    }
}
