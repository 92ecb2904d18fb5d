using DialogueTracker.Web.Import;

namespace DialogueTracker.Web.Pages.Editing;

/// <summary>One citation row of an edit form; a blank row adds nothing, a ticked Remove drops the citation.</summary>
public sealed class CitationInput
{
    public string? Source { get; set; }
    public string? Quote { get; set; }
    public string? Locator { get; set; }
    public string? ClaimField { get; set; }
    public string? ClaimValue { get; set; }
    public bool Remove { get; set; }

    /// <summary>Keeps two empty rows at the end of a form, for new citations.</summary>
    public static void AddBlankRows(List<CitationInput> rows)
    {
        while (rows.Count(c => c.IsBlank) < 2)
        {
            rows.Add(new CitationInput());
        }
    }

    /// <summary>The citations a form describes (blank and removed rows left out), and for each the form row it came from.</summary>
    public static (List<CitationRecord> Records, IReadOnlyList<int> Rows) ToRecords(List<CitationInput> rows)
    {
        var kept = rows.Select((row, index) => (row, index)).Where(x => !x.row.IsBlank && !x.row.Remove).ToList();
        return ([.. kept.Select(x => x.row.ToRecord())], [.. kept.Select(x => x.index)]);
    }

    public bool IsBlank => string.IsNullOrWhiteSpace(Source) && string.IsNullOrWhiteSpace(Quote) && string.IsNullOrWhiteSpace(Locator);

    public static CitationInput From(CitationRecord c) => new()
    {
        Source = c.Source, Quote = c.Quote, Locator = c.Locator, ClaimField = c.ClaimField, ClaimValue = c.ClaimValue,
    };

    public CitationRecord ToRecord() => new()
    {
        Source = FormText.Clean(Source),
        Quote = FormText.Clean(Quote),
        Locator = FormText.Clean(Locator),
        ClaimField = FormText.Clean(ClaimField),
        ClaimValue = FormText.Clean(ClaimValue),
    };
}
