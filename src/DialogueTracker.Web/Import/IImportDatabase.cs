using Microsoft.EntityFrameworkCore.Infrastructure;

namespace DialogueTracker.Web.Import;

/// <summary>What a large import needs of the database engine beyond EF Core; chosen when the database is registered.</summary>
public interface IImportDatabase
{
    /// <summary>Settings for the length of an import, put back when the result is disposed.</summary>
    Task<IAsyncDisposable> TuneForImportAsync(DatabaseFacade database, CancellationToken cancellationToken);

    /// <summary>
    /// At the start of the import's transaction: foreign keys checked at the commit, so rows may go in before what they
    /// refer to (topic links before their statement); on an engine with row locks, the locks the import will need.
    /// </summary>
    Task BeginAsync(DatabaseFacade database, CancellationToken cancellationToken);

    /// <summary>
    /// Just before the import commits (or, in a dry run, rolls back): does what <see cref="TuneForImportAsync"/> and
    /// <see cref="BeginAsync"/> left for the end (building indexes, checking references), and throws the engine's own
    /// exception for what it would have refused.
    /// </summary>
    Task FinishBeforeCommitAsync(DatabaseFacade database, CancellationToken cancellationToken);

    /// <summary>
    /// The first of <paramref name="count"/> consecutive ids for new rows of <paramref name="table"/> (one of the import's
    /// own tables, not input): never an id a deleted row had, and none that EF Core's own inserts will take.
    /// </summary>
    Task<int> ReserveIdsAsync(DatabaseFacade database, string table, int count, CancellationToken cancellationToken);

    /// <summary>
    /// Whether a large batch's search documents are written set-based with the search triggers suspended (SQLite's FTS5
    /// index; see <see cref="ImportWriter"/>); otherwise the triggers write them row by row.
    /// </summary>
    bool BatchesSearchDocuments { get; }

    /// <summary>
    /// In a bulk load on SQLite (a new database), from the start of the import's transaction: the full-text index being
    /// built beside the import, which <see cref="ImportWriter"/> feeds and puts in place; otherwise null.
    /// </summary>
    SqliteBulkSearchIndex? BulkSearchIndex { get; }

    /// <summary>
    /// Where search documents are written by row triggers and not batched (<see cref="BatchesSearchDocuments"/> false):
    /// stops the triggers writing the documents of the new records of a batch, until
    /// <see cref="WriteDeferredDocumentsAsync"/> writes them all at once. Returns false where there is nothing to defer.
    /// </summary>
    Task<bool> DeferDocumentsAsync(DatabaseFacade database, CancellationToken cancellationToken);

    /// <summary>Writes the search documents of the new records of <paramref name="table"/> with ids first to last, and lets the triggers write again.</summary>
    Task WriteDeferredDocumentsAsync(DatabaseFacade database, string table, int firstId, int lastId, CancellationToken cancellationToken);
}
