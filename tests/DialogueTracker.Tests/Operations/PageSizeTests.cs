using DialogueTracker.Web.Data;
using Microsoft.Data.Sqlite;

namespace DialogueTracker.Tests.Operations;

/// <summary>A new SQLite database is made with 8 KB pages; an existing one keeps the size it has.</summary>
public sealed class PageSizeTests : IDisposable
{
    private sealed class AppOn(string databasePath) : DialogueTrackerFactory(databasePath);

    private readonly string _path = Path.Combine(Path.GetTempPath(), $"dialoguetracker-pages-{Guid.NewGuid():N}.db");

    [Fact]
    public async Task A_new_database_started_by_the_app_has_8_KB_pages()
    {
        await using (var app = new AppOn(_path))
        {
            using var response = await app.CreateClient().GetAsync("/api/v1/statements/1");
            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Equal(8192L, await ScalarAsync("PRAGMA page_size"));
        Assert.True(await ScalarAsync("SELECT count(*) FROM Statements") > 0);
    }

    [Fact]
    public async Task A_database_that_already_has_pages_keeps_their_size()
    {
        await ScalarAsync("PRAGMA page_size = 4096; CREATE TABLE Earlier (Id INTEGER); SELECT 1");

        await SqliteEngine.UseLargePagesIfNewAsync($"Data Source={_path}", CancellationToken.None);

        Assert.Equal(4096L, await ScalarAsync("PRAGMA page_size"));
        Assert.Equal(1L, await ScalarAsync("SELECT count(*) FROM sqlite_master WHERE name = 'Earlier'"));
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={_path};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(_path + suffix);
        }
    }
}
