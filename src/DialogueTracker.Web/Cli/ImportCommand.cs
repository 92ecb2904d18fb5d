using DialogueTracker.Web.Import;

namespace DialogueTracker.Web.Cli;

/// <summary><c>import FILE [--dry-run]</c>: loads a dataset file (the JSON export format, or the rounds or statements CSV layout), all or nothing, and says what it did or what is wrong.</summary>
public static class ImportCommand
{
    /// <summary>What is wrong with the command's arguments (no file named, or none there), or null.</summary>
    public static string? Problem(string[] args) => FileArgument(args) switch
    {
        null => "Usage: import FILE [--dry-run]",
        var file when !File.Exists(file) => $"There is no file '{file}'.",
        _ => null,
    };

    private static string? FileArgument(string[] args) => args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal));

    public static async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        if (Problem(args) is { } usage)
        {
            await Console.Error.WriteLineAsync(usage);
            return 2;
        }

        var dryRun = args.Contains("--dry-run");
        var file = FileArgument(args)!;

        var options = new ImportOptions
        {
            DryRun = dryRun,
            Author = new RevisionAuthor(null, "import"),
            Summary = $"Imported from {Path.GetFileName(file)}",
        };
        await using var scope = services.CreateAsyncScope();
        var importer = scope.ServiceProvider.GetRequiredService<DatasetImporter>();
        ImportResult result;
        if (file.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
        {
            await using var stream = File.OpenRead(file);
            var (dataset, problem) = await Export.CsvImport.ReadAsync(stream, CancellationToken.None);
            result = dataset is null ? new ImportResult([problem!], 0, 0) : await importer.ImportAsync(dataset, options);
        }
        else
        {
            // Streamed, twice (to check, then to write), so a file of any size is never held whole.
            result = await importer.ImportAsync(DatasetInput.FromFile(file), options);
        }

        if (!result.Succeeded)
        {
            await Console.Error.WriteLineAsync($"Nothing was written: {result.Problems.Count} problem(s).");
            foreach (var p in result.Problems)
            {
                await Console.Error.WriteLineAsync($"  {p}");
            }

            return 1;
        }

        await Console.Out.WriteLineAsync($"{(dryRun ? "Dry run, nothing written: would add" : "Added")} {result.Added} record(s), {(dryRun ? "would change" : "changed")} {result.Changed}.");
        return 0;
    }
}
