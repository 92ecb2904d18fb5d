using System.Buffers;
using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using SQLitePCL;

namespace DialogueTracker.Web.Import;

/// <summary>
/// The full-text index of a bulk load (an import into a new SQLite database), built beside the import on a connection
/// of its own, in a scratch database, then copied into the database's index before the commit. FTS5's tokenizing and
/// merging took 2–3 of the 10 s that 100,000 statements took to import, all on the import's one connection, which is
/// its bottleneck, while the other core was half idle. Here the import's connection only reads each part's documents
/// back and, at the end, copies the finished index's tables (an FTS5 index is its shadow tables; both indexes are made
/// by the same SQLite from the same definition, so they read the same).
/// </summary>
public sealed class SqliteBulkSearchIndex : IAsyncDisposable
{
    // The index's tables, as FTS5 names them: its segments, their terms' pages, and each document's size.
    private static readonly string[] ShadowTables = ["SearchIndex_data", "SearchIndex_idx", "SearchIndex_docsize"];

    private readonly DatabaseFacade _database;
    private readonly string _path;
    private readonly sqlite3 _index;
    private readonly string _definition;

    // One build per transaction of the import (an import that finds it must read its input twice writes twice).
    private Channel<Documents> _parts = Channel.CreateBounded<Documents>(1);
    private CancellationTokenSource _stop = new();
    private Task _building = Task.CompletedTask;

    private SqliteBulkSearchIndex(DatabaseFacade database, string path, sqlite3 index, string definition)
    {
        _database = database;
        _path = path;
        _index = index;
        _definition = definition;
    }

    /// <summary>
    /// Makes the scratch database, on a connection of its own: the import's connection never opens it, so neither waits
    /// for the other's locks.
    /// </summary>
    public static async Task<SqliteBulkSearchIndex> CreateAsync(DatabaseFacade database, CancellationToken cancellationToken)
    {
        var definition = await database.SqlQueryRaw<string>("SELECT sql AS Value FROM sqlite_master WHERE type = 'table' AND name = 'SearchIndex'")
            .SingleAsync(cancellationToken);
        // Beside the database, on the disk chosen for it (the temporary directory may be memory), or for a database in
        // memory, in the temporary directory.
        var dataSource = ((SqliteConnection)database.GetDbConnection()).DataSource;
        var path = (string.IsNullOrEmpty(dataSource) || dataSource == ":memory:" ? Path.Combine(Path.GetTempPath(), "dialoguetracker") : dataSource)
            + $"-search-{Guid.NewGuid():N}";
        Check(raw.sqlite3_open_v2(path, out var index, raw.SQLITE_OPEN_READWRITE | raw.SQLITE_OPEN_CREATE | raw.SQLITE_OPEN_NOMUTEX, null), index);
        try
        {
            // A scratch file: nothing to recover if the process dies, so no journal and no syncing.
            Execute(index, "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -16384;");
        }
        catch
        {
            index.Dispose();
            File.Delete(path);
            throw;
        }

        return new SqliteBulkSearchIndex(database, path, index, definition);
    }

    /// <summary>At the start of the import's transaction: a new, empty index, defined as the database's, and its building begun.</summary>
    public async Task StartAsync()
    {
        await StopAsync();
        Execute(_index, $"DROP TABLE IF EXISTS SearchIndex; {_definition}; INSERT INTO SearchIndex (SearchIndex, rank) VALUES ('hashsize', {ImportWriter.BulkHashSize});");
        _parts = Channel.CreateBounded<Documents>(new BoundedChannelOptions(4) { SingleReader = true, SingleWriter = true });
        _stop.Dispose();
        _stop = new CancellationTokenSource();
        var (parts, stop) = (_parts, _stop.Token);
        _building = Task.Run(() => BuildAsync(parts, stop));
    }

    /// <summary>
    /// Reads the documents <paramref name="where"/> picks, as the database's own fill folds them, on the import's
    /// connection and in its transaction, and hands them to the index being built. Waits only while four parts are
    /// queued.
    /// </summary>
    public async Task AddAsync(string where, CancellationToken cancellationToken)
    {
        var connection = ((SqliteConnection)_database.GetDbConnection()).Handle!;
        var documents = new Documents();
        // Prepared per call: the predicate differs, and this is once a part.
        Check(raw.sqlite3_prepare_v2(connection, $"SELECT Id, {ImportWriter.Fold("Title")}, {ImportWriter.Fold("Body")}, {ImportWriter.Fold("Topics")} FROM SearchDocuments WHERE {where}", out var read), connection);
        using (read)
        {
            int step;
            while ((step = raw.sqlite3_step(read)) == raw.SQLITE_ROW)
            {
                documents.Add(read);
            }

            if (step != raw.SQLITE_DONE)
            {
                documents.Return();
                Check(step, connection);
            }
        }

        try
        {
            await _parts.Writer.WriteAsync(documents, cancellationToken);
        }
        catch (ChannelClosedException)
        {
            documents.Return();
            // The building stopped (a full disk, say): its own exception says why.
            await _building;
            throw;
        }
    }

    /// <summary>
    /// Adds the documents <paramref name="where"/> picks, waits for the index to be built, and puts it in place of the
    /// database's: FTS5 is told to forget what it holds (which also drops what it has not yet written), and its tables
    /// are filled from the new index's. Nothing may write to the index from then until the commit.
    /// </summary>
    public async Task FinishAsync(string where, CancellationToken cancellationToken)
    {
        await AddAsync(where, cancellationToken);
        _parts.Writer.Complete();
        await _building;

        await _database.ExecuteSqlRawAsync("INSERT INTO SearchIndex (SearchIndex) VALUES ('delete-all')", cancellationToken);
        var connection = ((SqliteConnection)_database.GetDbConnection()).Handle!;
        foreach (var table in ShadowTables)
        {
            // The names are FTS5's own, not input.
            Execute(connection, $"DELETE FROM {table}");
            CopyRows(table, connection);
        }

        await _database.ExecuteSqlRawAsync("UPDATE SearchIndexVersion SET Version = Version + 1", cancellationToken);
    }

