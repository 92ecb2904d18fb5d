using DialogueTracker.Web.Model;

namespace DialogueTracker.Web.Api.Contracts;

/// <summary>An event of a mechanism: its launch, an upgrade, a numbered round, a consultation.</summary>
/// <param name="Id" example="4">Round id.</param>
/// <param name="Key" example="hrd-2020-02-19">Stable key.</param>
/// <param name="Url" example="/rounds/4">The round's page.</param>
/// <param name="Mechanism">The mechanism it belongs to.</param>
/// <param name="Kind" example="round">launch, upgrade, round, consultation, meeting, visit or other.</param>
/// <param name="Series">The numbering series its number belongs to.</param>
/// <param name="Number" example="9">The number a source gives it within the series; null when none is given.</param>
/// <param name="NumberNote">Why the number belongs to its series, when a source does not say so outright.</param>
/// <param name="Date" example="2020-02-19">EDTF date: 2003, 2020-02, 2020-02-19, 2021?-06-24 (year inferred), or a span a/b. Null when unknown.</param>
/// <param name="DatePrecision" example="day">year, month or day.</param>
/// <param name="DateNote">Why a part of the date is inferred or uncertain.</param>
/// <param name="Place">Where it took place, when known.</param>
/// <param name="TitleEn">English title.</param>
/// <param name="TitleVi">Vietnamese title.</param>
/// <param name="SummaryEn">English summary.</param>
/// <param name="SummaryVi">Vietnamese summary.</param>
/// <param name="Topics">What it touched.</param>
/// <param name="Citations">Where this comes from.</param>
public sealed record RoundDto(
    int Id,
    string Key,
    string Url,
    MechanismRef Mechanism,
    RoundKind Kind,
    SeriesDto? Series,
    int? Number,
    string? NumberNote,
    string? Date,
    DatePrecision? DatePrecision,
    string? DateNote,
    string? Place,
    string TitleEn,
    string? TitleVi,
    string? SummaryEn,
    string? SummaryVi,
    IReadOnlyList<TopicRef> Topics,
    IReadOnlyList<CitationDto> Citations)
{
    public static RoundDto From(Round r) => new(
        r.Id, r.Key, $"/rounds/{r.Id}", MechanismRef.From(r.Mechanism), r.Kind,
        r.Series is null ? null : SeriesDto.From(r.Series), r.Number, r.NumberNote,
        r.Date?.ToString(), r.Date?.Precision, r.DateNote, r.Place,
        r.TitleEn, r.TitleVi, r.SummaryEn, r.SummaryVi,
        [.. r.Topics.OrderBy(t => t.NameEn).Select(TopicRef.From)],
        CitationDto.FromAll(r.Citations));
}
