using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace DialogueTracker.Web.Import;

public sealed class SqliteImportDatabase : IImportDatabase
{
    public bool BatchesSearchDocuments => true;

    /// <summary>
    /// A large import touches far more pages than SQLite's default 2 MB cache holds, and every page pushed out of it
    /// mid-transaction is written to the WAL, often again and again: a 64 MB cache for the length of the import took a
    /// fifth off 100,000 statements, measured back to back. The caller holds the connection open, so the old size goes
    /// back on the same connection.
    /// </summary>
    public async Task<IAsyncDisposable> TuneForImportAsync(DatabaseFacade database, CancellationToken cancellationToken)
    {
        var cacheSize = await database.SqlQueryRaw<long>("SELECT cache_size AS Value FROM pragma_cache_size").SingleAsync(cancellationToken);
        await database.ExecuteSqlRawAsync("PRAGMA cache_size = -65536", cancellationToken);
        return new Restore(database, "PRAGMA cache_size = " + cacheSize.ToString(CultureInfo.InvariantCulture));
    }

    // SQLite turns this off again when the transaction ends; its one writer at a time needs no other lock.
    public Task BeginAsync(DatabaseFacade database, CancellationToken cancellationToken) =>
        database.ExecuteSqlRawAsync("PRAGMA defer_foreign_keys = ON", cancellationToken);

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

    private sealed class Restore(DatabaseFacade database, string sql) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await database.ExecuteSqlRawAsync(sql, CancellationToken.None);
    }
}
