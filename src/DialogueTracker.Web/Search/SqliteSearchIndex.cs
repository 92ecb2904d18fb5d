using System.Data;
using System.Globalization;
using DialogueTracker.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SQLitePCL;

namespace DialogueTracker.Web.Search;

/// <summary>Search over the FTS5 table <c>SearchIndex</c> that the AddSearchIndex migration creates and its triggers fill.</summary>
public sealed class SqliteSearchIndex(DialogueDbContext db) : ISearchIndex
{
    // Tokens a snippet shows around the matches.
    private const int SnippetTokens = 24;

    // bm25 weighs the columns Title, Body, Topics: a word in a title says more than one in a quote.
    private static readonly double[] ColumnWeights = [4.0, 1.0, 2.0];

    public Task<long> VersionAsync(CancellationToken cancellationToken) =>
        WithConnectionAsync(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT Version FROM SearchIndexVersion";
            return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        }, cancellationToken);

    public Task<long[]> MatchIdsAsync(IReadOnlyList<SearchTerm> terms, bool titlesOnly, CancellationToken cancellationToken) =>
        WithConnectionAsync(connection =>
        {
            // One row back, not one per match: FTS5 walks the doclists once and SQLite writes the ids as one JSON array,
            // which costs less than stepping a reader through tens of thousands of rows. The array is parsed from
            // SQLite's own UTF-8 buffer, so no string of it is made.
            var match = titlesOnly ? $"{{Title}} : ({ToFts5(terms)})" : ToFts5(terms);
            var handle = connection.Handle!;
            Check(handle, raw.sqlite3_prepare_v2(handle, "SELECT json_group_array(rowid) FROM SearchIndex WHERE SearchIndex MATCH ?1", out var statement));
            using (statement)
            {
                Check(handle, raw.sqlite3_bind_text(statement, 1, match));
                var step = raw.sqlite3_step(statement);
                if (step != raw.SQLITE_ROW)
                {
                    Check(handle, step);
                    return Task.FromResult(Array.Empty<long>());
                }

                return Task.FromResult(ParseIds(raw.sqlite3_column_blob(statement, 0)));
            }
        }, cancellationToken);

    private static void Check(sqlite3 handle, int result)
    {
        if (result is not raw.SQLITE_OK and not raw.SQLITE_ROW and not raw.SQLITE_DONE)
        {
            throw new SqliteException(raw.sqlite3_errmsg(handle).utf8_to_string(), result);
        }
    }

    public Task<IReadOnlyList<SearchMatch>> RankAsync(
        IReadOnlyList<SearchTerm> terms, IReadOnlyCollection<long>? among, int skip, int take, CancellationToken cancellationToken) =>
        WithConnectionAsync<IReadOnlyList<SearchMatch>>(async connection =>
        {
            // "+rowid" keeps the id list from becoming one FTS5 lookup per id, each of which would recompute bm25's
            // statistics; as a filter on the one scan, bm25 only runs for the listed rows.
            await using var command = connection.CreateCommand();
            command.CommandText = $"""
                SELECT rowid, -bm25(SearchIndex, 4.0, 1.0, 2.0) AS Score FROM SearchIndex
                WHERE SearchIndex MATCH $match {(among is null ? "" : "AND +rowid IN (SELECT value FROM json_each($ids))")}
                ORDER BY Score DESC, rowid LIMIT $take OFFSET $skip
                """;
            command.Parameters.AddWithValue("$match", ToFts5(terms));
            command.Parameters.AddWithValue("$take", take);
            command.Parameters.AddWithValue("$skip", skip);
            if (among is not null)
            {
                command.Parameters.AddWithValue("$ids", IdsJson(among));
            }

            var matches = new List<SearchMatch>(take);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                matches.Add(new SearchMatch { DocumentId = reader.GetInt64(0), Score = reader.GetDouble(1) });
            }

            return matches;
        }, cancellationToken);

    /// <summary>
    /// FTS5's bm25 (fts5_aux.c: k1 1.2, b 0.75, idf floored at 1e-6, one weight per column, the row's length over all
    /// columns) for the given documents: their text is read by id and its phrase instances counted by
    /// <see cref="Fts5Tokens"/>, which tokenizes as the index's unicode61 tokenizer does. A test holds it equal to bm25().
    /// </summary>
    public Task<IReadOnlyDictionary<long, double>> ScoreAsync(
        IReadOnlyList<SearchTerm> terms, IReadOnlyList<(long Id, int Length)> documents, Bm25Statistics statistics, CancellationToken cancellationToken) =>
        WithConnectionAsync<IReadOnlyDictionary<long, double>>(async connection =>
        {
            var scores = new Dictionary<long, double>(documents.Count);
            if (documents.Count == 0)
            {
                return scores;
            }

            var idf = new double[terms.Count];
            for (var i = 0; i < terms.Count; i++)
            {
                var hits = statistics.DocumentFrequencies[i];
                idf[i] = Math.Log((statistics.Documents - hits + 0.5) / (hits + 0.5));
                if (idf[i] <= 0.0)
                {
                    idf[i] = 1e-6;
                }
            }

            var lengths = new Dictionary<long, int>(documents.Count);
            foreach (var (id, length) in documents)
            {
                lengths[id] = length;
            }

            var phrases = terms.Select(Fts5Tokens.Phrase).ToArray();
            var frequencies = new double[terms.Count];
            var tokenizer = new Fts5Tokens();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT Id, Title, Body, Topics FROM SearchDocuments WHERE Id IN (SELECT value FROM json_each($ids))";
            command.Parameters.AddWithValue("$ids", IdsJson(lengths.Keys));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                Array.Clear(frequencies);
                for (var column = 0; column < ColumnWeights.Length; column++)
                {
                    if (!reader.IsDBNull(column + 1))
                    {
                        tokenizer.Count(reader.GetString(column + 1), phrases, ColumnWeights[column], frequencies);
                    }
                }

                var documentId = reader.GetInt64(0);
                var norm = 1.2 * (1 - 0.75 + 0.75 * lengths[documentId] / statistics.AverageLength);
                var score = 0.0;
                for (var i = 0; i < frequencies.Length; i++)
                {
                    score += idf[i] * (frequencies[i] * (1.2 + 1.0) / (frequencies[i] + norm));
                }

                scores[documentId] = score;
            }

            return scores;
        }, cancellationToken);

    public Task<IReadOnlyDictionary<long, int>> DocumentLengthsAsync(CancellationToken cancellationToken) =>
        WithConnectionAsync<IReadOnlyDictionary<long, int>>(async connection =>
        {
            // FTS5 keeps each row's token count per column as varints in its docsize table.
            var lengths = new Dictionary<long, int>();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT id, sz FROM SearchIndex_docsize";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                lengths[reader.GetInt64(0)] = SumVarints((byte[])reader.GetValue(1));
            }

            return lengths;
        }, cancellationToken);

    public async Task<IReadOnlyDictionary<long, string>> SnippetsAsync(
        IReadOnlyList<SearchTerm> terms, IReadOnlyCollection<long> documentIds, CancellationToken cancellationToken)
    {
        if (documentIds.Count == 0)
        {
            return new Dictionary<long, string>();
        }

        var expression = ToFts5(terms);
        var ids = IdsJson(documentIds);
        // Only the page's documents, one FTS5 lookup each: snippet() reads and re-tokenizes each one's text.
        return await WithConnectionAsync<IReadOnlyDictionary<long, string>>(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"""
                SELECT rowid, snippet(SearchIndex, -1, $start, $end, '…', {SnippetTokens}) FROM SearchIndex
                WHERE SearchIndex MATCH $match AND rowid IN (SELECT value FROM json_each($ids))
                """;
            command.Parameters.AddWithValue("$start", SnippetHtml.MarkStart);
            command.Parameters.AddWithValue("$end", SnippetHtml.MarkEnd);
            command.Parameters.AddWithValue("$match", expression);
            command.Parameters.AddWithValue("$ids", ids);
            var snippets = new Dictionary<long, string>(documentIds.Count);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                snippets[reader.GetInt64(0)] = reader.GetString(1);
            }

            return snippets;
        }, cancellationToken);
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
        return string.Join(' ', terms.Select(ToFts5));
    }

    private static string ToFts5(SearchTerm term) => $"\"{string.Join(' ', term.Words)}\"{(term.IsPrefix ? "*" : "")}";

    private async Task<T> WithConnectionAsync<T>(Func<SqliteConnection, Task<T>> action, CancellationToken cancellationToken)
    {
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        var open = connection.State == ConnectionState.Open;
        if (!open)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
        }

        try
        {
            return await action(connection);
        }
        finally
        {
            if (!open)
            {
                await db.Database.CloseConnectionAsync();
            }
        }
    }

    private static string IdsJson(IEnumerable<long> ids) => "[" + string.Join(',', ids.Select(id => id.ToString(CultureInfo.InvariantCulture))) + "]";

    // The array json_group_array wrote, as UTF-8: integers, commas, brackets.
    private static long[] ParseIds(ReadOnlySpan<byte> json)
    {
        // Sized exactly (one id per comma, plus one), so that a large result is one allocation, not a growing list.
        var ids = new long[json.Length <= 2 ? 0 : json.Count((byte)',') + 1];
        var count = 0;
        long value = 0;
        var inNumber = false;
        var negative = false;
        foreach (var c in json)
        {
            if (c is >= (byte)'0' and <= (byte)'9')
            {
                value = value * 10 + (c - '0');
                inNumber = true;
            }
            else if (c == (byte)'-')
            {
                // Concerns' documents have negative ids (see the ConcernsInSearch migration).
                negative = true;
            }
            else if (inNumber)
            {
                ids[count++] = negative ? -value : value;
                value = 0;
                inNumber = false;
                negative = false;
            }
        }

        var array = count == ids.Length ? ids : ids[..count];
        // FTS5 returns matches in rowid order; callers rely on it, so make sure.
        for (var i = 1; i < array.Length; i++)
        {
            if (array[i] <= array[i - 1])
            {
                Array.Sort(array);
                break;
            }
        }

        return array;
    }

    private static int SumVarints(byte[] blob)
    {
        var offset = 0;
        long sum = 0;
        while (offset < blob.Length)
        {
            sum += ReadVarint(blob, ref offset);
        }

        return (int)sum;
    }

    // SQLite's varint: big-endian, seven bits a byte while the high bit is set, the ninth byte whole.
    private static long ReadVarint(byte[] data, ref int offset)
    {
        long value = 0;
        for (var i = 0; i < 8 && offset < data.Length; i++)
        {
            var b = data[offset++];
            value = (value << 7) | (long)(b & 0x7F);
            if ((b & 0x80) == 0)
            {
                return value;
            }
        }

        return offset < data.Length ? (value << 8) | data[offset++] : value;
    }

}
