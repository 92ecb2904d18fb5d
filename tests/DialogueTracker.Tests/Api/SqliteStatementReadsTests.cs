namespace DialogueTracker.Tests.Api;

/// <summary>The prepared statements of SQLite's statement reads live no longer than the app.</summary>
public class SqliteStatementReadsTests
{
    [Fact]
    public async Task Once_the_app_is_stopped_the_database_file_is_closed()
    {
        // A connection closed with statements still prepared stays open, with its file, until they are finalized.
        var app = new DialogueTrackerFactory();
        var path = app.DatabasePath;
        using (var client = app.CreateClient())
        {
            var list = await client.GetJsonAsync("/api/v1/statements");
            await Task.WhenAll(list.Items().Select(s => client.GetJsonAsync($"/api/v1/statements/{s.GetProperty("id").GetInt32()}")));
        }

        Assert.Contains(OpenFiles(), file => file.StartsWith(path, StringComparison.Ordinal));
        await app.DisposeAsync();

        Assert.DoesNotContain(OpenFiles(), file => file.StartsWith(path, StringComparison.Ordinal));
    }

    private static List<string> OpenFiles() =>
        [.. new DirectoryInfo("/proc/self/fd").EnumerateFileSystemInfos().Select(fd =>
        {
            try
            {
                return fd.LinkTarget ?? "";
            }
            catch (IOException)
            {
                return "";   // closed while listed
            }
        })];
}
