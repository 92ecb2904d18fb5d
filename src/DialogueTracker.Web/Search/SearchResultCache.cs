using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace DialogueTracker.Web.Search;

/// <summary>
/// Recent search results, keyed by the index's version as well as the search, so any write to the index (by any
/// writer: its triggers bump the version) makes older entries unreachable. Ranking and facets cost time in
/// proportion to the number of matches; people repeat the same searches and page through them, and those
/// repeats should not pay again.
/// </summary>
public sealed class SearchResultCache(IOptions<SearchOptions> options) : IDisposable
{
    private readonly MemoryCache? _cache = options.Value.CachedResults > 0
        ? new MemoryCache(new MemoryCacheOptions { SizeLimit = options.Value.CachedResults })
        : null;

    public bool TryGet(object key, out SearchResults? results)
    {
        results = null;
        return _cache?.TryGetValue(key, out results) == true;
    }

    public void Set(object key, SearchResults results) =>
        _cache?.Set(key, results, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromMinutes(10) });

    public void Dispose() => _cache?.Dispose();
}
