namespace DialogueTracker.Web.Model;

/// <summary>
/// One change to one record: who, when, why, and the record as a dataset record before and after
/// (JSON), from which the field-level diff is read. Revisions outlive the records they describe.
/// </summary>
public sealed class Revision
{
    public int Id { get; set; }
    public RecordType RecordType { get; set; }
    public int RecordId { get; set; }

    /// <summary>The record's stable key or slug at the time, so the revision reads without the record.</summary>
    public required string RecordKey { get; set; }

    public RevisionAction Action { get; set; }
    public DateTimeOffset At { get; set; } = DateTimeOffset.UtcNow;

    /// <summary>The user, kept as text too, so a revision still names its author if the account goes.</summary>
    public string? UserId { get; set; }
    public required string UserName { get; set; }

    public string? Summary { get; set; }

    /// <summary>The record before the change, as dataset JSON; null for a creation.</summary>
    public string? Before { get; set; }

    /// <summary>The record after the change, as dataset JSON; null for a deletion.</summary>
    public string? After { get; set; }
}
