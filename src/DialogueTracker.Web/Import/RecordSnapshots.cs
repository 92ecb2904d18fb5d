using System.Text.Json;
using DialogueTracker.Web.Model;

namespace DialogueTracker.Web.Import;

/// <summary>
/// Records as dataset records: the shape revisions store, reverts re-import and exports write.
/// Callers load the navigations each mapping reads (mechanism, series, topics, citations with sources).
/// </summary>
public static class RecordSnapshots
{
    public static MechanismRecord ToRecord(Mechanism m) => new()
    {
        Slug = m.Slug,
        NameEn = m.NameEn,
        NameVi = m.NameVi,
        DescriptionEn = m.DescriptionEn,
        DescriptionVi = m.DescriptionVi,
        StartDate = m.StartDate?.ToString(),
        Series =
        [
            .. m.Series.OrderBy(s => s.Slug, StringComparer.Ordinal).Select(s => new SeriesRecord
            {
                Slug = s.Slug,
                NameEn = s.NameEn,
                NameVi = s.NameVi,
                DescriptionEn = s.DescriptionEn,
                DescriptionVi = s.DescriptionVi,
                StartDate = s.StartDate?.ToString(),
            }),
        ],
        Citations = Citations(m.Citations),
    };

    public static RoundRecord ToRecord(Round r) => new()
    {
        Key = r.Key,
        Mechanism = r.Mechanism.Slug,
        Kind = EnumNames.ToName(r.Kind),
        Series = r.Series?.Slug,
        Number = r.Number,
        NumberNote = r.NumberNote,
        Date = r.Date?.ToString(),
        DateNote = r.DateNote,
        Place = r.Place,
        TitleEn = r.TitleEn,
        TitleVi = r.TitleVi,
        SummaryEn = r.SummaryEn,
        SummaryVi = r.SummaryVi,
        Topics = [.. r.Topics.Select(t => t.Slug).Order(StringComparer.Ordinal)],
        Citations = Citations(r.Citations),
    };

    public static StatementRecord ToRecord(Statement s) => new()
    {
        Key = s.Key,
        Date = s.Date?.ToString(),
        DateNote = s.DateNote,
        Party = EnumNames.ToName(s.Party),
        PartyName = s.PartyName,
        Speaker = s.Speaker,
        SpeakerRole = s.SpeakerRole,
        Occasion = s.Occasion,
        InResponseTo = s.InResponseTo,
        Round = s.Round?.Key,
        TitleEn = s.TitleEn,
        TitleVi = s.TitleVi,
        SummaryEn = s.SummaryEn,
        SummaryVi = s.SummaryVi,
        Quote = s.Quote,
        Language = s.Language,
        Topics = [.. s.Topics.Select(t => t.Slug).Order(StringComparer.Ordinal)],
        Citations = Citations(s.Citations),
    };

    public static TopicRecord ToRecord(Topic t) => new()
    {
        Slug = t.Slug,
        NameEn = t.NameEn,
        NameVi = t.NameVi,
        Parent = t.Parent?.Slug,
        DescriptionEn = t.DescriptionEn,
        DescriptionVi = t.DescriptionVi,
        Citations = Citations(t.Citations),
    };

    public static SourceRecord ToRecord(Source s) => new()
    {
        Key = s.Key,
        Title = s.Title,
        Publisher = s.Publisher,
        Url = s.Url,
        PublishedOn = s.PublishedOn?.ToString(),
        Language = s.Language,
        Kind = EnumNames.ToName(s.Kind),
        Original = s.Original?.Key,
        Notes = s.Notes,
    };

    /// <summary>Needs topics, citations, and mentions with their round, statement, report, answer and citations.</summary>
    public static ConcernRecord ToRecord(Concern c) => new()
    {
        Key = c.Key,
        RaisedBy = EnumNames.ToName(c.RaisedBy),
        AddressedTo = EnumNames.ToName(c.AddressedTo),
        TitleEn = c.TitleEn,
        TitleVi = c.TitleVi,
        SummaryEn = c.SummaryEn,
        SummaryVi = c.SummaryVi,
        Topics = [.. c.Topics.Select(t => t.Slug).Order(StringComparer.Ordinal)],
        Citations = Citations(c.Citations),
        Mentions =
        [
            .. c.Mentions.OrderBy(m => m.Id == 0 ? int.MaxValue : m.Id).Select(m => new MentionRecord
            {
                Key = m.Key,
                Kind = EnumNames.ToName(m.Kind),
                Party = EnumNames.ToName(m.Party),
                Date = m.Date?.ToString(),
                DateNote = m.DateNote,
                Round = m.Round?.Key,
                Statement = m.Statement?.Key,
                Report = m.Report?.Key,
                RespondsTo = m.RespondsTo?.Key,
                SummaryEn = m.SummaryEn,
                SummaryVi = m.SummaryVi,
                Quote = m.Quote,
                Language = m.Language,
                Citations = Citations(m.Citations),
            }),
        ],
        StatusHistory =
        [
            .. c.StatusHistory.OrderBy(s => s.Id == 0 ? int.MaxValue : s.Id).Select(s => new StatusRecord
            {
                Status = EnumNames.ToName(s.Status),
                Date = s.Date?.ToString(),
                DateNote = s.DateNote,
                NoteEn = s.NoteEn,
                NoteVi = s.NoteVi,
                Citations = Citations(s.Citations),
            }),
        ],
    };

    public static string ToJson<T>(T record) => JsonSerializer.Serialize(record, DatasetJson.Compact);

    private static List<CitationRecord> Citations(IEnumerable<Citation> citations) =>
    [
        .. citations.OrderBy(c => c.Id).Select(c => new CitationRecord
        {
            Source = c.Source.Key,
            Quote = c.Quote,
            Locator = c.Locator,
            ClaimField = c.ClaimField,
            ClaimValue = c.ClaimValue,
        }),
    ];
}
