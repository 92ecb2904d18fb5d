using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace DialogueTracker.Web.Data;

/// <summary>
/// Per-connection SQLite settings chosen for durability: with WAL, <c>synchronous = FULL</c> syncs every commit, so a
/// write that was answered 2xx survives a crash or power loss; <c>busy_timeout</c> lets a writer wait for another
/// instead of failing with "database is locked"; foreign keys are enforced. Each connection keeps a small page cache
/// (512 KB): the operating system caches the file anyway, and 32 pooled connections at SQLite's default 2 MB each were
/// 60 MB of the process's memory under load.
/// </summary>
public sealed class SqlitePragmas : DbConnectionInterceptor
{
    /// <summary>
    /// How long a write waits for another's lock before it fails (a 503). Microsoft.Data.Sqlite retries a busy command
    /// on top of SQLite's wait, for the command timeout (30 s unless set), so both are set to this.
    /// </summary>
    public const int BusyTimeoutSeconds = 5;

    private static readonly string Pragmas = string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"PRAGMA synchronous = FULL; PRAGMA busy_timeout = {BusyTimeoutSeconds * 1000}; PRAGMA foreign_keys = ON; PRAGMA cache_size = -512;");

    // The settings stay with SQLite's connection, which Microsoft.Data.Sqlite pools and hands out again on every Open:
    // each one is set up once, not on every request.
    private readonly ConditionalWeakTable<SQLitePCL.sqlite3, object> _configured = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (!IsConfigured(connection))
        {
            Apply(connection);
            Configured(connection);
        }
    }

    /// <summary>The settings on a connection EF Core does not open (the statement reads' own).</summary>
    public static void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (!IsConfigured(connection))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
            Configured(connection);
        }
    }

    private bool IsConfigured(DbConnection connection) =>
        connection is Microsoft.Data.Sqlite.SqliteConnection { Handle: { } handle } && _configured.TryGetValue(handle, out _);

    private void Configured(DbConnection connection)
    {
        if (connection is Microsoft.Data.Sqlite.SqliteConnection { Handle: { } handle })
        {
            _configured.AddOrUpdate(handle, this);
        }
    }
}
