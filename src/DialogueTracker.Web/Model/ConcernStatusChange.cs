namespace DialogueTracker.Web.Model;

/// <summary>
/// A concern's status from a date on. A status is an editor's reading of the sources it cites, not a finding of
/// either side, and pages say so.
/// </summary>
public sealed class ConcernStatusChange
{
    public int Id { get; set; }
    public int ConcernId { get; set; }
    public Concern Concern { get; set; } = null!;

    public ConcernStatus Status { get; set; }

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

    /// <summary>Why the editor reads the sources this way.</summary>
    public string? NoteEn { get; set; }
    public string? NoteVi { get; set; }

    public List<Citation> Citations { get; set; } = [];
}
