namespace DialogueTracker.Web.Search;

/// <summary>The <c>Search</c> configuration section.</summary>
public sealed class SearchOptions
{
    /// <summary>How many distinct searches (query, filters, page) to keep answered in memory; 0 turns the cache off.</summary>
    public int CachedResults { get; set; } = 2000;

    /// <summary>
    /// How much memory the terms' match sets may hold (<see cref="SearchMatcher"/>; 13 KB a term at 105,000 documents);
    /// 0 asks the index for every term of every search.
    /// </summary>
    public int MatchSetCacheMegabytes { get; set; } = 16;

    /// <summary>
    /// Result sets (after filters) of at most this many are ranked by scoring every result; larger ones in two stages
    /// (see <see cref="SearchRanking"/>).
    /// </summary>
    public int ExactRankingLimit { get; set; } = 300;

    /// <summary>How many candidates the second stage of a two-stage ranking scores at a time.</summary>
    public int RankingCandidates { get; set; } = 100;
}
