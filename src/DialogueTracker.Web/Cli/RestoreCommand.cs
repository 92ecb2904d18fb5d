using System.Globalization;
using DialogueTracker.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace DialogueTracker.Web.Cli;

/// <summary>
/// <c>restore PATH</c>: replaces the live database with a backup, after checking the backup: it must pass
/// <c>PRAGMA integrity_check</c>, be a DialogueTracker database, and carry no migration newer than this build's.
/// The app must be stopped; restore refuses while it sees the app's connections (pooled ones close after some
/// minutes idle, so it cannot always tell). The database it replaces is kept
/// beside it (<c>.before-restore-TIME</c>), so a restore of the wrong file can be undone.
/// </summary>
public static class RestoreCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        if (await SqliteFileCommand.RefusedOnPostgresAsync(services, "restore", "pg_restore"))
        {
            return 1;
        }

        if (args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) is not { } source)
        {
            await Console.Error.WriteLineAsync("Usage: restore PATH   (a file made by backup; stop the app first)");
            return 2;
        }

        var backup = System.IO.Path.GetFullPath(source);
        var live = LiveDatabase.Path(services);
        if (!File.Exists(backup))
        {
            await Console.Error.WriteLineAsync($"Restore refused: there is no file {backup}.");
            return 1;
        }

        // The checks and the restore read a private copy, so the backup itself is never touched and what was checked is what is restored.
        var copy = $"{live}.restore-{Guid.NewGuid():N}";
        try
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(live)!);
            File.Copy(backup, copy);
            if (await WhyNotRestorableAsync(copy, backup) is { } refusal)
            {
                await Console.Error.WriteLineAsync($"Restore refused: {refusal}");
                return 1;
            }

            var kept = await ReplaceAsync(copy, live);
            await Console.Out.WriteLineAsync(kept is null
                ? $"Restored {backup} into {live}."
                : $"Restored {backup} into {live}; the database it replaced is kept as {kept}.");
            return 0;
        }
        catch (InUseException)
        {
            await Console.Error.WriteLineAsync($"Restore refused: {live} is in use. Stop the app first, then restore.");
            return 1;
        }
        catch (InvalidDataException ex)
        {
            await Console.Error.WriteLineAsync($"Restore failed: {ex.Message}");
            return 1;
        }
        catch (Exception ex) when (ex is SqliteException or IOException or UnauthorizedAccessException)
        {
            // Everything up to the backup API's copy leaves the live database alone, and that copy is all or nothing.
            await Console.Error.WriteLineAsync($"Restore failed, the live database is as it was: {ex.Message}");
            return 1;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(copy);
        }
    }

    /// <summary>Why the file at <paramref name="path"/> must not be restored, or null when it may.</summary>
    private static async Task<string?> WhyNotRestorableAsync(string path, string name)
    {
        try
        {
            await using (var connection = new SqliteConnection(DatabaseBackup.Unpooled(path, SqliteOpenMode.ReadOnly)))
            {
                await connection.OpenAsync();
                if (await DatabaseBackup.IntegrityCheckAsync(connection) is { } problem)
                {
                    return $"{name} is damaged (integrity check: {problem}).";
                }
            }

            await using var db = new DialogueDbContext(new DbContextOptionsBuilder<DialogueDbContext>()
                .UseSqlite(DatabaseBackup.Unpooled(path, SqliteOpenMode.ReadOnly)).Options);
            var applied = (await db.Database.GetAppliedMigrationsAsync()).ToList();
            if (applied.Count == 0 || applied[0] != db.Database.GetMigrations().First())
            {
                return $"{name} is not a DialogueTracker database.";
            }

            await DatabaseSetup.EnsureNotNewerAsync(db, name, CancellationToken.None);
            return null;
        }
        catch (NewerDatabaseException ex)
        {
            return ex.Message;
        }
        catch (SqliteException ex)
        {
            return $"{name} is damaged or not a SQLite database ({ex.Message}).";
        }
    }

    /// <summary>Copies the checked file over the live database, keeping the old one first. Returns where it was kept.</summary>
    private static async Task<string?> ReplaceAsync(string checkedCopy, string live)
    {
        var existed = File.Exists(live);
        await using var target = new SqliteConnection(DatabaseBackup.Unpooled(live));
        await target.OpenAsync();
        // Exclusive locking fails at once while any other connection (the running app's) has the database open, and
        // keeps the app from starting until the restore is done.
        await DatabaseBackup.ExecuteAsync(target, "PRAGMA busy_timeout = 0; PRAGMA locking_mode = EXCLUSIVE;");
        try
        {
            // Waiting is pointless (the app holds the database for as long as it runs), so no retries either.
            await using var command = target.CreateCommand();
            command.CommandText = "BEGIN EXCLUSIVE; COMMIT;";
            command.CommandTimeout = 1;
            await command.ExecuteNonQueryAsync();
        }
        catch (SqliteException ex) when (DatabaseUnavailable.Classify(ex) == DatabaseUnavailableKind.Busy)
        {
            throw new InUseException();
        }

        string? kept = null;
        if (existed)
        {
            kept = $"{live}.before-restore-{DateTime.UtcNow.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}";
            try
            {
                await DatabaseBackup.CopyToNewFileAsync(target, kept);
            }
            catch (InvalidDataException ex)
            {
                throw new InvalidDataException(
                    $"the database in place is damaged, so no copy of it could be kept ({ex.Message}). Nothing was changed; move {live} and its -wal aside yourself, then restore again.");
            }
        }

        // All or nothing, and a WAL database stays WAL (the app sets WAL on start for a new one).
        await using (var from = new SqliteConnection(DatabaseBackup.Unpooled(checkedCopy, SqliteOpenMode.ReadOnly)))
        {
            await from.OpenAsync();
            from.BackupDatabase(target);
        }

        string? problem;
        try
        {
            problem = await DatabaseBackup.IntegrityCheckAsync(target);
        }
        catch (SqliteException ex)
        {
            problem = ex.Message;
        }

        return problem is null
            ? kept
            : throw new InvalidDataException($"the restored database failed its integrity check ({problem}); the one it replaced is kept as {kept}.");
    }

    private sealed class InUseException : Exception;
}
