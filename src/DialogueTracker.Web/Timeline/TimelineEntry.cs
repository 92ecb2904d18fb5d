using DialogueTracker.Web.Model;

namespace DialogueTracker.Web.Timeline;

/// <summary>One round or statement as the timeline lists it.</summary>
public sealed record TimelineEntry
{
    public required TimelineEntryType Type { get; init; }
    public required int Id { get; init; }
    public PartialDate? Date { get; init; }
    public required string TitleEn { get; init; }
    public string? TitleVi { get; init; }
    public RoundKind? Kind { get; init; }
    public int? Number { get; init; }
    public Party? Party { get; init; }
    public string? Speaker { get; init; }
    public string? MechanismSlug { get; init; }
    public string? MechanismNameEn { get; init; }
    public string? MechanismNameVi { get; init; }
    public IReadOnlyList<Topic> Topics { get; init; } = [];

    public string Url => Type == TimelineEntryType.Round ? $"/rounds/{Id}" : $"/statements/{Id}";
}
