using DialogueTracker.Web.Model;

namespace DialogueTracker.Web.Api.Contracts;

/// <summary>A dialogue track.</summary>
/// <param name="Id">Mechanism id.</param>
/// <param name="Slug" example="human-rights-dialogue">Stable identifier, used in URLs and the <c>mechanism</c> filter.</param>
/// <param name="NameEn">English name.</param>
/// <param name="NameVi">Vietnamese name.</param>
/// <param name="DescriptionEn">English description.</param>
/// <param name="DescriptionVi">Vietnamese description.</param>
/// <param name="StartDate" example="&quot;2003&quot;">When it started, as EDTF; null when unknown.</param>
/// <param name="StartDatePrecision" example="year">How much of the start date is known.</param>
/// <param name="Series">Numbering series that its rounds count within.</param>
/// <param name="Citations">Where this comes from.</param>
public sealed record MechanismDto(
    int Id,
    string Slug,
    string NameEn,
    string NameVi,
    string? DescriptionEn,
    string? DescriptionVi,
    string? StartDate,
    DatePrecision? StartDatePrecision,
    IReadOnlyList<SeriesDto> Series,
    IReadOnlyList<CitationDto> Citations)
{
    public static MechanismDto From(Mechanism m) => new(
        m.Id, m.Slug, m.NameEn, m.NameVi, m.DescriptionEn, m.DescriptionVi,
        m.StartDate?.ToString(), m.StartDate?.Precision,
        [.. m.Series.OrderBy(s => s.StartDate).Select(SeriesDto.From)],
        CitationDto.FromAll(m.Citations));
}
