using DialogueTracker.Web.Import;

namespace DialogueTracker.Web.Editing;

/// <summary>The outcome of one editor's write.</summary>
public sealed record EditResult
{
    public bool Succeeded => Problems.Count == 0 && !NotFound;
    public bool NotFound { get; init; }

    /// <summary>The record changed after the editor opened it; nothing was written.</summary>
    public bool IsConflict { get; init; }

    public IReadOnlyList<ImportProblem> Problems { get; init; } = [];
    public int Id { get; init; }
    public Guid Version { get; init; }

    public static readonly EditResult Missing = new() { NotFound = true };

    public static EditResult Problem(string field, string message) =>
        new() { Problems = [new ImportProblem("record", field, message)] };
}
