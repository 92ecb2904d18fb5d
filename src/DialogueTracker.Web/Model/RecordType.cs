namespace DialogueTracker.Web.Model;

/// <summary>The kinds of record editors change.</summary>
public enum RecordType
{
    Round,
    Statement,
    Topic,
    Source,
    Concern,
}
