using System.Globalization;
using System.Text.Json;
using DialogueTracker.Web.Model;

namespace DialogueTracker.Web.Pages.Shared;

/// <summary>How to cite a record: its permanent address, and the citation as plain text, BibTeX and CSL-JSON.</summary>
public sealed record CiteBox(string Key, string Title, string Permalink, PartialDate? Date, DateOnly Accessed)
{
    public string PlainText => $"DialogueTracker. “{Title}”{(Date is { } d ? $" ({d.Format(CultureInfo.GetCultureInfo("en-GB"))})" : "")}. "
        + $"{Permalink} (accessed {Accessed.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))}).";

    public string BibTeX => string.Join("\n",
    [
        $"@misc{{dialoguetracker-{Key},",
        $"  title = {{{Escape(Title)}}},",
        "  author = {{DialogueTracker}},",
        .. Date is { } d ? [$"  year = {{{d.Start.Year}}},"] : Array.Empty<string>(),
        $"  howpublished = {{\\url{{{Permalink}}}}},",
        $"  note = {{Accessed {Accessed.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}}}",
        "}",
    ]);

    public string CslJson => JsonSerializer.Serialize(new Dictionary<string, object?>
    {
        ["id"] = $"dialoguetracker-{Key}",
        ["type"] = "webpage",
        ["title"] = Title,
        ["container-title"] = "DialogueTracker",
        ["URL"] = Permalink,
        ["issued"] = Date is { } d ? new Dictionary<string, object> { ["date-parts"] = new[] { DateParts(d) } } : null,
        ["accessed"] = new Dictionary<string, object> { ["date-parts"] = new[] { new[] { Accessed.Year, Accessed.Month, Accessed.Day } } },
    }, new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping, DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull });

    private static int[] DateParts(PartialDate date) => date.Start switch
    {
        { Day: { } day, Month: { } month } part => [part.Year, month, day],
        { Month: { } month } part => [part.Year, month],
        var part => [part.Year],
    };

    // BibTeX reads braces and backslashes; keep them literal.
    private static string Escape(string text) => text.Replace("\\", "\\textbackslash{}", StringComparison.Ordinal).Replace("{", "\\{", StringComparison.Ordinal).Replace("}", "\\}", StringComparison.Ordinal);
}
