namespace DialogueTracker.Web.Model;

/// <summary>
/// Something one side asks of the other and keeps raising (a concern or a request): what is asked, by whom, of whom,
/// on which topics. Each time it comes up, a <see cref="ConcernMention"/> links it to the round, statement or report;
/// its status history is an editor's reading of those sources.
/// </summary>
public sealed class Concern : IEditableRecord
{
    public int Id { get; set; }

    /// <summary>Stable key that imports match on, e.g. <c>eu-freedom-of-expression</c>.</summary>
    public required string Key { get; set; }

    public Party RaisedBy { get; set; }
    public Party AddressedTo { get; set; }

    public required string TitleEn { get; set; }
    public string? TitleVi { get; set; }

    /// <summary>What is asked, in the tracker's words.</summary>
    public string? SummaryEn { get; set; }
    public string? SummaryVi { get; set; }

    public List<Topic> Topics { get; set; } = [];
    public List<Citation> Citations { get; set; } = [];
    public List<ConcernMention> Mentions { get; set; } = [];
    public List<ConcernStatusChange> StatusHistory { get; set; } = [];

    public Guid Version { get; set; } = Guid.NewGuid();
    public DateTimeOffset? DeletedAt { get; set; }
}
