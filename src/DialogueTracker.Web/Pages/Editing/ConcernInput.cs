using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using DialogueTracker.Web.Import;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace DialogueTracker.Web.Pages.Editing;

/// <summary>The concern edit form: the concern, its mentions and its status history, each with its own citations.</summary>
public sealed partial class ConcernInput
{
    [StringLength(100)] public string? Key { get; set; }
    [Required] public string? RaisedBy { get; set; }
    [Required] public string? AddressedTo { get; set; }
    [Required, StringLength(500)] public string? TitleEn { get; set; }
    [StringLength(500)] public string? TitleVi { get; set; }
    public string? SummaryEn { get; set; }
    public string? SummaryVi { get; set; }
    public List<string> Topics { get; set; } = [];
    public List<CitationInput> Citations { get; set; } = [];
    public List<MentionInput> Mentions { get; set; } = [];
    public List<StatusInput> StatusHistory { get; set; } = [];
    [StringLength(500)] public string? EditSummary { get; set; }
    public Guid Version { get; set; }

    public static ConcernInput From(ConcernRecord c, Guid version) => new()
    {
        Key = c.Key, RaisedBy = c.RaisedBy, AddressedTo = c.AddressedTo, TitleEn = c.TitleEn, TitleVi = c.TitleVi,
        SummaryEn = c.SummaryEn, SummaryVi = c.SummaryVi, Topics = [.. c.Topics], Citations = [.. c.Citations.Select(CitationInput.From)],
        Mentions = [.. c.Mentions.Select(MentionInput.From)], StatusHistory = [.. c.StatusHistory.Select(StatusInput.From)], Version = version,
    };

    /// <summary>Keeps one blank mention and one blank status at the end for new ones, and blank citation rows in each.</summary>
    public void AddBlankRows()
    {
        CitationInput.AddBlankRows(Citations);
        if (Mentions.All(m => !m.IsBlank))
        {
            Mentions.Add(new MentionInput());
        }

        if (StatusHistory.All(s => !s.IsBlank))
        {
            StatusHistory.Add(new StatusInput());
        }

        foreach (var citations in Mentions.Select(m => m.Citations).Concat(StatusHistory.Select(s => s.Citations)))
        {
            while (citations.Count(c => c.IsBlank) < 1)
            {
                citations.Add(new CitationInput());
            }
        }
    }

    public (ConcernRecord Record, Rows Rows) ToRecord()
    {
        var (citations, citationRows) = CitationInput.ToRecords(Citations);
        var mentions = Mentions.Select((m, row) => (m, row)).Where(x => !x.m.IsBlank && !x.m.Remove).ToList();
        var statuses = StatusHistory.Select((s, row) => (s, row)).Where(x => !x.s.IsBlank && !x.s.Remove).ToList();
        var mentionRecords = mentions.Select(x => x.m.ToRecord()).ToList();
        var statusRecords = statuses.Select(x => x.s.ToRecord()).ToList();
        var record = new ConcernRecord
        {
            Key = FormText.Clean(Key) ?? FormText.NewKey(FormText.Clean(RaisedBy) ?? "concern", null),
            RaisedBy = FormText.Clean(RaisedBy),
            AddressedTo = FormText.Clean(AddressedTo),
            TitleEn = FormText.Clean(TitleEn),
            TitleVi = FormText.Clean(TitleVi),
            SummaryEn = FormText.Clean(SummaryEn),
            SummaryVi = FormText.Clean(SummaryVi),
            Topics = [.. Topics.Where(t => !string.IsNullOrWhiteSpace(t)).Distinct()],
            Citations = citations,
            Mentions = [.. mentionRecords.Select(m => m.Record)],
            StatusHistory = [.. statusRecords.Select(s => s.Record)],
        };
        return (record, new Rows(citationRows, [.. mentions.Select(x => x.row)], [.. mentionRecords.Select(m => m.CitationRows)],
            [.. statuses.Select(x => x.row)], [.. statusRecords.Select(s => s.CitationRows)]));
    }

    /// <summary>Which form row each record part came from, so the importer's problems land beside their fields.</summary>
    public sealed record Rows(
        IReadOnlyList<int> Citations,
        IReadOnlyList<int> Mentions,
        IReadOnlyList<IReadOnlyList<int>> MentionCitations,
        IReadOnlyList<int> Statuses,
        IReadOnlyList<IReadOnlyList<int>> StatusCitations);

