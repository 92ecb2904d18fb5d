using DialogueTracker.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace DialogueTracker.Web.Search;

/// <summary>Search over the FTS5 table <c>SearchIndex</c> that the AddSearchIndex migration creates and its triggers fill.</summary>
public sealed class SqliteSearchIndex(DialogueDbContext db) : ISearchIndex
{
    // Tokens a snippet shows around the matches.
    private const int SnippetTokens = 24;

    public async Task<long> VersionAsync(CancellationToken cancellationToken) =>
        await db.Database.SqlQuery<long>($"SELECT Version AS Value FROM SearchIndexVersion").SingleAsync(cancellationToken);

    public IQueryable<SearchMatch> Match(IReadOnlyList<SearchTerm> terms, bool ranked)
    {
        var expression = ToFts5(terms);
        if (!ranked)
        {
            return db.Database.SqlQuery<SearchMatch>(
                $"SELECT rowid AS DocumentId, 0.0 AS Score FROM SearchIndex WHERE SearchIndex MATCH {expression}");
        }

        // bm25 weighs the columns Title, Body, Topics: a word in a title says more than one in a quote. It is lower
        // for better matches; negated so that callers sort by a score where higher is better.
        return db.Database.SqlQuery<SearchMatch>(
            $"SELECT rowid AS DocumentId, -bm25(SearchIndex, 4.0, 1.0, 2.0) AS Score FROM SearchIndex WHERE SearchIndex MATCH {expression}");
    }

    public async Task<IReadOnlyDictionary<long, string>> SnippetsAsync(
        IReadOnlyList<SearchTerm> terms, IReadOnlyCollection<long> documentIds, CancellationToken cancellationToken)
    {
        if (documentIds.Count == 0)
        {
            return new Dictionary<long, string>();
        }

        var expression = ToFts5(terms);
        var ids = documentIds.ToArray();
        // Only the page's documents: snippet() reads and re-tokenizes each one's text.
        var snippets = await db.Database.SqlQuery<Snippet>($"""
            SELECT rowid AS DocumentId, snippet(SearchIndex, -1, {SnippetHtml.MarkStart}, {SnippetHtml.MarkEnd}, '…', {SnippetTokens}) AS Text
            FROM SearchIndex WHERE SearchIndex MATCH {expression} AND rowid IN (SELECT value FROM json_each({System.Text.Json.JsonSerializer.Serialize(ids)}))
            """).ToListAsync(cancellationToken);
        return snippets.ToDictionary(s => s.DocumentId, s => s.Text);
    }

    /// <summary>
    /// FTS5 syntax for the terms: each term a quoted string (so nothing in it is an operator), a phrase when it
    /// has several words, followed by <c>*</c> for a prefix; terms side by side must all match.
    /// </summary>
    public static string ToFts5(IReadOnlyList<SearchTerm> terms)
    {
        if (terms.Count == 0)
        {
            throw new ArgumentException("A search needs at least one term.", nameof(terms));
        }

        // Words hold only letters, digits and marks (see SearchTerm), so they cannot contain a quote to escape.
        return string.Join(' ', terms.Select(t => $"\"{string.Join(' ', t.Words)}\"{(t.IsPrefix ? "*" : "")}"));
    }

    private sealed class Snippet
    {
        public long DocumentId { get; init; }
        public required string Text { get; init; }
    }
}
