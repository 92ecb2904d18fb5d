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

    public SqliteBulkSearchIndex? BulkSearchIndex => null;

    public Task<IAsyncDisposable> TuneForImportAsync(DatabaseFacade database, CancellationToken cancellationToken) =>
        Task.FromResult<IAsyncDisposable>(NothingToRestore.Instance);

    /// <summary>
    /// Defers the (deferrable) foreign keys, and locks the record tables an import writes against other writers until it
    /// commits (readers go on), as SQLite's single writer does. Taken first, before anything is written: every write to a
    /// record also updates the search index's version row, so an import that held that row and then waited for a record
    /// another writer had locked, while that writer waited for the row, would deadlock. The locks also keep the ids
    /// <see cref="ReserveIdsAsync"/> takes from others.
    /// </summary>
    public Task BeginAsync(DatabaseFacade database, CancellationToken cancellationToken) =>
        database.ExecuteSqlRawAsync("""
            SET CONSTRAINTS ALL DEFERRED;
            LOCK TABLE "Mechanisms", "Sources", "Topics", "Rounds", "Statements", "Concerns" IN SHARE ROW EXCLUSIVE MODE;
            """, cancellationToken);

    // Nothing is left for the end: the deferred foreign keys are checked by the commit itself.
    public Task FinishBeforeCommitAsync(DatabaseFacade database, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Ids are taken from the table's identity sequence, which is then moved past them, so EF Core's later inserts never
    /// collide with them; the table is locked since <see cref="BeginAsync"/>.
    /// </summary>
    public async Task<int> ReserveIdsAsync(DatabaseFacade database, string table, int count, CancellationToken cancellationToken)
    {
        // The table is one of the import's own (see the summary), so it is safe to write into the SQL.
        var quoted = "\"" + table + "\"";
        var next = "SELECT greatest(nextval(pg_get_serial_sequence({0}, 'Id')), (SELECT coalesce(max(\"Id\"), 0) + 1 FROM " + quoted + "))::int AS \"Value\"";
        var first = await database.SqlQueryRaw<int>(next, quoted).SingleAsync(cancellationToken);
        await database.SqlQueryRaw<long>(
            "SELECT setval(pg_get_serial_sequence({0}, 'Id'), {1}) AS \"Value\"", quoted, (long)first + count - 1).SingleAsync(cancellationToken);
        return first;
    }

    /// <summary>
    /// The source, statement and topic-link insert triggers stand aside while the transaction's setting is on (migration
    /// DeferredImportDocuments): one documents function call for a batch instead of one per row.
    /// </summary>
    public async Task<bool> DeferDocumentsAsync(DatabaseFacade database, CancellationToken cancellationToken)
    {
        await database.SqlQueryRaw<string>("SELECT set_config('dialoguetracker.defer_documents', 'on', true) AS \"Value\"").SingleAsync(cancellationToken);
        return true;
    }

    public async Task WriteDeferredDocumentsAsync(DatabaseFacade database, string table, int firstId, int lastId, CancellationToken cancellationToken)
    {
        var write = table switch
        {
            "Statements" => "SELECT dt_statement_documents(ARRAY(SELECT generate_series({0}, {1})))",
            "Sources" => "SELECT dt_source_documents(ARRAY(SELECT generate_series({0}, {1})))",
            _ => throw new ArgumentException($"No deferred documents for {table}.", nameof(table)),
        };
        await database.SqlQueryRaw<string>("SELECT set_config('dialoguetracker.defer_documents', 'off', true) AS \"Value\"").SingleAsync(cancellationToken);
        await database.ExecuteSqlRawAsync(write, [firstId, lastId], cancellationToken);
    }

    private sealed class NothingToRestore : IAsyncDisposable
    {
        public static readonly NothingToRestore Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
