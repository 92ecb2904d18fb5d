using System.Net;
using DialogueTracker.Web.Model;
using Microsoft.Data.Sqlite;

namespace DialogueTracker.Tests.Operations;

/// <summary>The <c>backup</c> and <c>restore</c> commands, run as an operator would, beside the real app.</summary>
public sealed class BackupRestoreTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dialoguetracker-backup-").FullName;

    private string PathOf(string name) => Path.Combine(_folder, name);

    [Fact]
    public async Task A_backup_taken_under_write_load_restores_with_every_write_acknowledged_before_it()
    {
        var live = PathOf("live.db");
        var backup = PathOf("backup.db");
        var restored = PathOf("restored/dialoguetracker.db");
        (string Slug, string Summary)[] before;
        await using (var app = await AppProcess.StartAsync(live))
        {
            var load = new WriteLoad(app.CreateClient, await AppProcess.CreateTokenAsync(live, Roles.Editor), "backup");
            using var stop = new CancellationTokenSource();
            var writing = load.RunAsync(clients: 3, stop.Token);
            await WaitForAsync(() => load.Acknowledged.Count >= 10 || !load.Failures.IsEmpty);

            before = [.. load.Acknowledged];
            var (exitCode, error, output) = await AppProcess.RunAsync(live, "backup", backup);
            Assert.True(exitCode == 0, error);
            Assert.StartsWith($"Backed up {live} to {backup}", output, StringComparison.Ordinal);

            var atBackup = load.Acknowledged.Count;
            await WaitForAsync(() => load.Acknowledged.Count >= atBackup + 5 || !load.Failures.IsEmpty);
            stop.Cancel();
            await writing.WaitAsync(TimeSpan.FromSeconds(60));
            Assert.Empty(load.Failures);
        }

        var (restoreExit, restoreError, restoreOutput) = await AppProcess.RunAsync(restored, "restore", backup);
        Assert.True(restoreExit == 0, restoreError);
        Assert.Equal($"Restored {backup} into {restored}.", restoreOutput);

        // Every write acknowledged before the backup began is in the restored database, with its revision.
        await WriteLoad.AssertAllThereAsync(restored, "backup", before);
        await using var restoredApp = await AppProcess.StartAsync(restored);
        using var client = restoredApp.CreateClient();
        using var topic = await client.GetAsync($"/api/v1/topics/{before[0].Slug}");
        Assert.Equal(HttpStatusCode.OK, topic.StatusCode);
    }

    [Fact]
    public async Task Restore_refuses_a_damaged_newer_or_foreign_file_and_a_running_app_and_leaves_the_live_database_alone()
    {
        var live = PathOf("live.db");
        var backup = PathOf("backup.db");
        await using (var app = await AppProcess.StartAsync(live))
        {
            Assert.Equal(0, (await AppProcess.RunAsync(live, "backup", backup)).ExitCode);

            var (exitCode, error, _) = await AppProcess.RunAsync(live, "restore", backup);
            Assert.Equal(1, exitCode);
            Assert.Equal($"Restore refused: {live} is in use. Stop the app first, then restore.", error);

            app.Terminate();
            Assert.Equal(0, await app.WaitForExitAsync());
        }

        var damaged = PathOf("damaged.db");
        File.Copy(backup, damaged);
        await using (var file = new FileStream(damaged, FileMode.Open))
        {
            // Every other page from the third on: the schema still reads, the tables do not.
            for (var page = 2L; page * 4096 < file.Length; page += 2)
            {
                file.Position = page * 4096 + 100;
                file.Write(Enumerable.Repeat((byte)0x5A, 2000).ToArray());
            }
        }

        var newer = PathOf("newer.db");
        File.Copy(backup, newer);
        await ExecuteAsync(newer, "INSERT INTO __EFMigrationsHistory (MigrationId, ProductVersion) VALUES ('29991231000000_FromTheFuture', '99.0.0');");

        var foreign = PathOf("foreign.db");
        await ExecuteAsync(foreign, "CREATE TABLE Notes (Text TEXT); INSERT INTO Notes VALUES ('not ours');");

        var liveBytes = await File.ReadAllBytesAsync(live);
        foreach (var (file, expected) in new[]
        {
            (damaged, $"Restore refused: {damaged} is damaged"),
            (newer, $"Restore refused: The database {newer} was upgraded by a newer DialogueTracker (migrations 29991231000000_FromTheFuture)"),
            (foreign, $"Restore refused: {foreign} is not a DialogueTracker database."),
        })
        {
            var (exitCode, error, output) = await AppProcess.RunAsync(live, "restore", file);
            Assert.True(exitCode == 1, $"{file}: {exitCode} {error} {output}");
            Assert.StartsWith(expected, error, StringComparison.Ordinal);
            Assert.Single(error.Split('\n'));
            Assert.Equal(liveBytes, await File.ReadAllBytesAsync(live));
        }

        Assert.Equal(["backup.db", "damaged.db", "foreign.db", "live.db", "newer.db"],
            Directory.GetFiles(_folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));

        // The real thing, for contrast: the database it replaces is kept.
        var (restoreExit, restoreError, restoreOutput) = await AppProcess.RunAsync(live, "restore", backup);
        Assert.True(restoreExit == 0, restoreError);
        var kept = Assert.Single(Directory.GetFiles(_folder, "live.db.before-restore-*"));
        Assert.EndsWith($"the database it replaced is kept as {kept}.", restoreOutput, StringComparison.Ordinal);
        Assert.Equal("ok", await AppProcess.IntegrityCheckAsync(kept));
        Assert.Equal("ok", await AppProcess.IntegrityCheckAsync(live));
    }

    private static async Task ExecuteAsync(string path, string sql)
    {
        await using var connection = new SqliteConnection(AppProcess.Connection(path));
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "waited 60 s");
            await Task.Delay(10);
        }
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
