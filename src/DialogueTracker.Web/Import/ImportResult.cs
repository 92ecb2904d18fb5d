using DialogueTracker.Web.Model;

namespace DialogueTracker.Web.Import;

/// <summary>What an import did, or, when it has problems, why it wrote nothing.</summary>
/// <param name="Problems">Everything wrong, each with its record and field; empty when the import was written.</param>
/// <param name="Added">Records created.</param>
/// <param name="Changed">Records whose content changed.</param>
public sealed record ImportResult(IReadOnlyList<ImportProblem> Problems, int Added, int Changed)
{
    public bool Succeeded => Problems.Count == 0;

    /// <summary>True when a record had changed since the version the writer started from.</summary>
    public bool IsConflict { get; init; }

    /// <summary>The records written, by type and key, with their ids and new versions.</summary>
    public IReadOnlyDictionary<(RecordType Type, string Key), (int Id, Guid Version)> Written { get; init; } =
        new Dictionary<(RecordType, string), (int, Guid)>();
}
