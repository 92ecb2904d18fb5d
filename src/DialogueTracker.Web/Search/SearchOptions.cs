namespace DialogueTracker.Web.Search;

/// <summary>The <c>Search</c> configuration section.</summary>
public sealed class SearchOptions
{
    /// <summary>How many distinct searches (query, filters, page) to keep answered in memory; 0 turns the cache off.</summary>
    public int CachedResults { get; set; } = 2000;

    /// <summary>
    /// Searches with at most this many matches (before filters) are ranked by the index's bm25 over every match;
    /// larger ones in two stages (see <see cref="SearchRanking"/>).
    /// </summary>
    public int ExactRankingLimit { get; set; } = 2000;

    /// <summary>
    /// How many candidates the second stage of a two-stage ranking scores exactly at a time; a filtered result set of
    /// at most this many is scored whole, exactly.
    /// </summary>
    public int RankingCandidates { get; set; } = 200;
}
