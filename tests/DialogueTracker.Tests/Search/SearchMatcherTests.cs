using DialogueTracker.Web.Data;
using DialogueTracker.Web.Search;
using Microsoft.Extensions.DependencyInjection;

namespace DialogueTracker.Tests.Search;

/// <summary>Matching term by term, each term's set kept, gives what the index gives for the whole query at once.</summary>
public sealed class SearchMatcherTests(DialogueTrackerFactory factory) : IClassFixture<DialogueTrackerFactory>
{
    [Theory]
    [InlineData("nhan quyen", false)]
    [InlineData("human rights viet nam", false)]
    [InlineData("\"tu do ton giao\" EU", false)]
    [InlineData("quy* doi", false)]
    [InlineData("Đối thoại nhân quyền", false)]
    [InlineData("dialogue human", true)]
    [InlineData("nhan quy*", true)]
    [InlineData("human nosuchword", false)]
    public async Task Term_by_term_matches_equal_the_index_s_matches_for_the_whole_query(string q, bool titlesOnly)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var index = scope.ServiceProvider.GetRequiredService<ISearchIndex>();
        var matcher = scope.ServiceProvider.GetRequiredService<SearchMatcher>();
        var db = scope.ServiceProvider.GetRequiredService<DialogueDbContext>();
        var table = await SearchFacetTable.LoadAsync(db, index, await index.VersionAsync(default), default);
        var terms = SearchQueryParser.Parse(q);

        var expected = table.Resolve(await index.MatchIdsAsync(terms, titlesOnly, default));
        // Twice: the second time from the kept sets.
        var first = await matcher.MatchAsync(table, terms, titlesOnly, default);
        var second = await matcher.MatchAsync(table, terms, titlesOnly, default);

        Assert.Equal(expected, first);
        Assert.Equal(expected, second);
        if (!q.Contains("nosuchword", StringComparison.Ordinal))
        {
            Assert.NotEmpty(expected);
        }
    }

    [Fact]
    public void A_set_intersects_counts_and_lists_its_positions_in_order()
    {
        var a = MatchSet.FromPositions([0, 5, 63, 64, 130, 199], tableSize: 200);
        var b = MatchSet.FromPositions([5, 64, 65, 199], tableSize: 200);

        var both = MatchSet.Intersect([a, b]);

        Assert.Equal(6, a.Count);
        Assert.Equal([0, 5, 63, 64, 130, 199], a.ToPositions());
        Assert.Equal([5, 64, 199], both.ToPositions());
        Assert.Equal(3, both.Count);
        // The inputs are left as they were.
        Assert.Equal(6, a.ToPositions().Length);
    }
}
