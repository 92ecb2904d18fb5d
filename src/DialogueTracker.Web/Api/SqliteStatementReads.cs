using System.Collections.Concurrent;
using DialogueTracker.Web.Api.Contracts;
using DialogueTracker.Web.Data;
using DialogueTracker.Web.Model;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace DialogueTracker.Web.Api;

/// <summary>
/// One statement on SQLite, read as <see cref="StatementReads"/> reads it through EF Core (tested byte for byte), by
/// three queries kept prepared. Microsoft.Data.Sqlite finalizes a command's statements when its connection goes
/// back to the pool (dotnet/efcore#14044), so through EF Core SQLite compiled its queries on every request, and
/// compiling was most of a first read's time. Here each <see cref="Reader"/> holds a connection open with its three
/// statements; a request borrows one, and no DbContext is made for it.
/// A reader owns its connection for its whole life, so the pool never closes a connection under prepared statements
/// (SQLite would keep it and its file open as a zombie until they were finalized); disposing a reader finalizes its
/// statements before it closes the connection, and the app's shutdown disposes them all.
/// </summary>
public sealed class SqliteStatementReads(IConfiguration configuration, IHostEnvironment environment) : IStatementReads, IDisposable
{
    // More readers than cores gain nothing (a read waits on no I/O but the page cache); a few spare ones absorb bursts.
    private static readonly int MostIdle = Math.Max(4, Environment.ProcessorCount * 4);

    private readonly string _connectionString = DatabaseSetup.ResolveConnectionString(configuration, environment.ContentRootPath);
    private readonly ConcurrentStack<Reader> _idle = new();
    private int _idleCount;
    private volatile bool _disposed;

    public ValueTask<(StatementDto Statement, Guid Version)?> ReadAsync(int id, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ObjectDisposedException.ThrowIf(_disposed, this);
        var reader = _idle.TryPop(out var idle) ? idle : null;
        if (reader is null)
        {
            reader = new Reader(_connectionString);
        }
        else
        {
            Interlocked.Decrement(ref _idleCount);
        }

        (StatementDto, Guid)? statement;
        try
        {
            statement = reader.Read(id);
        }
        catch
        {
            // Its statements are reset, but a failing connection (I/O error, corruption) is not worth keeping.
            reader.Dispose();
            throw;
        }

        GiveBack(reader);
        return ValueTask.FromResult(statement);
    }

    private void GiveBack(Reader reader)
    {
        if (Interlocked.Increment(ref _idleCount) > MostIdle)
        {
            Interlocked.Decrement(ref _idleCount);
            reader.Dispose();
            return;
        }

        _idle.Push(reader);
        // Given back while the app shut down: closed here, as Dispose may have emptied the stack already.
        if (_disposed)
        {
            CloseIdle();
        }
    }

    private void CloseIdle()
    {
        while (_idle.TryPop(out var reader))
        {
            Interlocked.Decrement(ref _idleCount);
            reader.Dispose();
        }
    }

    public void Dispose()
    {
        _disposed = true;
        CloseIdle();
    }

    /// <summary>A connection of its own with the three queries prepared; used by one request at a time.</summary>
    private sealed class Reader : IDisposable
    {
        // The model's query filters, written out: a deleted statement is not there; a deleted round, topic or source
        // leaves the statement without it. Column for column what StatementReads projects.
        private const string StatementSql = """
            SELECT s.Id, s.Key, s.Date, s.DateNote, s.Party, s.PartyName, s.Speaker, s.SpeakerRole, s.Occasion, s.InResponseTo,
                r.Id, r.Key, r.TitleEn, s.TitleEn, s.TitleVi, s.SummaryEn, s.SummaryVi, s.Quote, s.Language, s.Version
            FROM Statements AS s
            LEFT JOIN Rounds AS r ON r.Id = s.RoundId AND r.DeletedAt IS NULL
            WHERE s.Id = ?1 AND s.DeletedAt IS NULL
            """;

        private const string TopicsSql = """
            SELECT t.Slug, t.NameEn, t.NameVi
            FROM StatementTopics AS st
            JOIN Topics AS t ON t.Id = st.TopicsId AND t.DeletedAt IS NULL
            WHERE st.StatementsId = ?1
            """;

        private const string CitationsSql = """
            SELECT so.Id, so.Key, so.Title, so.Publisher, so.Url, so.Language, c.Quote, c.Locator, c.ClaimField, c.ClaimValue
            FROM Citations AS c
            JOIN Sources AS so ON so.Id = c.SourceId AND so.DeletedAt IS NULL
            WHERE c.StatementId = ?1
            ORDER BY c.Id
            """;

        private readonly SqliteConnection _connection;
        private readonly sqlite3 _db;
        private readonly sqlite3_stmt _statement;
        private readonly sqlite3_stmt _topics;
        private readonly sqlite3_stmt _citations;