    /// <summary>
    /// Puts each problem beside its field. The importer names a mention's problem by record
    /// (<c>concerns[0] (key).mentions[1] (key)</c>) and field (<c>round</c>, <c>citations[0].source</c>).
    /// </summary>
    public static void AddProblems(ModelStateDictionary modelState, IEnumerable<ImportProblem> problems, Rows rows)
    {
        foreach (var problem in problems)
        {
            var part = PartPattern().Match(problem.Record);
            if (!part.Success || !int.TryParse(part.Groups["index"].Value, out var index))
            {
                FormText.AddProblems(modelState, [problem], rows.Citations);
                continue;
            }

            var isMention = part.Groups["part"].Value == "mentions";
            var (formRows, citationRows, name) = isMention
                ? (rows.Mentions, rows.MentionCitations, "Mentions")
                : (rows.Statuses, rows.StatusCitations, "StatusHistory");
            if (index >= formRows.Count)
            {
                modelState.AddModelError("", problem.ToString());
                continue;
            }

            var scoped = new ModelStateDictionary();
            FormText.AddProblems(scoped, [problem], citationRows[index]);
            foreach (var (key, entry) in scoped)
            {
                var field = key.Length == 0 ? "" : key["Input.".Length..];
                foreach (var error in entry.Errors)
                {
                    modelState.AddModelError($"Input.{name}[{formRows[index]}]" + (field.Length == 0 ? "" : "." + field), error.ErrorMessage);
                }
            }
        }
    }

    [GeneratedRegex(@"\.(?<part>mentions|statusHistory)\[(?<index>\d+)\]")]
    private static partial Regex PartPattern();
}

/// <summary>One mention row: where the concern came up, who spoke, what was said, with its citations.</summary>
public sealed class MentionInput
{
    [StringLength(100)] public string? Key { get; set; }
    public string? Kind { get; set; }
    public string? Party { get; set; }
    public string? Date { get; set; }
    public string? DateNote { get; set; }
    public string? Round { get; set; }
    public string? Statement { get; set; }
    public string? Report { get; set; }
    public string? RespondsTo { get; set; }
    public string? SummaryEn { get; set; }
    public string? SummaryVi { get; set; }
    public string? Quote { get; set; }
    [StringLength(35)] public string? Language { get; set; }
    public List<CitationInput> Citations { get; set; } = [];
    public bool Remove { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Kind) && string.IsNullOrWhiteSpace(Party) && string.IsNullOrWhiteSpace(SummaryEn)
        && string.IsNullOrWhiteSpace(SummaryVi) && string.IsNullOrWhiteSpace(Quote) && string.IsNullOrWhiteSpace(Round)
        && string.IsNullOrWhiteSpace(Statement) && string.IsNullOrWhiteSpace(Report);

    public static MentionInput From(MentionRecord m) => new()
    {
        Key = m.Key, Kind = m.Kind, Party = m.Party, Date = m.Date, DateNote = m.DateNote, Round = m.Round, Statement = m.Statement,
        Report = m.Report, RespondsTo = m.RespondsTo, SummaryEn = m.SummaryEn, SummaryVi = m.SummaryVi, Quote = m.Quote,
        Language = m.Language, Citations = [.. m.Citations.Select(CitationInput.From)],
    };

    public (MentionRecord Record, IReadOnlyList<int> CitationRows) ToRecord()
    {
        var (citations, rows) = CitationInput.ToRecords(Citations);
        return (new MentionRecord
        {
            Key = FormText.Clean(Key) ?? $"mention-{Guid.NewGuid().ToString("N")[..6]}",
            Kind = FormText.Clean(Kind),
            Party = FormText.Clean(Party),
            Date = FormText.Clean(Date),
            DateNote = FormText.Clean(DateNote),
            Round = FormText.Clean(Round),
            Statement = FormText.Clean(Statement),
            Report = FormText.Clean(Report),
            RespondsTo = FormText.Clean(RespondsTo),
            SummaryEn = FormText.Clean(SummaryEn),
            SummaryVi = FormText.Clean(SummaryVi),
            Quote = FormText.Clean(Quote),
            Language = FormText.Clean(Language),
            Citations = citations,
        }, rows);
    }
}

/// <summary>One entry of the status history, with the sources the editor reads it from.</summary>
public sealed class StatusInput
{
    public string? Status { get; set; }
    public string? Date { get; set; }
    public string? DateNote { get; set; }
    public string? NoteEn { get; set; }
    public string? NoteVi { get; set; }
    public List<CitationInput> Citations { get; set; } = [];
    public bool Remove { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Status) && string.IsNullOrWhiteSpace(NoteEn) && string.IsNullOrWhiteSpace(NoteVi);

    public static StatusInput From(StatusRecord s) => new()
    {
        Status = s.Status, Date = s.Date, DateNote = s.DateNote, NoteEn = s.NoteEn, NoteVi = s.NoteVi,
        Citations = [.. s.Citations.Select(CitationInput.From)],
    };

    public (StatusRecord Record, IReadOnlyList<int> CitationRows) ToRecord()
    {
        var (citations, rows) = CitationInput.ToRecords(Citations);
        return (new StatusRecord
        {
            Status = FormText.Clean(Status),
            Date = FormText.Clean(Date),
            DateNote = FormText.Clean(DateNote),
            NoteEn = FormText.Clean(NoteEn),
            NoteVi = FormText.Clean(NoteVi),
            Citations = citations,
        }, rows);
    }
}
