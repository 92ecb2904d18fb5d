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

    [Fact]
    public async Task One_statement_reads_the_same_as_in_the_list()
    {
        // The list maps entities; one statement is read by projection (StatementsApi.ReadAsync): the two must agree,
        // also for a statement in a round with several topics and citations, which the seed has none of (added to a
        // database of this test's own, as the other tests count the seed's statements).
        await using var own = new DialogueTrackerFactory();
        using var client = own.CreateClient();
        var (_, token) = await own.CreateEditorAsync(DialogueTracker.Web.Model.Roles.Editor);
        await client.CreateAsync("/api/v1/statements", token, new
        {
            key = "in-a-round", party = "eu", round = "hrd-2020-02-19", titleEn = "In the 9th round", language = "en",
            topics = new[] { "death-penalty", "freedom-of-expression" },
            citations = new object[]
            {
                new { source = "seed-vi-eu-delegation-dialogue-page", locator = "¶ 2" },
                new { source = "seed-en-spokesperson-eu-report-2020", quote = "a quote" },
            },
        });

        var list = await client.GetJsonAsync("/api/v1/statements?pageSize=100");
        var items = list.Items().ToList();

        Assert.Contains(items, i => i.GetProperty("round").ValueKind == System.Text.Json.JsonValueKind.Object);
        Assert.Contains(items, i => i.GetProperty("topics").GetArrayLength() > 1 && i.GetProperty("citations").GetArrayLength() > 1);
        foreach (var item in items)
        {
            var one = await client.GetJsonAsync($"/api/v1/statements/{item.GetProperty("id").GetInt32()}");
            Assert.Equal(item.GetRawText(), one.GetRawText());
        }
    }
}
