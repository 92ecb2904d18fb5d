using System.Globalization;
using System.Text.Json;
using DialogueTracker.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using SQLitePCL;

namespace DialogueTracker.Web.Import;

public sealed class SqliteImportDatabase(ILogger<SqliteImportDatabase> logger) : IImportDatabase
{
    // The tables ImportWriter fills row by row, by the hundred thousand.
    private static readonly string[] BulkTables = ["Statements", "StatementTopics", "Citations", "Revisions", "SearchDocuments", "SearchDocumentTopics"];

    // Set by TuneForImportAsync for a load into a new database (a bulk load): foreign keys are then checked, and the bulk
    // tables' indexes built, once, before the commit.
    private bool _bulkLoad;

    // The indexes BeginAsync dropped in a bulk load, built again by FinishBeforeCommitAsync.
    private List<SqliteIndex> _indexesToBuild = [];

    // In a bulk load: the scratch database the full-text index is built in, for the length of the import.
    private SqliteBulkSearchIndex? _scratchIndex;

    public bool BatchesSearchDocuments => true;

    public SqliteBulkSearchIndex? BulkSearchIndex { get; private set; }

    /// <summary>
    /// A large import touches far more pages than SQLite's default 2 MB cache holds, and every page pushed out of it
    /// mid-transaction is written to the WAL, often again and again: a 64 MB cache for the length of the import took a
    /// fifth off 100,000 statements, measured back to back. The caller holds the connection open, so the old settings go
    /// back on the same connection.
    /// A new database (no records yet, so nobody reads it) is loaded as bulk loads are: with a rollback journal, which
    /// writes the new pages once where WAL writes them twice (into the WAL, then back into the file when it is
    /// checkpointed at the commit: 1.9 of 16 s for 100,000 statements); and with foreign keys checked once over the
    /// finished tables instead of row by row (about 1 s), before the commit (<see cref="FinishBeforeCommitAsync"/>); and
    /// with its largest tables' indexes built at the end (<see cref="BeginAsync"/>).
    /// </summary>
    public async Task<IAsyncDisposable> TuneForImportAsync(DatabaseFacade database, CancellationToken cancellationToken)
    {
        var restore = new List<string>();
        var cacheSize = await database.SqlQueryRaw<long>("SELECT cache_size AS Value FROM pragma_cache_size").SingleAsync(cancellationToken);
        await database.ExecuteSqlRawAsync("PRAGMA cache_size = -65536", cancellationToken);
        restore.Add("PRAGMA cache_size = " + cacheSize.ToString(CultureInfo.InvariantCulture));

        if (await IsNewDatabaseAsync(database, cancellationToken))
        {
            if (await TryLeaveWalAsync(database, cancellationToken))
            {
                restore.Add("PRAGMA journal_mode = WAL");
            }

            await database.ExecuteSqlRawAsync("PRAGMA foreign_keys = OFF", cancellationToken);
            restore.Add("PRAGMA foreign_keys = ON");
            _bulkLoad = true;
            _scratchIndex = await SqliteBulkSearchIndex.CreateAsync(database, cancellationToken);
        }

        return new Restore(this, database, restore, logger);
    }

    /// <summary>
    /// Defers foreign keys to the commit (SQLite turns this off again when the transaction ends; its one writer at a time
    /// needs no other lock). In a bulk load, also drops the bulk tables' non-unique indexes, to be built whole before the
    /// commit (<see cref="FinishBeforeCommitAsync"/>): rows go in in id order, so an index in another order (by date, by
    /// topic) takes each row at a random place, while building it afterwards is one sort. For 100,000 statements that
    /// is 2.1 s of index upkeep against 1 s of building. The unique indexes stay: they find existing records by key.
    /// Inside the transaction, so a rollback brings the indexes back, and other connections go on seeing them.
    /// </summary>
    public async Task BeginAsync(DatabaseFacade database, CancellationToken cancellationToken)
    {
        await database.ExecuteSqlRawAsync("PRAGMA defer_foreign_keys = ON", cancellationToken);
        _indexesToBuild = [];
        if (!_bulkLoad)
        {
            return;
        }

        if (_scratchIndex is not null)
        {
            await _scratchIndex.StartAsync();
            BulkSearchIndex = _scratchIndex;
        }

        var indexes = await database.SqlQueryRaw<SqliteIndex>(
            """
            SELECT m.name AS Name, m.sql AS Sql
            FROM json_each({0}) AS t JOIN pragma_index_list(t.value) AS i JOIN sqlite_master AS m ON m.type = 'index' AND m.name = i.name
            WHERE i."unique" = 0 AND m.sql IS NOT NULL
            """,
            JsonSerializer.Serialize(BulkTables)).ToListAsync(cancellationToken);
        // The names are the schema's own, not input.
        foreach (var drop in indexes.Select(i => "DROP INDEX \"" + i.Name + "\""))
        {
            await database.ExecuteSqlRawAsync(drop, cancellationToken);
        }

        _indexesToBuild = indexes;
    }

