using System.Diagnostics;
using System.Text.Json;

namespace DialogueTracker.BrowserTests;

/// <summary>Runs html-validate (from node_modules, with .htmlvalidate.json) over pages' raw HTML in one go.</summary>
public static class HtmlValidation
{
    /// <param name="pages">Each page's HTML by a label (its path) that problems are reported under.</param>
    /// <returns>Every problem as "label line:column rule: message"; empty when all pages are valid.</returns>
    public static async Task<IReadOnlyList<string>> ProblemsAsync(IReadOnlyDictionary<string, string> pages)
    {
        var folder = Directory.CreateTempSubdirectory("dialoguetracker-html-").FullName;
        try
        {
            var files = new Dictionary<string, string>();
            foreach (var (label, html) in pages)
            {
                var file = Path.Combine(folder, $"page{files.Count}.html");
                await File.WriteAllTextAsync(file, html);
                files[file] = label;
            }

            // The report goes to a file: node may exit before a large report has drained from a pipe.
            var report = Path.Combine(folder, "report.json");
            var exitCode = await RunAsync("node", [Path.Combine(PageQualityTests.ToolsFolder, "node_modules", "html-validate", "bin", "html-validate.mjs"),
                "-c", Path.Combine(PageQualityTests.ToolsFolder, ".htmlvalidate.json"), "-f", $"json={report}", .. files.Keys]);

            var problems = JsonDocument.Parse(await File.ReadAllTextAsync(report)).RootElement.EnumerateArray()
                .SelectMany(r => r.GetProperty("messages").EnumerateArray().Select(m =>
                    $"{files[r.GetProperty("filePath").GetString()!]} {m.GetProperty("line")}:{m.GetProperty("column")} {m.GetProperty("ruleId").GetString()}: {m.GetProperty("message").GetString()}"))
                .ToList();
            return problems.Count == 0 && exitCode != 0 ? [$"html-validate exited with {exitCode} and no report"] : problems;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<int> RunAsync(string program, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        await output;
        var errors = await error;
        return process.ExitCode is 0 or 1 ? process.ExitCode : throw new InvalidOperationException($"{program} failed ({process.ExitCode}): {errors}");
    }
}
