namespace DialogueTracker.Tests.Operations;

/// <summary>The <c>import</c> command as a person runs it: the app as its own process.</summary>
public sealed class ImportCommandTests
{
    [Fact]
    public async Task A_file_that_is_not_there_is_said_at_once_and_no_database_is_made_for_it()
    {
        var path = Path.Combine(Path.GetTempPath(), $"dialoguetracker-nofile-{Guid.NewGuid():N}.db");
        var missing = Path.Combine(Path.GetTempPath(), $"no-such-dataset-{Guid.NewGuid():N}.json");

        var (exitCode, error, _) = await AppProcess.RunAsync(path, "import", missing);

        Assert.Equal(2, exitCode);
        Assert.Equal($"There is no file '{missing}'.", error.Trim());
        Assert.False(File.Exists(path));
    }
}
