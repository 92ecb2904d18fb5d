using DialogueTracker.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace DialogueTracker.Tests.Operations;

public sealed class DatabaseSafetyTests(DialogueTrackerFactory factory) : IClassFixture<DialogueTrackerFactory>
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Connections_use_wal_full_sync_a_busy_timeout_and_foreign_keys(bool newPhysicalConnection)
    {
        // Pooled connections are set up once (SqlitePragmas): both a reused one and a new one must have the settings.
        await using (factory.CreateScope(out var first))
        {
            await first.Database.OpenConnectionAsync();
        }

        if (newPhysicalConnection)
        {
            SqliteConnection.ClearAllPools();
        }

        await using var scope = factory.CreateScope(out var db);
        await db.Database.OpenConnectionAsync();

        async Task<string> PragmaAsync(string name)
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = $"PRAGMA {name};";
            return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture)!;
        }

        Assert.Equal("wal", await PragmaAsync("journal_mode"));
        Assert.Equal("2", await PragmaAsync("synchronous"));
        Assert.Equal("5000", await PragmaAsync("busy_timeout"));
        Assert.Equal("1", await PragmaAsync("foreign_keys"));
        Assert.Equal("-512", await PragmaAsync("cache_size"));
        // Microsoft.Data.Sqlite's own retries of a busy command end with SQLite's wait, not 25 s later.
        Assert.Equal(5, ((SqliteConnection)db.Database.GetDbConnection()).DefaultTimeout);
    }

    /// <summary>Starts the real app as its own process and returns its exit code and what it wrote.</summary>
    private static Task<(int ExitCode, string Error, string Output)> RunAppAsync(string connectionString) =>
        AppProcess.RunAsync(null, "--urls", "http://127.0.0.1:0", $"--ConnectionStrings:DialogueTracker={connectionString}", "--Serilog:MinimumLevel:Default=Warning");

    [Theory]
    [InlineData("Data Source=/etc/hostname/inside-a-file/dialoguetracker.db", "DialogueTracker cannot start:")]
    [InlineData("Colour=blue", "DialogueTracker cannot start: ConnectionStrings:DialogueTracker is not a SQLite connection string")]
    [InlineData("Mode=ReadOnly", "DialogueTracker cannot start: ConnectionStrings:DialogueTracker names no database file")]
    public async Task Bad_configuration_stops_the_app_with_one_clear_line(string connectionString, string expected)
    {
        var (exitCode, error, output) = await RunAppAsync(connectionString);

        Assert.Equal(1, exitCode);
        Assert.StartsWith(expected, error, StringComparison.Ordinal);
        Assert.Single(error.Split('\n'));
        Assert.DoesNotContain("   at ", error + output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_database_from_a_newer_version_is_refused_with_one_clear_line_and_left_untouched()
    {
        var path = Path.Combine(Path.GetTempPath(), $"dialoguetracker-newer-{Guid.NewGuid():N}.db");
        try
        {
            var options = new DbContextOptionsBuilder<DialogueDbContext>().UseSqlite($"Data Source={path}").Options;
            await using (var db = new DialogueDbContext(options))
            {
                await db.Database.MigrateAsync();
                await db.Database.ExecuteSqlRawAsync("INSERT INTO __EFMigrationsHistory (MigrationId, ProductVersion) VALUES ('29991231000000_FromTheFuture', '99.0.0')");
            }

            SqliteConnection.ClearAllPools();
            var before = await File.ReadAllBytesAsync(path);

            var (exitCode, message, output) = await RunAppAsync($"Data Source={path}");

            Assert.Equal(1, exitCode);
            Assert.StartsWith("DialogueTracker cannot start: The database", message, StringComparison.Ordinal);
            Assert.Contains("29991231000000_FromTheFuture", message, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", message + output, StringComparison.Ordinal);
            Assert.Equal(before, await File.ReadAllBytesAsync(path));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(path + suffix);
            }
        }
    }
}
