using System.Text.Json;
using DialogueTracker.Tests.Api;
using DialogueTracker.Web.Model;
using Microsoft.EntityFrameworkCore;

namespace DialogueTracker.Tests.Search;

/// <summary>The index follows every write: each test changes the data and searches for the change.</summary>
public sealed class SearchIndexTests(DialogueTrackerFactory factory) : IClassFixture<DialogueTrackerFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private async Task<List<string>> UrlsAsync(string query) =>
        [.. (await _client.GetJsonAsync("/api/v1/search?" + query)).Items().Select(i => i.Str("url"))];

    private async Task<int> CountAsync(string query) =>
        (await _client.GetJsonAsync("/api/v1/search?" + query)).GetProperty("totalCount").GetInt32();

    [Fact]
    public async Task Inserts_updates_and_deletes_of_statements_reach_the_index()
    {
        int id;
        await using (var scope = factory.CreateScope(out var db))
        {
            var statement = new Statement
            {
                Key = "search-test-zyxwv", TitleEn = "Đặc xá zyxwvq", Language = "vi", Party = Party.VietNam,
                Quote = "Lời nói đầu", Topics = [await db.Topics.SingleAsync(t => t.Slug == "death-penalty")],
            };
            db.Statements.Add(statement);
            await db.SaveChangesAsync();
            id = statement.Id;
        }

        Assert.Equal([$"/statements/{id}"], await UrlsAsync("q=dac xa zyxwvq"));
        Assert.Equal(1, await CountAsync("q=zyxwvq&topic=death-penalty&party=viet-nam"));

        await using (var scope = factory.CreateScope(out var db))
        {
            await db.Statements.Where(s => s.Id == id).ExecuteUpdateAsync(s => s.SetProperty(x => x.TitleEn, "Ân xá qwvxyz"));
        }

        Assert.Empty(await UrlsAsync("q=zyxwvq"));
        Assert.Equal([$"/statements/{id}"], await UrlsAsync("q=an xa qwvxyz"));

        await using (var scope = factory.CreateScope(out var db))
        {
            await db.Statements.Where(s => s.Id == id).ExecuteDeleteAsync();
        }

        Assert.Empty(await UrlsAsync("q=qwvxyz"));
    }

    [Fact]
    public async Task Renaming_a_topic_renames_it_in_the_records_that_carry_it()
    {
        await using (var scope = factory.CreateScope(out var db))
        {
            var topic = await db.Topics.SingleAsync(t => t.Slug == "child-labour");
            topic.NameVi = "Lao động trẻ em đbcxyz";
            await db.SaveChangesAsync();
        }

        var urls = await UrlsAsync("q=dbcxyz");

        Assert.Contains("/topics/child-labour", urls);
        Assert.Contains(urls, u => u.StartsWith("/statements/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Linking_a_topic_to_a_statement_reaches_the_topic_filter()
    {
        var before = await CountAsync("q=defenders&topic=covid-19");
        await using (var scope = factory.CreateScope(out var db))
        {
            var statement = await db.Statements.Include(s => s.Topics).SingleAsync(s => s.Key == "eu-delegation-human-rights-defenders");
            statement.Topics.Add(await db.Topics.SingleAsync(t => t.Slug == "covid-19"));
            await db.SaveChangesAsync();
        }

        Assert.Equal(before + 1, await CountAsync("q=defenders&topic=covid-19"));
    }

    [Fact]
    public async Task The_index_matches_the_records_after_the_seed()
    {
        await using var scope = factory.CreateScope(out var db);
        var documents = await db.SearchDocuments.CountAsync();
        var records = await db.Rounds.CountAsync() + await db.Statements.CountAsync() + await db.Topics.CountAsync() + await db.Sources.CountAsync()
            + await db.Concerns.CountAsync();

        Assert.Equal(records, documents);
        Assert.Equal(documents, await db.Database.SqlQuery<int>($"SELECT count(*) AS Value FROM SearchIndex").SingleAsync());
        Assert.Equal(0, await db.Database.SqlQuery<int>($"SELECT count(*) AS Value FROM SearchIndex WHERE SearchIndex MATCH 'đối'").SingleAsync());
    }

    [Fact]
    public async Task Snippets_show_the_original_spelling()
    {
        var hit = (await _client.GetJsonAsync("/api/v1/search?q=doi thoai&type=round")).Items().First();

        Assert.Contains("<mark>Đối</mark>", hit.Str("snippet"), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Number, hit.GetProperty("id").ValueKind);
    }
}
