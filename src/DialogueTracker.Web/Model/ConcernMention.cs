namespace DialogueTracker.Web.Model;

/// <summary>
/// One time a concern came up: raised (again) by one side, or answered by the other, in a round, a statement or a
/// report (a source). A response names the mention it answers, so the exchange reads as a thread.
/// </summary>
public sealed class ConcernMention
{
    public int Id { get; set; }
    public int ConcernId { get; set; }
    public Concern Concern { get; set; } = null!;

    /// <summary>Key within the concern, which <see cref="RespondsTo"/> and imports refer to.</summary>
    public required string Key { get; set; }

    public MentionKind Kind { get; set; }

    /// <summary>The side that spoke.</summary>
    public Party Party { get; set; }

    /// <summary>When, if the linked record's date does not say or says it differently.</summary>
    public PartialDate? Date
    {
        get;
        set
        {
            field = value;
            DateEarliest = value?.Earliest;
        }
    }

    public DateOnly? DateEarliest { get; private set; }
    public string? DateNote { get; set; }

    // Where it came up: at most one of these. Deleting that record leaves the mention, its words and its citations.
    public int? RoundId { get; set; }
    public Round? Round { get; set; }
    public int? StatementId { get; set; }
    public Statement? Statement { get; set; }
    public int? ReportId { get; set; }
    public Source? Report { get; set; }

    /// <summary>The mention this one answers, within the same concern.</summary>
    public int? RespondsToId { get; set; }
    public ConcernMention? RespondsTo { get; set; }

    public string? SummaryEn { get; set; }
    public string? SummaryVi { get; set; }

    /// <summary>The words as the source prints them.</summary>
    public string? Quote { get; set; }

    /// <summary>BCP 47 language of <see cref="Quote"/>.</summary>
    public string? Language { get; set; }

    public List<Citation> Citations { get; set; } = [];
}
