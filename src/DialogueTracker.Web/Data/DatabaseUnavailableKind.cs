namespace DialogueTracker.Web.Data;

public enum DatabaseUnavailableKind
{
    Busy,
    Full,
    ReadOnly,
    IoError,
}
