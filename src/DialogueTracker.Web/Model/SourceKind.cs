namespace DialogueTracker.Web.Model;

public enum SourceKind
{
    NewsArticle,
    WebPage,
    PressRelease,
    Report,
    Resolution,
    Transcript,
    Other,
}
