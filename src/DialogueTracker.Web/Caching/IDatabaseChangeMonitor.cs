using Microsoft.AspNetCore.OutputCaching;

namespace DialogueTracker.Web.Caching;

/// <summary>
/// Notices writes that <see cref="RecordsChangedInterceptor"/> does not see (another process, raw SQL) and evicts the
/// output cache, each engine in its own way; registered with the database, checked through <see cref="DatabaseChangePolicy"/>.
/// </summary>
public interface IDatabaseChangeMonitor : IOutputCachePolicy;

/// <summary>
/// The output cache's base policy creates its policies itself rather than asking for a registered service, so this
/// forwards to the monitor registered for the database in use.
/// </summary>
public sealed class DatabaseChangePolicy(IDatabaseChangeMonitor monitor) : IOutputCachePolicy
{
    ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellationToken) =>
        monitor.CacheRequestAsync(context, cancellationToken);

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellationToken) =>
        monitor.ServeFromCacheAsync(context, cancellationToken);

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellationToken) =>
        monitor.ServeResponseAsync(context, cancellationToken);
}
