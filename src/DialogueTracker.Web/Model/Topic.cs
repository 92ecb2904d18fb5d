namespace DialogueTracker.Web.Model;

/// <summary>A subject of the dialogue. Topics form a small tree; filtering by a topic includes its children.</summary>
public sealed class Topic : IEditableRecord
{
    public int Id { get; set; }
    public required string Slug { get; set; }
    public required string NameEn { get; set; }
    public required string NameVi { get; set; }
    public string? DescriptionEn { get; set; }
    public string? DescriptionVi { get; set; }
    public int? ParentId { get; set; }
    public Topic? Parent { get; set; }
    public List<Topic> Children { get; set; } = [];
    public List<Round> Rounds { get; set; } = [];
    public List<Statement> Statements { get; set; } = [];
    public List<Concern> Concerns { get; set; } = [];
    public List<Citation> Citations { get; set; } = [];

    public Guid Version { get; set; } = Guid.NewGuid();
    public DateTimeOffset? DeletedAt { get; set; }
}
