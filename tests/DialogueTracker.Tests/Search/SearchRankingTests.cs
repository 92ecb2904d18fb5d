using DialogueTracker.Tests.Api;
using DialogueTracker.Web.Search;
using Microsoft.Extensions.DependencyInjection;

namespace DialogueTracker.Tests.Search;

/// <summary>
/// Ranking without scoring every match (docs/decisions/0005): the in-app bm25 equals FTS5's own, and the two-stage
/// ranking for large result sets still puts title matches first and pages without overlap.
/// </summary>
public sealed class SearchRankingTests(DialogueTrackerFactory factory) : IClassFixture<DialogueTrackerFactory>
{
    [Theory]
    [InlineData("nhan quyen")]
    [InlineData("death penalty")]
    [InlineData("doi thoai")]
    [InlineData("quy*")]
    [InlineData("\"tu do ton giao\"")]
    [InlineData("EU-Việt Nam")]
    [InlineData("human rights human")]
    [InlineData("Đối thoại nhân quyền")]
    public async Task The_in_app_bm25_equals_the_index_s_own(string q)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DialogueTracker.Web.Data.DialogueDbContext>();
        var index = scope.ServiceProvider.GetRequiredService<ISearchIndex>();
        var terms = SearchQueryParser.Parse(q);
        var table = await SearchFacetTable.LoadAsync(db, index, await index.VersionAsync(default), default);

        var reference = await index.RankAsync(terms, among: null, skip: 0, take: 10_000, default);
        // Each term's document frequency as the search counts it: its own match set.
        var matcher = scope.ServiceProvider.GetRequiredService<SearchMatcher>();
        var frequencies = new List<long>();
        foreach (var term in terms)
        {
            frequencies.Add(await matcher.DocumentFrequencyAsync(table, term, default));
        }

        var positions = table.Resolve([.. reference.Select(m => m.DocumentId).Order()]);
        var documents = positions.Select(p => (table.IdAt(p), table.Lengths[p])).ToList();
        var scores = await index.ScoreAsync(terms, documents, new Bm25Statistics(table.Count, table.AverageLength, frequencies), default);

        Assert.NotEmpty(reference);
        Assert.Equal(reference.Count, scores.Count);
        Assert.All(reference, m => Assert.Equal(m.Score, scores[m.DocumentId], 1e-9));
    }

    private HttpClient TwoStageClient(int blockSize = 3) => factory.WithWebHostBuilder(builder =>
    {
        // Every search ranked in two stages, in small blocks.
        builder.UseSetting("Search:ExactRankingLimit", "0");
        builder.UseSetting("Search:RankingCandidates", blockSize.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Search:CachedResults", "0");
    }).CreateClient();

    [Fact]
    public async Task In_two_stages_a_title_match_still_outranks_body_only_matches()
    {
        // Blocks of one: the order is the first stage's estimate alone.
        using var client = TwoStageClient(blockSize: 1);
        var results = await client.GetJsonAsync("/api/v1/search?q=death penalty");

        Assert.True(results.GetProperty("totalCount").GetInt32() > 1);
        Assert.Equal("/topics/death-penalty", results.Items().First().Str("url"));
    }

    [Fact]
    public async Task In_two_stages_pages_do_not_overlap_and_cover_every_result()
    {
        using var client = TwoStageClient();
        var total = (await client.GetJsonAsync("/api/v1/search?q=nhan quyen")).GetProperty("totalCount").GetInt32();
        var urls = new List<string>();
        for (var page = 1; page <= (total + 1) / 2; page++)
        {
            urls.AddRange((await client.GetJsonAsync($"/api/v1/search?q=nhan quyen&pageSize=2&page={page}")).Items().Select(i => i.Str("url")));
        }

        Assert.True(total > 6);
        Assert.Equal(total, urls.Count);
        Assert.Equal(total, urls.Distinct().Count());
    }

    [Fact]
    public async Task In_two_stages_filters_and_facets_are_unchanged()
    {
        using var client = TwoStageClient();
        var twoStage = await client.GetJsonAsync("/api/v1/search?q=nhan quyen&party=viet-nam");
        var exact = await factory.CreateClient().GetJsonAsync("/api/v1/search?q=nhan quyen&party=viet-nam");

        Assert.Equal(exact.GetProperty("totalCount").GetInt32(), twoStage.GetProperty("totalCount").GetInt32());
        Assert.Equal(exact.GetProperty("facets").GetRawText(), twoStage.GetProperty("facets").GetRawText());
        Assert.All(twoStage.Items(), i => Assert.Equal("viet-nam", i.Str("party")));
    }
}
