namespace DialogueTracker.Web.Model;

/// <summary>A record placed on the timeline by a date that may be partial, or missing.</summary>
public interface IDated
{
    PartialDate? Date { get; }

    /// <summary>Earliest day the date can mean; stored so the database can order and filter by it.</summary>
    DateOnly? DateEarliest { get; }

    DateOnly? DateLatest { get; }
}
