namespace DialogueTracker.Web.Model;

/// <summary>
/// Links one record to a source, with the supporting quote or locator. Exactly one record reference is set.
/// A citation may also carry a claim about one field (what this source says the date or round number is),
/// so that sources which disagree are each kept with their own words.
/// </summary>
public sealed class Citation
{
    public int Id { get; set; }
    public int SourceId { get; set; }
    public Source Source { get; set; } = null!;

    /// <summary>The source's own words, spelling kept.</summary>
    public string? Quote { get; set; }

    /// <summary>Where in the source: a page, paragraph or timestamp.</summary>
    public string? Locator { get; set; }

    /// <summary>The field this citation makes a claim about (<c>date</c>, <c>number</c>), if any.</summary>
    public string? ClaimField { get; set; }

    /// <summary>What the source says that field is, e.g. <c>2020-02-19</c> or <c>9</c>.</summary>
    public string? ClaimValue { get; set; }

    public int? MechanismId { get; set; }
    public Mechanism? Mechanism { get; set; }
    public int? RoundId { get; set; }
    public Round? Round { get; set; }
    public int? StatementId { get; set; }
    public Statement? Statement { get; set; }
    public int? TopicId { get; set; }
    public Topic? Topic { get; set; }
    public int? ConcernId { get; set; }
    public Concern? Concern { get; set; }
    public int? ConcernMentionId { get; set; }
    public ConcernMention? ConcernMention { get; set; }
    public int? ConcernStatusChangeId { get; set; }
    public ConcernStatusChange? ConcernStatusChange { get; set; }
}
