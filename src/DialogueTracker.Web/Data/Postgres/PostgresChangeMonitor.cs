using DialogueTracker.Web.Caching;
using Microsoft.AspNetCore.OutputCaching;
using Npgsql;

namespace DialogueTracker.Web.Data.Postgres;

/// <summary>
/// Evicts the output cache when anyone writes the record: the migration's statement triggers send a NOTIFY on
/// <see cref="Channel"/> with every committed write to a record table, whoever makes it (another instance, a
/// command-line import, psql). This process listens on a connection of its own; after losing it, it evicts once, for
/// what it may have missed, and listens again.
/// </summary>
public sealed class PostgresChangeMonitor(IConfiguration configuration, IOutputCacheStore store, ILogger<PostgresChangeMonitor> logger)
    : BackgroundService, IDatabaseChangeMonitor
{
    public const string Channel = "dialoguetracker_records";

    private static readonly TimeSpan Reconnect = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Keepalives notice a dead server on an idle connection, which otherwise would wait for a notification forever.
        var connectionString = new NpgsqlConnectionStringBuilder(PostgresDatabase.ConnectionString(configuration)) { KeepAlive = 30, Pooling = false }.ConnectionString;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync(stoppingToken);
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                await store.EvictByTagAsync(CachingSetup.RecordsTag, stoppingToken);
                while (true)
                {
                    // Returns once a notification has arrived; several commits in a row arrive together.
                    await connection.WaitAsync(stoppingToken);
                    await store.EvictByTagAsync(CachingSetup.RecordsTag, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The database or the cache store (Redis) failing must not stop the host: a background service that
                // throws does. Listen again after a pause, evicting once more then.
                logger.LogWarning(ex, "Listening for database changes failed; trying again in {Seconds} s", Reconnect.TotalSeconds);
                try
                {
                    await Task.Delay(Reconnect, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    // Notifications arrive by themselves: nothing to check per request.
    ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
