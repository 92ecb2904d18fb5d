namespace DialogueTracker.Web.Model;

public enum RevisionAction
{
    Create,
    Update,
    Delete,
    Restore,
    Revert,
    Import,
}
