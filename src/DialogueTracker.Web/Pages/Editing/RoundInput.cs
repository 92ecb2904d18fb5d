using System.ComponentModel.DataAnnotations;
using DialogueTracker.Web.Import;

namespace DialogueTracker.Web.Pages.Editing;

/// <summary>The round edit form. Checks beyond "required" are the importer's, so forms and API agree.</summary>
public sealed class RoundInput
{
    [StringLength(100)] public string? Key { get; set; }
    [Required] public string? Mechanism { get; set; }
    [Required] public string? Kind { get; set; } = "round";
    public string? Series { get; set; }
    [Range(1, 10_000)] public int? Number { get; set; }
    public string? NumberNote { get; set; }
    public string? Date { get; set; }
    public string? DateNote { get; set; }
    [StringLength(300)] public string? Place { get; set; }
    [Required, StringLength(500)] public string? TitleEn { get; set; }
    [StringLength(500)] public string? TitleVi { get; set; }
    public string? SummaryEn { get; set; }
    public string? SummaryVi { get; set; }
    public List<string> Topics { get; set; } = [];
    public List<CitationInput> Citations { get; set; } = [];
    [StringLength(500)] public string? EditSummary { get; set; }
    public Guid Version { get; set; }

    public static RoundInput From(RoundRecord r, Guid version) => new()
    {
        Key = r.Key, Mechanism = r.Mechanism, Kind = r.Kind, Series = r.Series, Number = r.Number, NumberNote = r.NumberNote,
        Date = r.Date, DateNote = r.DateNote, Place = r.Place, TitleEn = r.TitleEn, TitleVi = r.TitleVi,
        SummaryEn = r.SummaryEn, SummaryVi = r.SummaryVi, Topics = [.. r.Topics],
        Citations = [.. r.Citations.Select(CitationInput.From)], Version = version,
    };

    /// <summary>The record to save, and for each of its citations the form row it came from.</summary>
    public (RoundRecord Record, IReadOnlyList<int> CitationRows) ToRecord()
    {
        var (citations, rows) = CitationInput.ToRecords(Citations);
        var record = new RoundRecord
        {
            Key = FormText.Clean(Key) ?? FormText.NewKey(FormText.Clean(Mechanism) ?? "round", FormText.Clean(Date)),
            Mechanism = FormText.Clean(Mechanism),
            Kind = FormText.Clean(Kind),
            Series = FormText.Clean(Series),
            Number = Number,
            NumberNote = FormText.Clean(NumberNote),
            Date = FormText.Clean(Date),
            DateNote = FormText.Clean(DateNote),
            Place = FormText.Clean(Place),
            TitleEn = FormText.Clean(TitleEn),
            TitleVi = FormText.Clean(TitleVi),
            SummaryEn = FormText.Clean(SummaryEn),
            SummaryVi = FormText.Clean(SummaryVi),
            Topics = [.. Topics.Where(t => !string.IsNullOrWhiteSpace(t)).Distinct()],
            Citations = citations,
        };
        return (record, rows);
    }
}
