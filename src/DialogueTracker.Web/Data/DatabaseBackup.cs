using Microsoft.Data.Sqlite;

namespace DialogueTracker.Web.Data;

/// <summary>Copies a database with SQLite's online backup API: a consistent snapshot, while others read and write.</summary>
public static class DatabaseBackup
{
    /// <summary>
    /// Copies <paramref name="source"/> to a new file at <paramref name="destinationPath"/>, written beside it under a
    /// temporary name and renamed when complete and checked, so a half-made backup never carries the final name.
    /// The copy is one self-contained file (rollback journal, not WAL).
    /// </summary>
    public static async Task CopyToNewFileAsync(SqliteConnection source, string destinationPath, CancellationToken cancellationToken = default)
    {
        var partial = destinationPath + ".partial";
        File.Delete(partial);
        try
        {
            await using (var destination = new SqliteConnection(Unpooled(partial)))
            {
                await destination.OpenAsync(cancellationToken);
                // One step copies every page inside one read transaction: writers carry on (WAL), the copy is one moment.
                source.BackupDatabase(destination);
                await ExecuteAsync(destination, "PRAGMA journal_mode = DELETE;", cancellationToken);
                if (await IntegrityCheckAsync(destination, cancellationToken) is { } problem)
                {
                    throw new InvalidDataException($"the copy failed its integrity check: {problem}");
                }
            }

            File.Move(partial, destinationPath);
        }
        finally
        {
            File.Delete(partial);
        }
    }

    /// <summary>Null when <c>PRAGMA integrity_check</c> finds nothing wrong; otherwise its first finding.</summary>
    public static async Task<string?> IntegrityCheckAsync(SqliteConnection connection, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check;";
        var result = (string?)await command.ExecuteScalarAsync(cancellationToken);
        return result == "ok" ? null : result ?? "no answer";
    }

    public static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>A connection string for a command's own short-lived connection: nothing stays open in a pool.</summary>
    public static string Unpooled(string path, SqliteOpenMode mode = SqliteOpenMode.ReadWriteCreate) =>
        new SqliteConnectionStringBuilder { DataSource = path, Mode = mode, Pooling = false }.ToString();
}
