using System.Net;
using System.Text.Json;
using DialogueTracker.Tests.Api;

namespace DialogueTracker.Tests.Search;

public class SearchApiTests(DialogueTrackerFactory factory) : IClassFixture<DialogueTrackerFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private async Task<JsonElement> SearchAsync(string query) => await _client.GetJsonAsync("/api/v1/search?" + query);

    private static List<string> Urls(JsonElement results) => [.. results.Items().Select(i => i.Str("url"))];

    [Theory]
    [InlineData("q=doi thoai", "Đối")]
    [InlineData("q=DOI THOAI", "Đối")]
    [InlineData("q=tu do ton giao", "<mark>tôn</mark> <mark>giáo</mark>")]
    [InlineData("q=an tu hinh", "<mark>tử</mark> <mark>hình</mark>")]
    [InlineData("q=dong", "")]
    [InlineData("q=Đối thoại", "Đối")]
    [InlineData("q=đối thoại", "Đối")]
    public async Task Vietnamese_matches_with_or_without_diacritics_including_đ(string query, string expectedInSnippet)
    {
        var results = await SearchAsync(query);

        Assert.True(results.GetProperty("totalCount").GetInt32() > 0, query);
        Assert.Contains(results.Items(), i => i.Str("snippet").Contains(expectedInSnippet, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Doi_thoai_finds_the_Vietnamese_source_titled_Đối_thoại()
    {
        var results = await SearchAsync("q=doi thoai&type=source");

        var hit = Assert.Single(results.Items());
        Assert.Equal("ĐỐI THOẠI CHÍNH TRỊ VÀ NHÂN QUYỀN", hit.Str("title"));
        Assert.StartsWith("<mark>ĐỐI</mark> <mark>THOẠI</mark>", hit.Str("snippet"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task English_finds_the_topic_first_and_statements_by_speaker()
    {
        var penalty = await SearchAsync("q=death penalty");
        Assert.Equal("/topics/death-penalty", Urls(penalty)[0]);
        Assert.Contains(penalty.Items(), i => i.Str("type") == "statement");
        Assert.Contains("<mark>death</mark> <mark>penalty</mark>", penalty.Items().First().Str("snippet"), StringComparison.Ordinal);
        var scores = penalty.Items().Select(i => i.GetProperty("score").GetDouble()).ToList();
        Assert.Equal(scores.OrderDescending(), scores);
        Assert.True(scores[0] > 0);

        var speaker = await SearchAsync("q=le thi thu hang");
        Assert.Equal("viet-nam", Assert.Single(speaker.Items()).Str("party"));
    }

    [Fact]
    public async Task A_phrase_needs_its_words_in_order()
    {
        var phrase = await SearchAsync("q=\"penalty death\"");
        var words = await SearchAsync("q=penalty death");

        Assert.Equal(0, phrase.GetProperty("totalCount").GetInt32());
        Assert.True(words.GetProperty("totalCount").GetInt32() > 0);
        Assert.True((await SearchAsync("q=\"tu do ton giao\"")).GetProperty("totalCount").GetInt32() > 0);
    }

    [Fact]
    public async Task A_star_matches_the_start_of_words()
    {
        var prefix = await SearchAsync("q=quy*");
        var word = await SearchAsync("q=quy");

        Assert.Contains(prefix.Items(), i => i.Str("snippet").Contains("<mark>quyền</mark>", StringComparison.Ordinal));
        Assert.True(prefix.GetProperty("totalCount").GetInt32() > word.GetProperty("totalCount").GetInt32());
    }

    [Theory]
    [InlineData("\"unbalanced")]
    [InlineData("death AND OR penalty")]
    [InlineData("NEAR(death")]
    [InlineData("-death")]
    [InlineData("title:death")]
    [InlineData("^death")]
    [InlineData("death*penalty*")]
    [InlineData("EU-Việt")]
    [InlineData("rights)")]
    public async Task Query_syntax_from_users_is_searched_as_words(string q)
    {
        using var response = await _client.GetAsync("/api/v1/search?q=" + Uri.EscapeDataString(q));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Very_long_input_is_answered()
    {
        using var response = await _client.GetAsync("/api/v1/search?q=" + Uri.EscapeDataString(string.Join(' ', Enumerable.Repeat("nhân quyền \"", 400))));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("q=*")]
    [InlineData("q=AND OR")]
    [InlineData("q=%22%22")]
    [InlineData("q=- : ^")]
    [InlineData("q=")]
    [InlineData("")]
    public async Task Nothing_to_search_for_is_a_400_problem_naming_q(string query)
    {
        var problem = await _client.GetProblemAsync("/api/v1/search?" + query, HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty("q", out _));
    }

    [Theory]
    [InlineData("q=rights&type=speech", "type")]
    [InlineData("q=rights&party=usa", "party")]
    [InlineData("q=rights&topic=nope", "topic")]
    [InlineData("q=rights&from=2020-13", "from")]
    [InlineData("q=rights&pageSize=0", "pageSize")]
    public async Task Bad_filters_are_400_problems_naming_the_parameter(string query, string parameter)
    {
        var problem = await _client.GetProblemAsync("/api/v1/search?" + query, HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _));
    }

    [Fact]
    public async Task Facets_count_every_result_not_only_the_page()
    {
        var results = await SearchAsync("q=nhan quyen&pageSize=1");
        var facets = results.GetProperty("facets");
        var total = results.GetProperty("totalCount").GetInt32();

        Assert.Single(results.Items());
        Assert.True(total > 5);
        Assert.Equal(total, facets.GetProperty("type").EnumerateArray().Sum(f => f.GetProperty("count").GetInt32()));
        Assert.Contains(facets.GetProperty("party").EnumerateArray(), f => f.Str("value") == "viet-nam" && f.Str("label") == "Viet Nam");
        Assert.Contains(facets.GetProperty("mechanism").EnumerateArray(), f => f.Str("value") == "human-rights-dialogue");
        Assert.Contains(facets.GetProperty("topic").EnumerateArray(), f => f.Str("value") == "human-rights");
        Assert.Contains(facets.GetProperty("year").EnumerateArray(), f => f.Str("value") == "2020");
    }

    [Theory]
    [InlineData("q=nhan quyen&type=round", "round")]
    [InlineData("q=nhan quyen&type=topic", "topic")]
    [InlineData("q=nhan quyen&party=viet-nam&type=statement", "statement")]
    [InlineData("q=nhan quyen&mechanism=human-rights-dialogue", "round")]
    [InlineData("q=nhan quyen&type=concern", "concern")]
    public async Task Filters_narrow_by_type_party_and_mechanism(string query, string onlyType)
    {
        var results = await SearchAsync(query);

        Assert.NotEmpty(results.Items());
        Assert.All(results.Items(), i => Assert.Equal(onlyType, i.Str("type")));
    }

    [Fact]
    public async Task A_party_filter_keeps_what_that_side_said_or_raised()
    {
        var results = await SearchAsync("q=nhan quyen&party=viet-nam");

        Assert.Equal(["concern", "statement"], results.Items().Select(i => i.Str("type")).Distinct().Order());
        Assert.All(results.Items(), i => Assert.Equal("viet-nam", i.Str("party")));
    }

    [Fact]
    public async Task Topic_and_date_filters_narrow_too()
    {
        var all = (await SearchAsync("q=nhan quyen")).GetProperty("totalCount").GetInt32();
        var byTopic = await SearchAsync("q=nhan quyen&topic=death-penalty");
        var byDate = await SearchAsync("q=nhan quyen&from=2012&to=2020");

        Assert.InRange(byTopic.GetProperty("totalCount").GetInt32(), 1, all - 1);
        Assert.Contains(byTopic.Items(), i => i.Str("title").Contains("death penalty", StringComparison.Ordinal));
        Assert.All(byDate.Items(), i => Assert.InRange(int.Parse(i.Str("date")[..4], System.Globalization.CultureInfo.InvariantCulture), 2012, 2020));
        Assert.InRange(byDate.GetProperty("totalCount").GetInt32(), 1, all - 1);
    }

    [Fact]
    public async Task Pages_do_not_overlap_and_carry_a_link_header()
    {
        using var response = await _client.GetAsync("/api/v1/search?q=nhan%20quyen&pageSize=2&page=2");
        var link = string.Join(", ", response.Headers.GetValues("Link"));
        var first = await SearchAsync("q=nhan quyen&pageSize=2&page=1");
        var second = await SearchAsync("q=nhan quyen&pageSize=2&page=2");

        Assert.Contains("rel=\"next\"", link, StringComparison.Ordinal);
        Assert.Contains("rel=\"prev\"", link, StringComparison.Ordinal);
        Assert.Contains("q=nhan%20quyen", link, StringComparison.Ordinal);
        Assert.Equal(2, second.Items().Count());
        Assert.Empty(Urls(first).Intersect(Urls(second)));
    }
}
