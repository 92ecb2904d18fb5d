using System.Net;
using DialogueTracker.Tests.Api;
using DialogueTracker.Tests.Pages;

namespace DialogueTracker.Tests.Concerns;

public class ConcernPagesTests(DialogueTrackerFactory factory) : IClassFixture<DialogueTrackerFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private async Task<int> ConcernIdAsync(string key) =>
        (await _client.GetJsonAsync("/api/v1/concerns?pageSize=100")).Items().Single(c => c.Str("key") == key).GetProperty("id").GetInt32();

    [Fact]
    public async Task The_list_shows_each_concern_with_its_sides_and_status_and_filters_by_status()
    {
        var all = await _client.GetPageAsync("/concerns");
        var raised = await _client.GetPageAsync("/concerns?status=raised");

        var expression = all.QuerySelectorAll("li.concern").Single(li => li.QuerySelector("h2").Text() == "Freedom of expression, online and offline");
        Assert.Contains("EU to Viet Nam", expression.QuerySelector(".badge.party").Text(), StringComparison.Ordinal);
        Assert.Equal("Responded", expression.QuerySelector(".badge.status").Text());
        Assert.Contains("editor's reading", all.QuerySelector(".hint").Text(), StringComparison.Ordinal);
        Assert.Contains("Freedom of religion or belief", raised.Texts("li.concern h2"));
        Assert.DoesNotContain("Freedom of expression, online and offline", raised.Texts("li.concern h2"));
        Assert.Equal("raised", raised.QuerySelector("#status option[selected]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task A_bad_filter_is_a_message_by_its_field_and_an_empty_result_says_so()
    {
        var bad = await _client.GetPageAsync("/concerns?status=resolved", HttpStatusCode.BadRequest);
        var empty = await _client.GetPageAsync("/concerns?party=ngo");

        Assert.Contains("resolved", bad.QuerySelector("#status ~ .field-error").Text(), StringComparison.Ordinal);
        Assert.Contains("No concern matches", empty.QuerySelector(".empty").Text(), StringComparison.Ordinal);
        Assert.Equal("/concerns", empty.QuerySelector(".empty a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task A_concern_page_shows_the_thread_raised_then_answered_and_its_status_with_sources()
    {
        var id = await ConcernIdAsync("eu-freedom-of-expression");

        var page = await _client.GetPageAsync($"/concerns/{id}");

        var mentions = page.QuerySelectorAll(".timeline li.mention");
        Assert.Equal(["mention-eu-delegation-page", "mention-vn-spokesperson-answer"], mentions.Select(m => m.Id));
        Assert.Contains("Raised by EU", mentions[0].QuerySelector(".badge").Text(), StringComparison.Ordinal);
        Assert.Contains("Response from Viet Nam", mentions[1].QuerySelector(".badge").Text(), StringComparison.Ordinal);
        Assert.Equal("#mention-eu-delegation-page", mentions[1].QuerySelector(".answers a")!.GetAttribute("href"));
        Assert.Matches(@"^/statements/\d+$", mentions[1].QuerySelector(".where a")!.GetAttribute("href"));
        Assert.Equal("en", mentions[1].QuerySelector("blockquote")!.GetAttribute("lang"));

        var history = page.QuerySelectorAll(".status-history > li");
        Assert.Equal(["Raised", "Responded"], history.Select(h => h.QuerySelector(".badge.status").Text()));
        Assert.All(history, h => Assert.NotEmpty(h.QuerySelectorAll(".citation")));
        Assert.Contains("editor's reading", page.QuerySelector("#status-heading + .hint").Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_concern_page_reads_in_Vietnamese()
    {
        var id = await ConcernIdAsync("eu-human-rights-defenders");

        var page = await _client.GetPageAsync($"/concerns/{id}?culture=vi");

        Assert.Equal("Bảo vệ những nhà hoạt động nhân quyền và các trường hợp cụ thể", page.QuerySelector("h1").Text());
        Assert.Equal("Đã có phản hồi", page.QuerySelector("dl.facts .badge.status").Text());
        Assert.Contains("Phản hồi của Việt Nam", page.Texts(".mention .badge"));
    }

    [Fact]
    public async Task The_statement_page_lists_the_concerns_it_answers()
    {
        var statementId = (await _client.GetJsonAsync("/api/v1/statements?party=viet-nam")).Items().Single().GetProperty("id").GetInt32();
        var expression = await ConcernIdAsync("eu-freedom-of-expression");

        var page = await _client.GetPageAsync($"/statements/{statementId}");

        var links = page.QuerySelectorAll(".concerns-here a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains($"/concerns/{expression}", links);
        Assert.Equal(3, links.Count);
    }
}
