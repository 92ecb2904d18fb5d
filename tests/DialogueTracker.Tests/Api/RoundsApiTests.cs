using System.Net;

namespace DialogueTracker.Tests.Api;

public class RoundsApiTests(DialogueTrackerFactory factory) : IClassFixture<DialogueTrackerFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Lists_the_human_rights_dialogue_in_date_order()
    {
        var list = await _client.GetJsonAsync("/api/v1/rounds?mechanism=human-rights-dialogue");

        Assert.Equal(["2003", "2012", "2020-02-19"], list.Items().Select(r => r.Str("date")));
        Assert.Equal(["year", "year", "day"], list.Items().Select(r => r.Str("datePrecision")));
        Assert.Equal(3, list.GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task A_round_carries_its_series_number_topics_and_citations()
    {
        var list = await _client.GetJsonAsync("/api/v1/rounds?mechanism=human-rights-dialogue&from=2020");
        var id = list.Items().Single().GetProperty("id").GetInt32();

        var round = await _client.GetJsonAsync($"/api/v1/rounds/{id}");

        Assert.Equal("round", round.Str("kind"));
        Assert.Equal(9, round.GetProperty("number").GetInt32());
        Assert.Equal("enhanced", round.GetProperty("series").Str("slug"));
        Assert.Equal("2012", round.GetProperty("series").Str("startDate"));
        Assert.Equal("human-rights-dialogue", round.GetProperty("mechanism").Str("slug"));
        Assert.Equal($"/rounds/{id}", round.Str("url"));
        Assert.Contains(round.GetProperty("topics").EnumerateArray(), t => t.Str("slug") == "human-rights");
        var citation = round.GetProperty("citations").EnumerateArray().First();
        Assert.Equal("vi", citation.GetProperty("source").Str("language"));
        Assert.Contains("Vòng thứ 9", citation.Str("quote"), StringComparison.Ordinal);
        Assert.Contains(round.GetProperty("citations").EnumerateArray(), c => c.GetProperty("claimField").GetString() == "number" && c.Str("claimValue") == "9");
    }

    [Theory]
    [InlineData("?from=2012", 3)]
    [InlineData("?from=2012&to=2012", 2)]
    [InlineData("?to=2020-01", 3)]
    [InlineData("?from=2020-02&to=2020-02", 1)]
    [InlineData("?from=2020-02-20", 0)]
    [InlineData("?mechanism=vice-ministerial-political-consultations", 1)]
    [InlineData("?topic=human-rights", 4)]
    [InlineData("?topic=climate-change", 1)]
    [InlineData("?topic=sustainable-development", 1)]
    [InlineData("?party=eu", 0)]
    public async Task Filters_combine(string query, int expected)
    {
        var list = await _client.GetJsonAsync("/api/v1/rounds" + query);

        Assert.Equal(expected, list.GetProperty("totalCount").GetInt32());
        Assert.Equal(expected, list.Items().Count());
    }

    [Fact]
    public async Task Pages_with_a_link_header()
    {
        using var response = await _client.GetAsync("/api/v1/rounds?pageSize=2&page=2");
        var list = await _client.GetJsonAsync("/api/v1/rounds?pageSize=2&page=2");

        Assert.Equal(2, list.GetProperty("page").GetInt32());
        Assert.Equal(2, list.GetProperty("pageSize").GetInt32());
        Assert.Equal(4, list.GetProperty("totalCount").GetInt32());
        Assert.Equal(2, list.Items().Count());
        var link = string.Join(",", response.Headers.GetValues("Link"));
        Assert.Contains("</api/v1/rounds?page=1&pageSize=2>; rel=\"first\"", link, StringComparison.Ordinal);
        Assert.Contains("</api/v1/rounds?page=1&pageSize=2>; rel=\"prev\"", link, StringComparison.Ordinal);
        Assert.Contains("</api/v1/rounds?page=2&pageSize=2>; rel=\"last\"", link, StringComparison.Ordinal);
        Assert.DoesNotContain("rel=\"next\"", link, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Link_header_keeps_the_filters()
    {
        using var response = await _client.GetAsync("/api/v1/rounds?mechanism=human-rights-dialogue&pageSize=1");

        var link = string.Join(",", response.Headers.GetValues("Link"));
        Assert.Contains("</api/v1/rounds?mechanism=human-rights-dialogue&page=2&pageSize=1>; rel=\"next\"", link, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_page_past_the_end_is_empty_not_an_error()
    {
        var list = await _client.GetJsonAsync("/api/v1/rounds?page=99");

        Assert.Empty(list.Items());
        Assert.Equal(4, list.GetProperty("totalCount").GetInt32());
    }

    [Theory]
    [InlineData("?pageSize=0", "pageSize")]
    [InlineData("?pageSize=101", "pageSize")]
    [InlineData("?pageSize=ten", "pageSize")]
    [InlineData("?page=0", "page")]
    [InlineData("?page=-1", "page")]
    [InlineData("?page=99999999999999", "page")]
    [InlineData("?page=2147483647&pageSize=100", "page")]
    [InlineData("?from=yesterday", "from")]
    [InlineData("?to=2020-13", "to")]
    [InlineData("?from=2020&to=2019", "to")]
    [InlineData("?party=martians", "party")]
    [InlineData("?mechanism=no-such-thing", "mechanism")]
    [InlineData("?topic=no-such-topic", "topic")]
    public async Task Bad_input_is_a_400_problem_naming_the_parameter(string query, string parameter)
    {
        var problem = await _client.GetProblemAsync("/api/v1/rounds" + query, HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out var messages), $"no error for {parameter}");
        Assert.NotEmpty(messages.EnumerateArray().First().GetString()!);
    }

    [Theory]
    [InlineData("/api/v1/rounds/999999")]
    [InlineData("/api/v1/rounds/0")]
    public async Task An_unknown_id_is_a_404_problem(string url)
    {
        var problem = await _client.GetProblemAsync(url, HttpStatusCode.NotFound);

        Assert.Contains("no round", problem.Str("detail"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_non_numeric_id_is_a_404_problem_not_a_500() =>
        await _client.GetProblemAsync("/api/v1/rounds/abc", HttpStatusCode.NotFound);
}
