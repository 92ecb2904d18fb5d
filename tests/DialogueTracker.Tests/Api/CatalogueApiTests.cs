using System.Net;

namespace DialogueTracker.Tests.Api;

/// <summary>Mechanisms, topics, sources and the merged timeline.</summary>
public class CatalogueApiTests(DialogueTrackerFactory factory) : IClassFixture<DialogueTrackerFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Lists_mechanisms_oldest_first_with_their_series()
    {
        var list = await _client.GetJsonAsync("/api/v1/mechanisms");

        Assert.Equal(
            ["human-rights-dialogue", "vice-ministerial-political-consultations", "eu-delegation-dialogue"],
            list.Items().Select(m => m.Str("slug")));
        var hrd = list.Items().First();
        Assert.Equal("2003", hrd.Str("startDate"));
        Assert.Equal("Đối thoại Nhân quyền EU–Việt Nam", hrd.Str("nameVi"));
        Assert.Equal("enhanced", hrd.GetProperty("series")[0].Str("slug"));
        Assert.Equal(JsonValueKindNull, list.Items().Last().GetProperty("startDate").ValueKind);
    }

    [Fact]
    public async Task Gets_a_mechanism_or_a_404() {
        var hrd = await _client.GetJsonAsync("/api/v1/mechanisms/human-rights-dialogue");
        Assert.Equal("year", hrd.Str("startDatePrecision"));
        await _client.GetProblemAsync("/api/v1/mechanisms/nope", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Topics_are_bilingual_and_form_a_tree()
    {
        var topic = await _client.GetJsonAsync("/api/v1/topics/freedom-of-expression");

        Assert.Equal("Tự do biểu đạt", topic.Str("nameVi"));
        Assert.Equal("civil-and-political-rights", topic.GetProperty("parent").Str("slug"));
        Assert.NotEmpty(topic.GetProperty("citations").EnumerateArray());

        var parent = await _client.GetJsonAsync("/api/v1/topics/civil-and-political-rights");
        Assert.Contains(parent.GetProperty("children").EnumerateArray(), c => c.Str("slug") == "death-penalty");
    }

    [Fact]
    public async Task Lists_topics_in_pages()
    {
        var first = await _client.GetJsonAsync("/api/v1/topics?pageSize=100");
        var total = first.GetProperty("totalCount").GetInt32();

        Assert.Equal(total, first.Items().Count());
        Assert.True(total >= 20);
        var names = first.Items().Select(t => t.Str("nameEn")).ToList();
        Assert.Equal(names.Order(StringComparer.Ordinal), names);
    }

    [Fact]
    public async Task An_unknown_topic_is_a_404_problem() =>
        await _client.GetProblemAsync("/api/v1/topics/no-such-topic", HttpStatusCode.NotFound);

    [Fact]
    public async Task Lists_sources_with_language_and_citation_count()
    {
        var list = await _client.GetJsonAsync("/api/v1/sources");

        Assert.Equal(2, list.GetProperty("totalCount").GetInt32());
        Assert.Equal(["vi", "en"], list.Items().Select(s => s.Str("language")).Order().Reverse());
        Assert.All(list.Items(), s => Assert.True(s.GetProperty("citationCount").GetInt32() > 0));
    }

    [Fact]
    public async Task The_timeline_merges_rounds_and_statements_in_date_order()
    {
        var list = await _client.GetJsonAsync("/api/v1/timeline?pageSize=100");

        var entries = list.Items().Select(e => (Type: e.Str("type"), Date: e.GetProperty("date").GetString())).ToList();
        Assert.Equal(8, entries.Count);
        Assert.Equal(
            [("round", "2003"), ("round", "2012"), ("round", "2012"), ("round", "2020-02-19"), ("statement", "2021?-06-24")],
            entries.Take(5));
        Assert.All(entries.Skip(5), e => Assert.Equal(("statement", null), e));
    }

    [Theory]
    [InlineData("?party=viet-nam", 1)]
    [InlineData("?topic=freedom-of-expression", 2)]
    [InlineData("?mechanism=human-rights-dialogue", 3)]
    [InlineData("?from=2012&to=2020", 3)]
    public async Task The_timeline_filters_like_the_lists(string query, int expected) =>
        Assert.Equal(expected, (await _client.GetJsonAsync("/api/v1/timeline" + query)).GetProperty("totalCount").GetInt32());

    [Fact]
    public async Task The_timeline_rejects_bad_input_with_a_problem()
    {
        var problem = await _client.GetProblemAsync("/api/v1/timeline?from=2020-02-30&pageSize=1000", HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty("from", out _));
        Assert.True(problem.GetProperty("errors").TryGetProperty("pageSize", out _));
    }

    [Fact]
    public async Task An_unknown_api_path_is_a_404_problem() =>
        await _client.GetProblemAsync("/api/v1/nothing-here", HttpStatusCode.NotFound);

    [Fact]
    public async Task Health_answers_when_the_database_is_reachable()
    {
        using var response = await _client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    private const System.Text.Json.JsonValueKind JsonValueKindNull = System.Text.Json.JsonValueKind.Null;
}
