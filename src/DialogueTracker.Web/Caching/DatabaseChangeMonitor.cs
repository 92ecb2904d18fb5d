using DialogueTracker.Web.Data;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Data.Sqlite;

namespace DialogueTracker.Web.Caching;

/// <summary>
/// Evicts the output cache when anyone else has written to the database: another process (a command-line import),
/// raw SQL, anything <see cref="RecordsChangedInterceptor"/> does not see. SQLite's <c>PRAGMA data_version</c>, read
/// on a connection of its own, changes whenever another connection commits; reading it costs microseconds and no I/O.
/// Checked before a cached response is looked up, at most every <see cref="CheckEvery"/>.
/// </summary>
public sealed class DatabaseChangeMonitor(IConfiguration configuration, IHostEnvironment environment, IOutputCacheStore store) : IDatabaseChangeMonitor, IDisposable
{
    private static readonly TimeSpan CheckEvery = TimeSpan.FromMilliseconds(20);
    private readonly Lock _gate = new();
    private SqliteConnection? _connection;
    private long _version = -1;
    private long _checkedAt;

    async ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellationToken)
    {
        if (Changed())
        {
            await store.EvictByTagAsync(CachingSetup.RecordsTag, cancellationToken);
        }
    }

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    /// <summary>True when the database changed since the last check; one request checks while the others go on.</summary>
    private bool Changed()
    {
        var now = Environment.TickCount64;
        if (now - Interlocked.Read(ref _checkedAt) < CheckEvery.TotalMilliseconds || !_gate.TryEnter())
        {
            return false;
        }

        try
        {
            _checkedAt = now;
            if (_connection is null)
            {
                _connection = new SqliteConnection(DatabaseSetup.ResolveConnectionString(configuration, environment.ContentRootPath));
                _connection.Open();
            }

            using var command = _connection.CreateCommand();
            command.CommandText = "PRAGMA data_version;";
            var version = (long)command.ExecuteScalar()!;
            var changed = _version >= 0 && version != _version;
            _version = version;
            return changed;
        }
        finally
        {
            _gate.Exit();
        }
    }

    public void Dispose() => _connection?.Dispose();
}
