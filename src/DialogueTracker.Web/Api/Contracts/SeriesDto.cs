using DialogueTracker.Web.Model;

namespace DialogueTracker.Web.Api.Contracts;

/// <summary>A numbering series within a mechanism: round numbers count within it.</summary>
/// <param name="Slug" example="enhanced">Identifier within the mechanism.</param>
/// <param name="NameEn">English name.</param>
/// <param name="NameVi">Vietnamese name.</param>
/// <param name="DescriptionEn">What the series counts, in English.</param>
/// <param name="DescriptionVi">What the series counts, in Vietnamese.</param>
/// <param name="StartDate" example="&quot;2012&quot;">When the series starts, as EDTF.</param>
public sealed record SeriesDto(string Slug, string NameEn, string NameVi, string? DescriptionEn, string? DescriptionVi, string? StartDate)
{
    public static SeriesDto From(RoundSeries series) =>
        new(series.Slug, series.NameEn, series.NameVi, series.DescriptionEn, series.DescriptionVi, series.StartDate?.ToString());
}
