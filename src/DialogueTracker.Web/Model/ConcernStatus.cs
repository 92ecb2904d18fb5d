namespace DialogueTracker.Web.Model;

/// <summary>
/// Where an exchange stands, in words neither side would dispute: they describe what was said, never whether an
/// answer satisfied anyone. Written as <c>raised</c>, <c>in-discussion</c>, <c>responded</c>, <c>action-reported</c>,
/// <c>no-longer-raised</c>.
/// </summary>
public enum ConcernStatus
{
    /// <summary>Raised; no answer on record.</summary>
    Raised,

    /// <summary>Both sides have taken it up, e.g. in a dialogue round.</summary>
    InDiscussion,

    /// <summary>The other side has answered on the record.</summary>
    Responded,

    /// <summary>The other side reports a step taken (a law, a release, a ratification).</summary>
    ActionReported,

    /// <summary>The sources stop raising it; not a judgment that it was resolved.</summary>
    NoLongerRaised,
}