    /// <summary>Every row of a table of the scratch database into the same table of the import's, value for value.</summary>
    private void CopyRows(string table, sqlite3 connection)
    {
        Check(raw.sqlite3_prepare_v2(_index, $"SELECT * FROM {table}", out var read), _index);
        using (read)
        {
            var columns = raw.sqlite3_column_count(read);
            var values = string.Join(", ", Enumerable.Range(1, columns).Select(i => $"?{i}"));
            Check(raw.sqlite3_prepare_v2(connection, $"INSERT INTO {table} VALUES ({values})", out var insert), connection);
            using (insert)
            {
                int step;
                while ((step = raw.sqlite3_step(read)) == raw.SQLITE_ROW)
                {
                    for (var i = 0; i < columns; i++)
                    {
                        Check(raw.sqlite3_column_type(read, i) switch
                        {
                            raw.SQLITE_INTEGER => raw.sqlite3_bind_int64(insert, i + 1, raw.sqlite3_column_int64(read, i)),
                            raw.SQLITE_NULL => raw.sqlite3_bind_null(insert, i + 1),
                            raw.SQLITE_TEXT => raw.sqlite3_bind_text(insert, i + 1, raw.sqlite3_column_blob(read, i)),
                            _ => raw.sqlite3_bind_blob(insert, i + 1, raw.sqlite3_column_blob(read, i)),
                        }, connection);
                    }

                    var result = raw.sqlite3_step(insert);
                    raw.sqlite3_reset(insert);
                    if (result != raw.SQLITE_DONE)
                    {
                        Check(result, connection);
                    }
                }

                if (step != raw.SQLITE_DONE)
                {
                    Check(step, _index);
                }
            }
        }
    }

    /// <summary>On the scratch connection, beside the import: every part into the index, in one transaction.</summary>
    private async Task BuildAsync(Channel<Documents> parts, CancellationToken stop)
    {
        try
        {
            Execute(_index, "BEGIN");
            Check(raw.sqlite3_prepare_v2(_index, "INSERT INTO SearchIndex (rowid, Title, Body, Topics) VALUES (?1, ?2, ?3, ?4)", out var insert), _index);
            using (insert)
            {
                await foreach (var documents in parts.Reader.ReadAllAsync(stop))
                {
                    try
                    {
                        documents.InsertEach(insert, _index);
                    }
                    finally
                    {
                        documents.Return();
                    }
                }
            }

            Execute(_index, "COMMIT");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The import's side is then told as it hands on its next part.
            parts.Writer.TryComplete(ex);
            throw;
        }
    }

    /// <summary>Stops a building the import left unfinished (it failed, or must write again), dropping what it built.</summary>
    private async Task StopAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _building;
        }
        catch (Exception ex) when (ex is OperationCanceledException or SqliteException)
        {
            // What the import met is what it reports.
        }

        if (raw.sqlite3_get_autocommit(_index) == 0)
        {
            Execute(_index, "ROLLBACK");
        }
    }

    /// <summary>After the import: closes the scratch database and deletes it.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync();
            _stop.Dispose();
            _index.Dispose();
        }
        finally
        {
            File.Delete(_path);
        }
    }

    private static void Execute(sqlite3 connection, string sql) => Check(raw.sqlite3_exec(connection, sql), connection);

    private static void Check(int result, sqlite3 connection)
    {
        if (result != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(result, connection);
        }
    }

    /// <summary>Documents as UTF-8, as SQLite stores them, in one pooled buffer: no string is made for them.</summary>
    private sealed class Documents
    {
        private readonly List<long> _ids = [];
        // Per document and column: where its text starts in the buffer and how long it is; -1 for null.
        private readonly List<(int Start, int Length)> _columns = [];
        private byte[] _text = ArrayPool<byte>.Shared.Rent(1 << 20);
        private int _used;

        public void Add(sqlite3_stmt row)
        {
            _ids.Add(raw.sqlite3_column_int64(row, 0));
            for (var column = 1; column <= 3; column++)
            {
                if (raw.sqlite3_column_type(row, column) == raw.SQLITE_NULL)
                {
                    _columns.Add((0, -1));
                    continue;
                }

                var text = raw.sqlite3_column_blob(row, column);
                if (_used + text.Length > _text.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(Math.Max(_text.Length * 2, _used + text.Length));
                    _text.AsSpan(0, _used).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(_text);
                    _text = larger;
                }

                text.CopyTo(_text.AsSpan(_used));
                _columns.Add((_used, text.Length));
                _used += text.Length;
            }
        }

        public void InsertEach(sqlite3_stmt insert, sqlite3 connection)
        {
            for (var i = 0; i < _ids.Count; i++)
            {
                Check(raw.sqlite3_bind_int64(insert, 1, _ids[i]), connection);
                for (var column = 1; column <= 3; column++)
                {
                    var (start, length) = _columns[(i * 3) + column - 1];
                    Check(length < 0 ? raw.sqlite3_bind_null(insert, column + 1) : raw.sqlite3_bind_text(insert, column + 1, _text.AsSpan(start, length)), connection);
                }

                var result = raw.sqlite3_step(insert);
                raw.sqlite3_reset(insert);
                if (result != raw.SQLITE_DONE)
                {
                    Check(result, connection);
                }
            }
        }

        public void Return() => ArrayPool<byte>.Shared.Return(_text);
    }
}
