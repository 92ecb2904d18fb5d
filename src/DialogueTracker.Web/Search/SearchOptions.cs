namespace DialogueTracker.Web.Search;

/// <summary>The <c>Search</c> configuration section.</summary>
public sealed class SearchOptions
{
    /// <summary>How many distinct searches (query, filters, page) to keep answered in memory; 0 turns the cache off.</summary>
    public int CachedResults { get; set; } = 2000;
}
