using DialogueTracker.Web.Data;
using Microsoft.Data.Sqlite;

namespace DialogueTracker.Web.Cli;

/// <summary>
/// <c>backup PATH</c>: a consistent copy of the live database, taken while the portal serves traffic, as one file
/// that <c>restore</c> takes back. It never overwrites a file, and never migrates or otherwise writes the live database.
/// </summary>
public static class BackupCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        if (await SqliteFileCommand.RefusedOnPostgresAsync(services, "backup", "pg_dump"))
        {
            return 1;
        }

        if (args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) is not { } target)
        {
            await Console.Error.WriteLineAsync("Usage: backup PATH   (a new file; the database named by ConnectionStrings:DialogueTracker is copied to it)");
            return 2;
        }

        var path = Path.GetFullPath(target);
        var live = LiveDatabase.Path(services);
        if (File.Exists(path))
        {
            await Console.Error.WriteLineAsync($"Backup failed: {path} already exists; a backup never overwrites a file.");
            return 1;
        }

        if (!File.Exists(live))
        {
            await Console.Error.WriteLineAsync($"Backup failed: there is no database at {live}.");
            return 1;
        }

        try
        {
            // Read-write without create: a mistyped path is an error, not a new empty database.
            await using var source = new SqliteConnection(DatabaseBackup.Unpooled(live, SqliteOpenMode.ReadWrite));
            await source.OpenAsync();
            await DatabaseBackup.ExecuteAsync(source, "PRAGMA busy_timeout = 5000;");
            await DatabaseBackup.CopyToNewFileAsync(source, path);
        }
        catch (Exception ex) when (ex is SqliteException or IOException or UnauthorizedAccessException or InvalidDataException)
        {
            await Console.Error.WriteLineAsync($"Backup failed: {ex.Message}");
            return 1;
        }

        await Console.Out.WriteLineAsync($"Backed up {live} to {path} ({new FileInfo(path).Length / 1024:N0} KB).");
        return 0;
    }
}
