using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace DialogueTracker.Web.Search;

/// <summary>
/// Which documents a search's terms match, term by term: each term's documents come from the index once per index
/// version and are kept (<see cref="SearchMatchSetCache"/>), and a search of several terms intersects its terms' sets.
/// Searches share words far more often than whole queries ("human rights" with any of a dozen filters, then "human
/// rights defenders"), so a new search mostly finds its words' sets already made; a term's set also gives its document
/// frequency, bm25's idf, for nothing. See docs/decisions/0005-search-without-scoring-every-match.md.
/// </summary>
public sealed class SearchMatcher(ISearchIndex index, SearchMatchSetCache cache)
{
    /// <summary>
    /// The positions in <paramref name="table"/> of the documents matching every term, ascending; with
    /// <paramref name="titlesOnly"/>, of those whose title holds every term.
    /// </summary>
    public async Task<int[]> MatchAsync(SearchFacetTable table, IReadOnlyList<SearchTerm> terms, bool titlesOnly, CancellationToken cancellationToken)
    {
        var sets = new List<MatchSet>(terms.Count);
        foreach (var term in terms)
        {
            var set = await SetAsync(table, term, titlesOnly, cancellationToken);
            if (set.Count == 0)
            {
                return [];
            }

            sets.Add(set);
        }

        return MatchSet.Intersect(sets).ToPositions();
    }

    /// <summary>How many documents the term matches on its own: its weight in bm25 (idf) depends on it.</summary>
    public async Task<long> DocumentFrequencyAsync(SearchFacetTable table, SearchTerm term, CancellationToken cancellationToken) =>
        (await SetAsync(table, term, titlesOnly: false, cancellationToken)).Count;

    private async Task<MatchSet> SetAsync(SearchFacetTable table, SearchTerm term, bool titlesOnly, CancellationToken cancellationToken)
    {
        var key = (table.Version, Term: term.ToString(), titlesOnly);
        if (cache.TryGet(key, out var known))
        {
            return known!;
        }

        var set = MatchSet.FromPositions(table.Resolve(await index.MatchIdsAsync([term], titlesOnly, cancellationToken)), table.Count);
        cache.Set(key, set);
        return set;
    }
}

/// <summary>
/// Recent terms' match sets (<see cref="SearchMatcher"/>), up to <see cref="SearchOptions.MatchSetCacheMegabytes"/>, the
/// least used dropped first. Keyed by the index version, so a write to the index leaves the older sets unreachable.
/// </summary>
public sealed class SearchMatchSetCache(IOptions<SearchOptions> options) : IDisposable
{
    private readonly MemoryCache? _cache = options.Value.MatchSetCacheMegabytes > 0
        ? new MemoryCache(new MemoryCacheOptions { SizeLimit = options.Value.MatchSetCacheMegabytes * 1024L * 1024L })
        : null;

    public bool TryGet(object key, out MatchSet? set)
    {
        set = null;
        return _cache?.TryGetValue(key, out set) == true;
    }

    public void Set(object key, MatchSet set) =>
        _cache?.Set(key, set, new MemoryCacheEntryOptions { Size = set.SizeInBytes, SlidingExpiration = TimeSpan.FromMinutes(10) });

    public void Dispose() => _cache?.Dispose();
}
