using System.Data.Common;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace DialogueTracker.Web.Caching;

/// <summary>
/// Evicts every cached response once a write made by this process is committed, so a client that wrote reads its
/// write at once. Eviction waits for the commit: evicting earlier would let a reader cache the old version again
/// before the new one is visible. Only writes open transactions here, so every committed transaction evicts, whether
/// its rows went through SaveChanges or past it (the importer's bulk inserts).
/// </summary>
public sealed class RecordsChangedInterceptor(IOutputCacheStore store, ILogger<RecordsChangedInterceptor> logger) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        // Outside a transaction the save is the commit.
        if (result > 0 && eventData.Context?.Database.CurrentTransaction is null)
        {
            await EvictAsync(cancellationToken);
        }

        return result;
    }

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) =>
        EvictAsync(cancellationToken);

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
        EvictAsync(default).GetAwaiter().GetResult();

    /// <summary>
    /// The write is committed by now: a cache store that fails (Redis unreachable) must not turn it into an error. Logged
    /// instead; cached responses then live until they expire (Caching:Minutes).
    /// </summary>
    private async Task EvictAsync(CancellationToken cancellationToken)
    {
        try
        {
            await store.EvictByTagAsync(CachingSetup.RecordsTag, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "The committed change could not evict the output cache; cached pages may be stale until they expire");
        }
    }
}
