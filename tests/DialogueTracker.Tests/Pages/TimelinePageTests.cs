using System.Net;

namespace DialogueTracker.Tests.Pages;

public class TimelinePageTests(DialogueTrackerFactory factory) : IClassFixture<DialogueTrackerFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Shows_every_round_and_statement_grouped_by_year_with_undated_apart()
    {
        var page = await _client.GetPageAsync("/");

        Assert.Equal(["2003", "2012", "2020", "2021", "Undated"], page.Texts("li.year > h2"));
        Assert.Equal(4, page.QuerySelectorAll(".entry-round").Length);
        Assert.Equal(4, page.QuerySelectorAll(".entry-statement").Length);
        var undated = page.QuerySelectorAll("li.year").Last();
        Assert.Equal(3, undated.QuerySelectorAll(".entry").Length);
        Assert.All(undated.QuerySelectorAll(".date"), d => Assert.Equal("Undated", d.Text()));
    }

    [Fact]
    public async Task Writes_dates_as_people_do_and_marks_the_inferred_year()
    {
        var page = await _client.GetPageAsync("/");

        var dates = page.Texts("time.date");
        Assert.Contains("19 February 2020", dates);
        Assert.Contains("2003", dates);
        var inferred = page.QuerySelector("time.inferred");
        Assert.Equal("24 June 2021?", inferred.Text());
        Assert.Contains("inferred", inferred!.GetAttribute("title"), StringComparison.Ordinal);
        Assert.Equal("2021?-06-24", inferred.GetAttribute("data-edtf"));
    }

    [Fact]
    public async Task Each_entry_links_to_its_page_and_shows_kind_mechanism_and_topics()
    {
        var page = await _client.GetPageAsync("/");

        var ninth = page.QuerySelectorAll(".entry-round").Single(e => e.TextContent.Contains("9th round", StringComparison.Ordinal));
        Assert.Matches(@"^/rounds/\d+$", ninth.QuerySelector("h3 a")!.GetAttribute("href"));
        Assert.Contains("Round · 9th", ninth.QuerySelector(".kind").Text(), StringComparison.Ordinal);
        Assert.Equal("EU–Viet Nam Human Rights Dialogue", ninth.QuerySelector(".mechanism").Text());
        Assert.Contains("Human rights", ninth.QuerySelectorAll(".chips a").Select(a => a.Text()));
        var statement = page.QuerySelector(".entry-statement h3 a");
        Assert.Matches(@"^/statements/\d+$", statement!.GetAttribute("href"));
    }

    [Fact]
    public async Task Filters_are_a_plain_get_form_whose_result_is_a_shareable_link()
    {
        var page = await _client.GetPageAsync("/?mechanism=human-rights-dialogue&from=2012");

        var form = page.QuerySelector("form.filters")!;
        Assert.Equal("get", form.GetAttribute("method"));
        Assert.Equal(["2012", "2020"], page.Texts("li.year > h2"));
        Assert.Equal("human-rights-dialogue", page.QuerySelector("#mechanism option[selected]")!.GetAttribute("value"));
        Assert.Equal("2012", page.QuerySelector("#from")!.GetAttribute("value"));
        Assert.NotNull(page.QuerySelector("a[href='/']"));
    }

    [Theory]
    [InlineData("/?party=viet-nam", 1)]
    [InlineData("/?topic=death-penalty", 1)]
    [InlineData("/?topic=human-rights", 7)]
    [InlineData("/?from=2020&to=2021", 2)]
    public async Task Filters_narrow_the_timeline(string url, int expected)
    {
        var page = await _client.GetPageAsync(url);

        Assert.Equal(expected, page.QuerySelectorAll(".entry").Length);
    }

    [Fact]
    public async Task Bad_filters_get_a_message_and_keep_what_was_typed()
    {
        var page = await _client.GetPageAsync("/?from=yesterday&party=martians&topic=death-penalty");

        var errors = page.Texts(".form-errors li");
        Assert.Contains(errors, e => e.Contains("'yesterday' is not a date", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("'martians' is not a party", StringComparison.Ordinal));
        Assert.Equal("yesterday", page.QuerySelector("#from")!.GetAttribute("value"));
        // The valid filter still applies.
        Assert.Equal(1, page.QuerySelectorAll(".entry").Length);
    }

    [Fact]
    public async Task An_empty_result_says_so()
    {
        var page = await _client.GetPageAsync("/?from=2030");

        Assert.Contains("Nothing on the timeline matches", page.QuerySelector(".empty").Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_page_number_shows_the_first_page_with_a_message()
    {
        var page = await _client.GetPageAsync("/?page=abc");

        Assert.Contains(page.Texts(".form-errors li"), e => e.Contains("'abc' is not a page number", StringComparison.Ordinal));
        Assert.Equal(8, page.QuerySelectorAll(".entry").Length);
    }

    [Fact]
    public async Task A_page_past_the_end_is_empty_even_when_huge()
    {
        var page = await _client.GetPageAsync("/?page=2147483647");

        Assert.Empty(page.QuerySelectorAll(".entry"));
        Assert.Contains("past the end", page.QuerySelector(".empty").Text(), StringComparison.Ordinal);
        Assert.Equal("/?page=1", page.QuerySelector(".empty a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Has_a_title_description_language_and_skip_link()
    {
        var page = await _client.GetPageAsync("/");

        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Timeline · DialogueTracker", page.Title);
        Assert.False(string.IsNullOrWhiteSpace(page.QuerySelector("meta[name=description]")!.GetAttribute("content")));
        Assert.Equal("#main", page.QuerySelector("a.skip-link")!.GetAttribute("href"));
        Assert.NotNull(page.QuerySelector("main#main"));
    }

    [Fact]
    public async Task Vietnamese_is_sent_as_text_not_as_character_references()
    {
        var html = await _client.GetStringAsync("/?culture=vi");

        Assert.Contains("Vòng thứ 9 Đối thoại Nhân quyền EU–Việt Nam", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_addresses_get_a_404_page()
    {
        var page = await _client.GetPageAsync("/no/such/page", HttpStatusCode.NotFound);

        Assert.Equal("Page not found", page.QuerySelector("h1").Text());
    }
}
