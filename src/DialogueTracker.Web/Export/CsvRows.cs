using System.Text.Json;
using DialogueTracker.Web.Import;
using DialogueTracker.Web.Model;

namespace DialogueTracker.Web.Export;

/// <summary>
/// The CSV layout of rounds and statements: one row per record. <c>topics</c> lists topic slugs separated by
/// " | "; <c>sources</c> lists the cited sources' keys the same way, for reading; <c>citations</c> holds the
/// citations as a JSON array (source, quote, locator, claimField, claimValue), so an import loses nothing.
/// </summary>
public static class CsvRows
{
    public const string Separator = " | ";

    public sealed record RoundRow(
        string Key, string Mechanism, string Kind, string? Series, int? Number, string? Date, string? DatePrecision, string? DateNote,
        string? NumberNote, string? Place, string? TitleEn, string? TitleVi, string? SummaryEn, string? SummaryVi,
        string Topics, string Sources, string Citations);

    public sealed record StatementRow(
        string Key, string? Date, string? DatePrecision, string? DateNote, string Party, string? PartyName, string? Speaker,
        string? SpeakerRole, string? Occasion, string? InResponseTo, string? Round, string? TitleEn, string? TitleVi,
        string? SummaryEn, string? SummaryVi, string? Quote, string Language, string Topics, string Sources, string Citations);

    public static RoundRow ToRow(RoundRecord r) => new(
        r.Key!, r.Mechanism!, r.Kind!, r.Series, r.Number, r.Date, Precision(r.Date), r.DateNote, r.NumberNote, r.Place,
        r.TitleEn, r.TitleVi, r.SummaryEn, r.SummaryVi,
        string.Join(Separator, r.Topics), string.Join(Separator, r.Citations.Select(c => c.Source).Distinct()),
        JsonSerializer.Serialize(r.Citations, DatasetJson.Compact));

    public static StatementRow ToRow(StatementRecord s) => new(
        s.Key!, s.Date, Precision(s.Date), s.DateNote, s.Party!, s.PartyName, s.Speaker, s.SpeakerRole, s.Occasion, s.InResponseTo,
        s.Round, s.TitleEn, s.TitleVi, s.SummaryEn, s.SummaryVi, s.Quote, s.Language!,
        string.Join(Separator, s.Topics), string.Join(Separator, s.Citations.Select(c => c.Source).Distinct()),
        JsonSerializer.Serialize(s.Citations, DatasetJson.Compact));

    public static RoundRecord ToRecord(RoundRow r) => new()
    {
        Key = Blank(r.Key), Mechanism = Blank(r.Mechanism), Kind = Blank(r.Kind), Series = Blank(r.Series), Number = r.Number,
        Date = Blank(r.Date), DateNote = Blank(r.DateNote), NumberNote = Blank(r.NumberNote), Place = Blank(r.Place),
        TitleEn = Blank(r.TitleEn), TitleVi = Blank(r.TitleVi), SummaryEn = Blank(r.SummaryEn), SummaryVi = Blank(r.SummaryVi),
        Topics = List(r.Topics), Citations = Citations(r.Citations),
    };

    public static StatementRecord ToRecord(StatementRow s) => new()
    {
        Key = Blank(s.Key), Date = Blank(s.Date), DateNote = Blank(s.DateNote), Party = Blank(s.Party), PartyName = Blank(s.PartyName),
        Speaker = Blank(s.Speaker), SpeakerRole = Blank(s.SpeakerRole), Occasion = Blank(s.Occasion), InResponseTo = Blank(s.InResponseTo),
        Round = Blank(s.Round), TitleEn = Blank(s.TitleEn), TitleVi = Blank(s.TitleVi), SummaryEn = Blank(s.SummaryEn),
        SummaryVi = Blank(s.SummaryVi), Quote = Blank(s.Quote), Language = Blank(s.Language),
        Topics = List(s.Topics), Citations = Citations(s.Citations),
    };

    private static string? Precision(string? date) =>
        date is not null && PartialDate.TryParse(date, out var parsed, out _) ? EnumNames.ToName(parsed.Precision) : null;

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    private static List<string> List(string? text) =>
        [.. (text ?? "").Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    private static List<CitationRecord> Citations(string? json) =>
        string.IsNullOrWhiteSpace(json) ? [] : JsonSerializer.Deserialize<List<CitationRecord>>(json, DatasetJson.Options) ?? [];
}
