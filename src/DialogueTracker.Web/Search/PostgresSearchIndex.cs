using System.Data;
using System.Data.Common;
using System.Globalization;
using DialogueTracker.Web.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace DialogueTracker.Web.Search;

/// <summary>
/// Search on PostgreSQL: <c>SearchDocuments."SearchVector"</c>, a generated tsvector (title weighted A, topic names B,
/// body D) with a GIN index, over the text search configuration <c>dialoguetracker</c>: the simple parser's words,
/// folded by <c>unaccent</c> (every Vietnamese mark, and đ→d) and lower-cased. Both are made by the Postgres migrations,
/// whose triggers keep the documents as SQLite's do. Relevance is <c>ts_rank</c>, snippets <c>ts_headline</c>.
/// </summary>
public sealed class PostgresSearchIndex(DialogueDbContext db) : ISearchIndex
{
    /// <summary>The text search configuration the migration creates and the generated column uses.</summary>
    public const string Configuration = "public.dialoguetracker";

    // ts_rank's weights, in its order {D, C, B, A}: body 1, topic names 2, title 4, as SQLite's bm25 column weights.
    private const string Weights = "'{0.25, 0.25, 0.5, 1.0}'";

    // 1: divide by 1 + the logarithm of the document's length, so a long text does not win by length alone.
    private const string Rank = $"ts_rank({Weights}, \"SearchVector\", query, 1)";

    // Words a snippet shows around the matches, about as many as SQLite's snippet(); one passage, the best one.
    private const string HeadlineOptions = "MaxWords=24, MinWords=12, ShortWord=1, StartSel=\"" + SnippetHtml.MarkStart + "\", StopSel=\"" + SnippetHtml.MarkEnd + "\"";

    // The parser reads <...> as an HTML tag and &...; as an entity, and ts_headline leaves both out of a snippet: record
    // text is not HTML, so < and & go in as private-use characters (which no record holds) and come back after. The
    // generated column does the same, so tags' words are words there too.
    private const string NotMarkup = "translate(concat_ws(E'\\n', \"Title\", \"Body\", \"Topics\"), '<&', E'\\uE000\\uE001')";