    /// <summary>
    /// In a bulk load: builds the indexes <see cref="BeginAsync"/> dropped, and, with foreign keys off, checks every
    /// reference, refusing a broken one with the error SQLite itself gives for a deferred foreign key at the commit.
    /// </summary>
    public async Task FinishBeforeCommitAsync(DatabaseFacade database, CancellationToken cancellationToken)
    {
        if (!_bulkLoad)
        {
            return;
        }

        foreach (var index in _indexesToBuild)
        {
            await database.ExecuteSqlRawAsync(index.Sql, cancellationToken);
        }

        _indexesToBuild = [];

        var broken = await database.SqlQueryRaw<string>("SELECT \"table\" AS Value FROM pragma_foreign_key_check LIMIT 1").ToListAsync(cancellationToken);
        if (broken.Count > 0)
        {
            throw new SqliteException($"SQLite Error 19: 'FOREIGN KEY constraint failed' (in {broken[0]}).", raw.SQLITE_CONSTRAINT_FOREIGNKEY);
        }
    }

    /// <summary>The next id AUTOINCREMENT would give; inserting it moves AUTOINCREMENT on, so <paramref name="count"/> needs no reserving.</summary>
    public Task<int> ReserveIdsAsync(DatabaseFacade database, string table, int count, CancellationToken cancellationToken)
    {
        var sql = "SELECT max(ifnull((SELECT seq FROM sqlite_sequence WHERE name = {0}), 0), ifnull((SELECT max(Id) FROM " + table + "), 0)) + 1 AS Value";
        return database.SqlQueryRaw<int>(sql, table).SingleAsync(cancellationToken);
    }

    // SQLite batches its documents with its triggers suspended instead (ImportWriter).
    public Task<bool> DeferDocumentsAsync(DatabaseFacade database, CancellationToken cancellationToken) => Task.FromResult(false);

    public Task WriteDeferredDocumentsAsync(DatabaseFacade database, string table, int firstId, int lastId, CancellationToken cancellationToken) =>
        throw new NotSupportedException("SQLite defers no documents.");

    /// <summary>No record of any kind yet: a database made for this import, or one never used.</summary>
    private static async Task<bool> IsNewDatabaseAsync(DatabaseFacade database, CancellationToken cancellationToken)
    {
        string[] tables = ["Mechanisms", "Topics", "Sources", "Rounds", "Statements", "Concerns", "Revisions"];
        var sql = "SELECT " + string.Join(" AND ", tables.Select(t => $"NOT EXISTS (SELECT 1 FROM \"{t}\")")) + " AS Value";
        return await database.SqlQueryRaw<bool>(sql).SingleAsync(cancellationToken);
    }

    /// <summary>
    /// Switches to a rollback journal if no other connection is reading or writing the file at this moment, without
    /// waiting for one; otherwise the import goes on in WAL mode, as any other.
    /// </summary>
    private static async Task<bool> TryLeaveWalAsync(DatabaseFacade database, CancellationToken cancellationToken)
    {
        await database.ExecuteSqlRawAsync("PRAGMA busy_timeout = 0", cancellationToken);
        try
        {
            var mode = await database.SqlQueryRaw<string>("SELECT journal_mode AS Value FROM pragma_journal_mode").SingleAsync(cancellationToken);
            if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            var now = await database.SqlQueryRaw<string>("PRAGMA journal_mode = DELETE").ToListAsync(cancellationToken);
            return now is ["delete"];
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode is raw.SQLITE_BUSY or raw.SQLITE_LOCKED)
        {
            return false;
        }
        finally
        {
            await database.ExecuteSqlRawAsync($"PRAGMA busy_timeout = {SqlitePragmas.BusyTimeoutSeconds * 1000}", cancellationToken);
        }
    }

    private sealed record SqliteIndex(string Name, string Sql);

    private sealed class Restore(SqliteImportDatabase owner, DatabaseFacade database, List<string> statements, ILogger logger) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            owner._bulkLoad = false;
            owner.BulkSearchIndex = null;
            if (owner._scratchIndex is { } scratch)
            {
                owner._scratchIndex = null;
                await scratch.DisposeAsync();
            }

            foreach (var sql in statements)
            {
                try
                {
                    await database.ExecuteSqlRawAsync(sql, CancellationToken.None);
                }
                catch (SqliteException ex)
                {
                    // The import is done (or rolled back) by now; WAL comes back at the next start anyway (DatabaseSetup).
                    logger.LogWarning(ex, "Could not restore {Setting} after the import", sql);
                }
            }
        }
    }
}
