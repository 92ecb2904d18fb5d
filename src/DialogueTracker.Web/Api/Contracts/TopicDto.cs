using DialogueTracker.Web.Model;

namespace DialogueTracker.Web.Api.Contracts;

/// <summary>A subject of the dialogue, in a small tree.</summary>
/// <param name="Id">Topic id.</param>
/// <param name="Slug" example="death-penalty">Stable identifier, used in URLs and the <c>topic</c> filter.</param>
/// <param name="NameEn" example="Death penalty">English name.</param>
/// <param name="NameVi" example="Án tử hình">Vietnamese name.</param>
/// <param name="DescriptionEn">English description.</param>
/// <param name="DescriptionVi">Vietnamese description.</param>
/// <param name="Parent">The broader topic, if any.</param>
/// <param name="Children">Narrower topics.</param>
/// <param name="Url" example="/topics/death-penalty">The topic's page.</param>
/// <param name="Citations">Where this comes from.</param>
public sealed record TopicDto(
    int Id,
    string Slug,
    string NameEn,
    string NameVi,
    string? DescriptionEn,
    string? DescriptionVi,
    TopicRef? Parent,
    IReadOnlyList<TopicRef> Children,
    string Url,
    IReadOnlyList<CitationDto> Citations)
{
    public static TopicDto From(Topic t) => new(
        t.Id, t.Slug, t.NameEn, t.NameVi, t.DescriptionEn, t.DescriptionVi,
        t.Parent is null ? null : TopicRef.From(t.Parent),
        [.. t.Children.OrderBy(c => c.NameEn).Select(TopicRef.From)],
        $"/topics/{t.Slug}",
        CitationDto.FromAll(t.Citations));
}
