namespace DialogueTracker.Web.Model;

/// <summary>What a mention of a concern is: <c>raised</c> (first or again) or a <c>response</c> from the other side.</summary>
public enum MentionKind
{
    Raised,
    Response,
}