        public Reader(string connectionString)
        {
            // From Microsoft.Data.Sqlite's pool, with the app's settings (page cache size, busy timeout) like every other.
            _connection = new SqliteConnection(connectionString);
            try
            {
                _connection.Open();
                SqlitePragmas.Apply(_connection);
                _db = _connection.Handle!;
                _statement = Prepare(StatementSql);
                _topics = Prepare(TopicsSql);
                _citations = Prepare(CitationsSql);
            }
            catch
            {
                Dispose();
                throw;
            }
        }

        public (StatementDto, Guid)? Read(int id)
        {
            try
            {
                Check(raw.sqlite3_bind_int64(_statement, 1, id));
                if (Step(_statement) is false)
                {
                    return null;
                }

                var row = new StatementReads.StatementRow(
                    raw.sqlite3_column_int(_statement, 0), Text(_statement, 1)!,
                    // As PartialDateConverter and KebabCaseEnumConverter read the columns.
                    Text(_statement, 2) is { } date ? PartialDate.Parse(date) : null, Text(_statement, 3),
                    EnumNames.Parse<Party>(Text(_statement, 4)!), Text(_statement, 5), Text(_statement, 6), Text(_statement, 7),
                    Text(_statement, 8), Text(_statement, 9),
                    raw.sqlite3_column_type(_statement, 10) == raw.SQLITE_NULL ? null : raw.sqlite3_column_int(_statement, 10),
                    Text(_statement, 11), Text(_statement, 12),
                    Text(_statement, 13)!, Text(_statement, 14), Text(_statement, 15), Text(_statement, 16), Text(_statement, 17),
                    Text(_statement, 18)!, GuidAt(_statement, 19));

                // The statement's query is left open (not reset) while the other two run: SQLite's read transaction lasts
                // until it is, so all three read one snapshot, and a write in between cannot pair this version with
                // another version's topics.
                Check(raw.sqlite3_bind_int64(_topics, 1, id));
                var topics = new List<TopicRef>();
                while (Step(_topics))
                {
                    topics.Add(new TopicRef(Text(_topics, 0)!, Text(_topics, 1)!, Text(_topics, 2)!));
                }

                Check(raw.sqlite3_bind_int64(_citations, 1, id));
                var citations = new List<CitationDto>();
                while (Step(_citations))
                {
                    citations.Add(new CitationDto(
                        new SourceRef(raw.sqlite3_column_int(_citations, 0), Text(_citations, 1)!, Text(_citations, 2), Text(_citations, 3),
                            Text(_citations, 4), Text(_citations, 5)!),
                        Text(_citations, 6), Text(_citations, 7), Text(_citations, 8), Text(_citations, 9)));
                }

                return (StatementReads.ToDto(row, topics, citations), row.Version);
            }
            finally
            {
                // Reset whatever happened, so the next request starts clean and no read transaction stays open.
                raw.sqlite3_reset(_citations);
                raw.sqlite3_reset(_topics);
                raw.sqlite3_reset(_statement);
            }
        }

        private sqlite3_stmt Prepare(string sql)
        {
            Check(raw.sqlite3_prepare_v2(_db, sql, out var statement));
            return statement;
        }

        /// <summary>True for a row, false when done; anything else is thrown as Microsoft.Data.Sqlite throws it.</summary>
        private bool Step(sqlite3_stmt statement)
        {
            var result = raw.sqlite3_step(statement);
            if (result == raw.SQLITE_ROW)
            {
                return true;
            }

            if (result != raw.SQLITE_DONE)
            {
                Check(result);
            }

            return false;
        }

        private static string? Text(sqlite3_stmt statement, int column) =>
            raw.sqlite3_column_type(statement, column) == raw.SQLITE_NULL ? null : raw.sqlite3_column_text(statement, column).utf8_to_string();

        /// <summary>As Microsoft.Data.Sqlite reads a Guid for EF Core: text (how EF Core stores it), or 16 bytes.</summary>
        private static Guid GuidAt(sqlite3_stmt statement, int column) =>
            raw.sqlite3_column_type(statement, column) == raw.SQLITE_BLOB && raw.sqlite3_column_bytes(statement, column) == 16
                ? new Guid(raw.sqlite3_column_blob(statement, column))
                : Guid.Parse(Text(statement, column)!);

        private void Check(int result)
        {
            if (result != raw.SQLITE_OK)
            {
                // The exception Microsoft.Data.Sqlite throws, so a busy or unreadable database is answered as elsewhere (503).
                SqliteException.ThrowExceptionForRC(result, _db);
            }
        }

        public void Dispose()
        {
            // Statements first: closing a connection that still has statements leaves it open as a zombie.
            _citations?.Dispose();
            _topics?.Dispose();
            _statement?.Dispose();
            _connection.Dispose();
        }
    }
}
