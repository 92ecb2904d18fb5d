namespace DialogueTracker.Web.Import;

/// <summary>Which records a read hands back: statements, which may number hundreds of thousands, or the others.</summary>
[Flags]
public enum DatasetSections
{
    Statements = 1,
    Others = 2,
    All = Statements | Others,
}
