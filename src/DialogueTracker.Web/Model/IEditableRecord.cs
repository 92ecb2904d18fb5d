namespace DialogueTracker.Web.Model;

/// <summary>A record editors keep: versioned for optimistic concurrency, deleted softly.</summary>
public interface IEditableRecord
{
    int Id { get; }

    /// <summary>Changes on every save; a write names the version it started from, and a stale one is refused.</summary>
    Guid Version { get; set; }

    /// <summary>When the record left public pages and the API; an admin can restore it.</summary>
    DateTimeOffset? DeletedAt { get; set; }
}
