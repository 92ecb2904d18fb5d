namespace DialogueTracker.Web.Import;

/// <summary>What an import did, or, when it has problems, why it wrote nothing.</summary>
public sealed record ImportResult(IReadOnlyList<ImportProblem> Problems, int Added, int Changed)
{
    public bool Succeeded => Problems.Count == 0;
}
