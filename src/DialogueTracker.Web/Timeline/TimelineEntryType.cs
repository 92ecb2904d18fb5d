namespace DialogueTracker.Web.Timeline;

public enum TimelineEntryType
{
    Round,
    Statement,
}
