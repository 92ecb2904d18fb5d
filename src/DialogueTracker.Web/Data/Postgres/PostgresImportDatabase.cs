using DialogueTracker.Web.Import;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace DialogueTracker.Web.Data.Postgres;

/// <summary>
/// PostgreSQL: the search documents are written by row triggers and indexed by a generated tsvector column, so there is
/// nothing to suspend or fill at the end; foreign keys are DEFERRABLE (the InitialCreate migration makes them so).
/// </summary>
public sealed class PostgresImportDatabase : IImportDatabase
{
    public bool BatchesSearchDocuments => false;

    public Task<IAsyncDisposable> TuneForImportAsync(DatabaseFacade database, CancellationToken cancellationToken) =>
        Task.FromResult<IAsyncDisposable>(NothingToRestore.Instance);

    public Task DeferForeignKeysAsync(DatabaseFacade database, CancellationToken cancellationToken) =>
        database.ExecuteSqlRawAsync("SET CONSTRAINTS ALL DEFERRED", cancellationToken);

    /// <summary>
    /// Ids are taken from the table's identity sequence, which is then moved past them, so EF Core's later inserts never
    /// collide with them. The lock keeps other writers of the table from taking ids in between (readers go on), until
    /// the import commits, as SQLite's single writer does.
    /// </summary>
    public async Task<int> ReserveIdsAsync(DatabaseFacade database, string table, int count, CancellationToken cancellationToken)
    {
        // The table is one of the import's own (see the summary), so it is safe to write into the SQL.
        var quoted = "\"" + table + "\"";
        var lockTable = "LOCK TABLE " + quoted + " IN SHARE ROW EXCLUSIVE MODE";
        var next = "SELECT greatest(nextval(pg_get_serial_sequence({0}, 'Id')), (SELECT coalesce(max(\"Id\"), 0) + 1 FROM " + quoted + "))::int AS \"Value\"";
        await database.ExecuteSqlRawAsync(lockTable, cancellationToken);
        var first = await database.SqlQueryRaw<int>(next, quoted).SingleAsync(cancellationToken);
        await database.SqlQueryRaw<long>(
            "SELECT setval(pg_get_serial_sequence({0}, 'Id'), {1}) AS \"Value\"", quoted, (long)first + count - 1).SingleAsync(cancellationToken);
        return first;
    }

    private sealed class NothingToRestore : IAsyncDisposable
    {
        public static readonly NothingToRestore Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
