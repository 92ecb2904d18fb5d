namespace DialogueTracker.Web.Search;

/// <summary>
/// The one place that speaks a database's full-text dialect (SQLite FTS5 today; PostgreSQL would bring its own).
/// Filters and facets are counted in memory over <see cref="SearchFacetTable"/>; ranking, when the result set is
/// large, is two-stage (<see cref="SearchRanking"/>); see docs/decisions/0005-search-without-scoring-every-match.md.
/// </summary>
public interface ISearchIndex
{
    /// <summary>A number that changes whenever the indexed documents change.</summary>
    Task<long> VersionAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The ids of the documents matching every term, in ascending order, without scoring them. With
    /// <paramref name="titlesOnly"/>, only documents whose title holds every term.
    /// </summary>
    Task<long[]> MatchIdsAsync(IReadOnlyList<SearchTerm> terms, bool titlesOnly, CancellationToken cancellationToken);

    /// <summary>
    /// One page of the matching documents ranked by the index's own relevance (BM25), best first, optionally only
    /// among <paramref name="among"/>. Scores every match: for result sets of modest size.
    /// </summary>
    Task<IReadOnlyList<SearchMatch>> RankAsync(
        IReadOnlyList<SearchTerm> terms, IReadOnlyCollection<long>? among, int skip, int take, CancellationToken cancellationToken);

    /// <summary>
    /// The same relevance as <see cref="RankAsync"/> for the given matching documents only, at a cost that follows their
    /// number, not the number of matches: their text is read and its matches counted.
    /// </summary>
    Task<IReadOnlyDictionary<long, double>> ScoreAsync(
        IReadOnlyList<SearchTerm> terms, IReadOnlyList<(long Id, int Length)> documents, Bm25Statistics statistics, CancellationToken cancellationToken);

    /// <summary>Each document's length in tokens, over all its indexed text: what relevance normalises by.</summary>
    Task<IReadOnlyDictionary<long, int>> DocumentLengthsAsync(CancellationToken cancellationToken);

    /// <summary>
    /// For each document, a short extract of its original text around the matches, with each match between
    /// <see cref="SnippetHtml.MarkStart"/> and <see cref="SnippetHtml.MarkEnd"/>.
    /// </summary>
    Task<IReadOnlyDictionary<long, string>> SnippetsAsync(
        IReadOnlyList<SearchTerm> terms, IReadOnlyCollection<long> documentIds, CancellationToken cancellationToken);
}

/// <summary>What bm25 needs of the whole index: how many documents, their average length, and how many match each term.</summary>
public sealed record Bm25Statistics(long Documents, double AverageLength, IReadOnlyList<long> DocumentFrequencies);
