using DialogueTracker.Web.Model;

namespace DialogueTracker.Web.Api.Contracts;

/// <summary>Where a record comes from: a source, with the words that support it.</summary>
/// <param name="Source">The cited source.</param>
/// <param name="Quote" example="Vòng thứ 9 của Đối thoại Nhân quyền EU-Việt Nam đã diễn ra vào ngày 19 tháng 2 năm 2020.">The source's own words, spelling kept.</param>
/// <param name="Locator">Where in the source (page, paragraph), when given.</param>
/// <param name="ClaimField" example="date">The field this source makes a claim about, if any.</param>
/// <param name="ClaimValue" example="2020-02-19">What this source says that field is. Sources may disagree.</param>
public sealed record CitationDto(SourceRef Source, string? Quote, string? Locator, string? ClaimField, string? ClaimValue)
{
    public static CitationDto From(Citation citation) =>
        new(SourceRef.From(citation.Source), citation.Quote, citation.Locator, citation.ClaimField, citation.ClaimValue);

    public static IReadOnlyList<CitationDto> FromAll(IEnumerable<Citation> citations) =>
        [.. citations.OrderBy(c => c.Id).Select(From)];
}
