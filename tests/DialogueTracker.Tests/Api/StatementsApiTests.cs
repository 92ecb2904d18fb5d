using System.Net;

namespace DialogueTracker.Tests.Api;

public class StatementsApiTests(DialogueTrackerFactory factory) : IClassFixture<DialogueTrackerFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task The_spokesperson_statement_has_an_inferred_year_and_its_quote()
    {
        var list = await _client.GetJsonAsync("/api/v1/statements?party=viet-nam");
        var id = list.Items().Single().GetProperty("id").GetInt32();

        var statement = await _client.GetJsonAsync($"/api/v1/statements/{id}");

        Assert.Equal("2021?-06-24", statement.Str("date"));
        Assert.Equal("day", statement.Str("datePrecision"));
        Assert.Contains("inferred", statement.Str("dateNote"), StringComparison.Ordinal);
        Assert.Equal("viet-nam", statement.Str("party"));
        Assert.Equal("Le Thi Thu Hang", statement.Str("speaker"));
        Assert.Equal("EU Annual Report on Human Rights 2020", statement.Str("inResponseTo"));
        Assert.Contains("held online", statement.Str("occasion"), StringComparison.Ordinal);
        Assert.StartsWith("Freedom of speech, press and information", statement.Str("quote"), StringComparison.Ordinal);
        Assert.Equal("en", statement.Str("language"));
        Assert.Contains(statement.GetProperty("topics").EnumerateArray(), t => t.Str("slug") == "freedom-of-expression");
        Assert.NotEmpty(statement.GetProperty("citations").EnumerateArray());
    }

    [Fact]
    public async Task Undated_statements_come_last()
    {
        var list = await _client.GetJsonAsync("/api/v1/statements");

        var dates = list.Items().Select(s => s.GetProperty("date").GetString()).ToList();
        Assert.Equal(4, dates.Count);
        Assert.Equal("2021?-06-24", dates[0]);
        Assert.All(dates.Skip(1), Assert.Null);
    }

    [Theory]
    [InlineData("?party=eu", 3)]
    [InlineData("?party=EU", 3)]
    [InlineData("?party=viet-nam", 1)]
    [InlineData("?party=eu-member-state", 0)]
    [InlineData("?topic=civil-and-political-rights", 3)]
    [InlineData("?topic=death-penalty", 1)]
    [InlineData("?from=2021", 1)]
    [InlineData("?from=2021-06-25", 0)]
    [InlineData("?mechanism=human-rights-dialogue", 0)]
    public async Task Filters_by_party_topic_tree_and_date(string query, int expected)
    {
        var list = await _client.GetJsonAsync("/api/v1/statements" + query);

        Assert.Equal(expected, list.GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task An_unknown_party_names_the_parties_there_are()
    {
        var problem = await _client.GetProblemAsync("/api/v1/statements?party=usa", HttpStatusCode.BadRequest);

        Assert.Contains("viet-nam", problem.GetProperty("errors").GetProperty("party")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_id_is_a_404_problem() =>
        await _client.GetProblemAsync("/api/v1/statements/999999", HttpStatusCode.NotFound);
}
