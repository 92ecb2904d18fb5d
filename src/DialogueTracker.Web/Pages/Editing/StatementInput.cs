using System.ComponentModel.DataAnnotations;
using DialogueTracker.Web.Import;

namespace DialogueTracker.Web.Pages.Editing;

/// <summary>The statement edit form.</summary>
public sealed class StatementInput
{
    [StringLength(100)] public string? Key { get; set; }
    public string? Date { get; set; }
    public string? DateNote { get; set; }
    [Required] public string? Party { get; set; }
    [StringLength(200)] public string? PartyName { get; set; }
    [StringLength(200)] public string? Speaker { get; set; }
    [StringLength(300)] public string? SpeakerRole { get; set; }
    public string? Occasion { get; set; }
    public string? InResponseTo { get; set; }
    public string? Round { get; set; }
    [Required, StringLength(500)] public string? TitleEn { get; set; }
    [StringLength(500)] public string? TitleVi { get; set; }
    public string? SummaryEn { get; set; }
    public string? SummaryVi { get; set; }
    public string? Quote { get; set; }
    [Required, StringLength(35)] public string? Language { get; set; } = "en";
    public List<string> Topics { get; set; } = [];
    public List<CitationInput> Citations { get; set; } = [];
    [StringLength(500)] public string? EditSummary { get; set; }
    public Guid Version { get; set; }

    public static StatementInput From(StatementRecord s, Guid version) => new()
    {
        Key = s.Key, Date = s.Date, DateNote = s.DateNote, Party = s.Party, PartyName = s.PartyName, Speaker = s.Speaker,
        SpeakerRole = s.SpeakerRole, Occasion = s.Occasion, InResponseTo = s.InResponseTo, Round = s.Round,
        TitleEn = s.TitleEn, TitleVi = s.TitleVi, SummaryEn = s.SummaryEn, SummaryVi = s.SummaryVi, Quote = s.Quote,
        Language = s.Language, Topics = [.. s.Topics], Citations = [.. s.Citations.Select(CitationInput.From)], Version = version,
    };

    public (StatementRecord Record, IReadOnlyList<int> CitationRows) ToRecord()
    {
        var (citations, rows) = CitationInput.ToRecords(Citations);
        var record = new StatementRecord
        {
            Key = FormText.Clean(Key) ?? FormText.NewKey(FormText.Clean(Party) ?? "statement", FormText.Clean(Date)),
            Date = FormText.Clean(Date),
            DateNote = FormText.Clean(DateNote),
            Party = FormText.Clean(Party),
            PartyName = FormText.Clean(PartyName),
            Speaker = FormText.Clean(Speaker),
            SpeakerRole = FormText.Clean(SpeakerRole),
            Occasion = FormText.Clean(Occasion),
            InResponseTo = FormText.Clean(InResponseTo),
            Round = FormText.Clean(Round),
            TitleEn = FormText.Clean(TitleEn),
            TitleVi = FormText.Clean(TitleVi),
            SummaryEn = FormText.Clean(SummaryEn),
            SummaryVi = FormText.Clean(SummaryVi),
            // The speaker's words as written: only the ends are trimmed.
            Quote = FormText.Clean(Quote),
            Language = FormText.Clean(Language),
            Topics = [.. Topics.Where(t => !string.IsNullOrWhiteSpace(t)).Distinct()],
            Citations = citations,
        };
        return (record, rows);
    }
}
