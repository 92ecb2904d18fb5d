using DialogueTracker.Web.Import;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace DialogueTracker.Web.Pages.Editing;

public static class FormText
{
    /// <summary>Trimmed text, or null for an empty field.</summary>
    public static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>A key for a new record when the editor leaves it blank: a prefix, the date and a short random tail.</summary>
    public static string NewKey(string prefix, string? date) =>
        $"{prefix}-{(date ?? "undated").Replace('?', 'x').Replace('~', 'x').Replace('%', 'x').Replace('/', '-')}-{Guid.NewGuid().ToString("N")[..6]}".ToLowerInvariant();

    /// <summary>
    /// Puts each importer problem next to its field: <c>date</c> becomes <c>Input.Date</c>,
    /// <c>citations[2].source</c> the third non-blank citation row's Source. What names no field goes on top.
    /// </summary>
    public static void AddProblems(ModelStateDictionary modelState, IEnumerable<ImportProblem> problems, IReadOnlyList<int> citationRows)
    {
        foreach (var problem in problems)
        {
            modelState.AddModelError(KeyFor(problem.Field, citationRows), problem.Message);
        }
    }

    private static string KeyFor(string? field, IReadOnlyList<int> citationRows)
    {
        if (field is null or "version" or "record")
        {
            return "";
        }

        if (field.StartsWith("citations[", StringComparison.Ordinal))
        {
            var end = field.IndexOf(']', StringComparison.Ordinal);
            if (int.TryParse(field["citations[".Length..end], out var index) && index < citationRows.Count)
            {
                var rest = field[(end + 1)..].TrimStart('.');
                return $"Input.Citations[{citationRows[index]}]" + (rest.Length > 0 ? "." + char.ToUpperInvariant(rest[0]) + rest[1..] : "");
            }
        }

        return "Input." + char.ToUpperInvariant(field[0]) + field[1..];
    }
}
