namespace DialogueTracker.Web.Search;

/// <summary>
/// The one place that speaks a database's full-text dialect (SQLite FTS5 today; PostgreSQL would bring its own).
/// Everything else about search, filters and facets included, is LINQ over <see cref="SearchDocument"/>.
/// </summary>
public interface ISearchIndex
{
    /// <summary>A number that changes whenever the indexed documents change.</summary>
    Task<long> VersionAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The documents matching every term; a query to compose further, not yet run. Scoring costs time for every
    /// match, so only with <paramref name="ranked"/> is <see cref="SearchMatch.Score"/> computed (otherwise 0).
    /// </summary>
    IQueryable<SearchMatch> Match(IReadOnlyList<SearchTerm> terms, bool ranked);

    /// <summary>
    /// For each document, a short extract of its original text around the matches, with each match between
    /// <see cref="SnippetHtml.MarkStart"/> and <see cref="SnippetHtml.MarkEnd"/>.
    /// </summary>
    Task<IReadOnlyDictionary<long, string>> SnippetsAsync(
        IReadOnlyList<SearchTerm> terms, IReadOnlyCollection<long> documentIds, CancellationToken cancellationToken);
}