    public Task<long> VersionAsync(CancellationToken cancellationToken) =>
        WithCommandAsync("SELECT \"Version\" FROM \"SearchIndexVersion\"", async command =>
            Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture), cancellationToken);

    public Task<long[]> MatchIdsAsync(IReadOnlyList<SearchTerm> terms, bool titlesOnly, CancellationToken cancellationToken) =>
        WithCommandAsync($"""
            SELECT "Id" FROM "SearchDocuments", to_tsquery('{Configuration}', @query) query
            WHERE "SearchVector" @@ query ORDER BY "Id"
            """, async command =>
        {
            command.Parameters.Add(new NpgsqlParameter("query", ToTsQuery(terms, titlesOnly)));
            var ids = new List<long>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                ids.Add(reader.GetInt64(0));
            }

            return ids.ToArray();
        }, cancellationToken);

    public Task<IReadOnlyList<SearchMatch>> RankAsync(
        IReadOnlyList<SearchTerm> terms, IReadOnlyCollection<long>? among, int skip, int take, CancellationToken cancellationToken) =>
        WithCommandAsync<IReadOnlyList<SearchMatch>>($"""
            SELECT "Id", {Rank} AS score FROM "SearchDocuments", to_tsquery('{Configuration}', @query) query
            WHERE "SearchVector" @@ query {(among is null ? "" : "AND \"Id\" = ANY(@ids)")}
            ORDER BY score DESC, "Id" LIMIT @take OFFSET @skip
            """, async command =>
        {
            command.Parameters.Add(new NpgsqlParameter("query", ToTsQuery(terms, titlesOnly: false)));
            command.Parameters.Add(new NpgsqlParameter("take", take));
            command.Parameters.Add(new NpgsqlParameter("skip", skip));
            if (among is not null)
            {
                command.Parameters.Add(new NpgsqlParameter("ids", among.ToArray()));
            }

            var matches = new List<SearchMatch>(take);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                matches.Add(new SearchMatch { DocumentId = reader.GetInt64(0), Score = reader.GetFloat(1) });
            }

            return matches;
        }, cancellationToken);

    /// <summary>ts_rank of the given documents: it needs no statistics of the whole index, so <paramref name="statistics"/> go unused.</summary>
    public Task<IReadOnlyDictionary<long, double>> ScoreAsync(
        IReadOnlyList<SearchTerm> terms, IReadOnlyList<(long Id, int Length)> documents, Bm25Statistics statistics, CancellationToken cancellationToken) =>
        WithCommandAsync<IReadOnlyDictionary<long, double>>($"""
            SELECT "Id", {Rank} FROM "SearchDocuments", to_tsquery('{Configuration}', @query) query WHERE "Id" = ANY(@ids)
            """, async command =>
        {
            command.Parameters.Add(new NpgsqlParameter("query", ToTsQuery(terms, titlesOnly: false)));
            command.Parameters.Add(new NpgsqlParameter("ids", documents.Select(d => d.Id).ToArray()));
            var scores = new Dictionary<long, double>(documents.Count);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                scores[reader.GetInt64(0)] = reader.GetFloat(1);
            }

            return scores;
        }, cancellationToken);

    /// <summary>Lexemes in each document's vector (distinct words, not every token: what ts_rank's normalisation counts too).</summary>
    public Task<IReadOnlyDictionary<long, int>> DocumentLengthsAsync(CancellationToken cancellationToken) =>
        WithCommandAsync<IReadOnlyDictionary<long, int>>("SELECT \"Id\", length(\"SearchVector\") FROM \"SearchDocuments\"", async command =>
        {
            var lengths = new Dictionary<long, int>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                lengths[reader.GetInt64(0)] = reader.GetInt32(1);
            }

            return lengths;
        }, cancellationToken);

    /// <summary>ts_headline over the document's original text (title, body, topic names), so marks fall on the words as written.</summary>
    public async Task<IReadOnlyDictionary<long, string>> SnippetsAsync(
        IReadOnlyList<SearchTerm> terms, IReadOnlyCollection<long> documentIds, CancellationToken cancellationToken)
    {
        if (documentIds.Count == 0)
        {
            return new Dictionary<long, string>();
        }

        return await WithCommandAsync<IReadOnlyDictionary<long, string>>($"""
            SELECT "Id", ts_headline('{Configuration}', {NotMarkup}, query, @options)
            FROM "SearchDocuments", to_tsquery('{Configuration}', @query) query WHERE "Id" = ANY(@ids)
            """, async command =>
        {
            command.Parameters.Add(new NpgsqlParameter("query", ToTsQuery(terms, titlesOnly: false)));
            command.Parameters.Add(new NpgsqlParameter("options", HeadlineOptions));
            command.Parameters.Add(new NpgsqlParameter("ids", documentIds.ToArray()));
            var snippets = new Dictionary<long, string>(documentIds.Count);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                snippets[reader.GetInt64(0)] = reader.GetString(1).Replace('\uE000', '<').Replace('\uE001', '&');
            }

            return snippets;
        }, cancellationToken);
    }

    /// <summary>
    /// to_tsquery syntax for the terms: each word quoted (so nothing in it is an operator; the configuration then folds
    /// it as it folds documents), a phrase's words joined by <c>&lt;-&gt;</c>, <c>:*</c> on a prefix's last word,
    /// <c>:A</c> on every word for titles only; terms joined by <c>&amp;</c>.
    /// </summary>
    public static string ToTsQuery(IReadOnlyList<SearchTerm> terms, bool titlesOnly)
    {
        if (terms.Count == 0)
        {
            throw new ArgumentException("A search needs at least one term.", nameof(terms));
        }

        // Words hold only letters, digits and marks (see SearchTerm), so they cannot contain a quote to escape.
        return string.Join(" & ", terms.Select(term => "(" + string.Join(" <-> ", term.Words.Select((word, i) =>
        {
            var label = (term.IsPrefix && i == term.Words.Count - 1 ? "*" : "") + (titlesOnly ? "A" : "");
            return $"'{word}'" + (label.Length > 0 ? ":" + label : "");
        })) + ")"));
    }

    private async Task<T> WithCommandAsync<T>(string sql, Func<DbCommand, Task<T>> action, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        var open = connection.State == ConnectionState.Open;
        if (!open)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
        }

        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            return await action(command);
        }
        finally
        {
            if (!open)
            {
                await db.Database.CloseConnectionAsync();
            }
        }
    }
}
