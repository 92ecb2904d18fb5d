using System.ComponentModel.DataAnnotations;
using DialogueTracker.Web.Import;

namespace DialogueTracker.Web.Pages.Editing;

/// <summary>The topic edit form.</summary>
public sealed class TopicInput
{
    [Required, StringLength(100)] public string? Slug { get; set; }
    [Required, StringLength(300)] public string? NameEn { get; set; }
    [Required, StringLength(300)] public string? NameVi { get; set; }
    public string? Parent { get; set; }
    public string? DescriptionEn { get; set; }
    public string? DescriptionVi { get; set; }
    public List<CitationInput> Citations { get; set; } = [];
    [StringLength(500)] public string? EditSummary { get; set; }
    public Guid Version { get; set; }

    public static TopicInput From(TopicRecord t, Guid version) => new()
    {
        Slug = t.Slug, NameEn = t.NameEn, NameVi = t.NameVi, Parent = t.Parent, DescriptionEn = t.DescriptionEn,
        DescriptionVi = t.DescriptionVi, Citations = [.. t.Citations.Select(CitationInput.From)], Version = version,
    };

    public (TopicRecord Record, IReadOnlyList<int> CitationRows) ToRecord()
    {
        var (citations, rows) = CitationInput.ToRecords(Citations);
        return (new TopicRecord
        {
            Slug = FormText.Clean(Slug),
            NameEn = FormText.Clean(NameEn),
            NameVi = FormText.Clean(NameVi),
            Parent = FormText.Clean(Parent),
            DescriptionEn = FormText.Clean(DescriptionEn),
            DescriptionVi = FormText.Clean(DescriptionVi),
            Citations = citations,
        }, rows);
    }
}
