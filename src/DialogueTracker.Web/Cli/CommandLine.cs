namespace DialogueTracker.Web.Cli;

/// <summary>Separates a command's own words from the settings given with it.</summary>
public static class CommandLine
{
    private static readonly string[] Commands = ["create-admin", "import", "backup", "restore"];

    /// <summary>
    /// What configuration reads: all of it for the app; for a command only <c>--Key=value</c> settings, because its
    /// own words are not settings (a path such as <c>/backups/db</c> would read as a switch and swallow the next argument).
    /// </summary>
    public static string[] Settings(string[] args) =>
        args is [var first, ..] && Commands.Contains(first)
            ? [.. args.Where(a => a.StartsWith("--", StringComparison.Ordinal) && a.Contains('=', StringComparison.Ordinal))]
            : args;
}
