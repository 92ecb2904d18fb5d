using DialogueTracker.Web.Model;

namespace DialogueTracker.Web.Import;

/// <summary>How an import is written and how its revisions read.</summary>
public sealed record ImportOptions
{
    public static readonly ImportOptions Default = new();

    /// <summary>Validate and count, then roll back.</summary>
    public bool DryRun { get; init; }

    /// <summary>Who the revisions name.</summary>
    public RevisionAuthor Author { get; init; } = RevisionAuthor.System;

    /// <summary>The action revisions record; by default Create for new records and Import otherwise.</summary>
    public RevisionAction? Action { get; init; }

    public string? Summary { get; init; }

    /// <summary>
    /// The version each record must still have, keyed by type and key: an edit names the version it
    /// started from, and the import is refused if someone saved in between.
    /// </summary>
    public IReadOnlyDictionary<(RecordType Type, string Key), Guid> ExpectedVersions { get; init; } =
        new Dictionary<(RecordType, string), Guid>();
}
