using System.Data.Common;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace DialogueTracker.Web.Caching;

/// <summary>
/// Evicts every cached response once a save made by this process is committed, so a client that wrote reads its
/// write at once. Eviction waits for the commit: evicting earlier would let a reader cache the old version again
/// before the new one is visible.
/// </summary>
public sealed class RecordsChangedInterceptor(IOutputCacheStore store) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<DbContext, object> _pending = [];

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && context.ChangeTracker.HasChanges())
        {
            _pending.AddOrUpdate(context, true);
        }

        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        // Outside a transaction the save is the commit.
        if (eventData.Context is { } context && context.Database.CurrentTransaction is null)
        {
            await EvictIfPendingAsync(context, cancellationToken);
        }

        return result;
    }

    public async Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context)
        {
            await EvictIfPendingAsync(context, cancellationToken);
        }
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData)
    {
        if (eventData.Context is { } context && _pending.Remove(context))
        {
            store.EvictByTagAsync(CachingSetup.RecordsTag, default).AsTask().GetAwaiter().GetResult();
        }
    }

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context)
        {
            _pending.Remove(context);
        }

        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData)
    {
        if (eventData.Context is { } context)
        {
            _pending.Remove(context);
        }
    }

    private async Task EvictIfPendingAsync(DbContext context, CancellationToken cancellationToken)
    {
        if (_pending.Remove(context))
        {
            await store.EvictByTagAsync(CachingSetup.RecordsTag, cancellationToken);
        }
    }
}
