namespace DialogueTracker.Web.Import;

/// <summary>Who a revision names: a signed-in user, or the system (seed data, command-line imports).</summary>
public sealed record RevisionAuthor(string? UserId, string Name)
{
    public static readonly RevisionAuthor System = new(null, "system");
}
