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
public sealed class RecordsChangedInterceptor(IOutputCacheStore store) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        // Outside a transaction the save is the commit.
        if (result > 0 && eventData.Context?.Database.CurrentTransaction is null)
        {
            await store.EvictByTagAsync(CachingSetup.RecordsTag, cancellationToken);
        }

        return result;
    }

    public async Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) =>
        await store.EvictByTagAsync(CachingSetup.RecordsTag, cancellationToken);

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
        store.EvictByTagAsync(CachingSetup.RecordsTag, default).AsTask().GetAwaiter().GetResult();
}
