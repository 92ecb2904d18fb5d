using DialogueTracker.Web.Model;

namespace DialogueTracker.Web.Search;

/// <summary>
/// One searchable record as the search index sees it: its text (original spelling, diacritics kept) and the
/// fields search results are narrowed and counted by. Written only by database triggers, never by the app,
/// so every writer keeps it right; see the AddSearchIndex migration.
/// </summary>
public sealed class SearchDocument
{
    /// <summary>The record id times four plus the type's number, so a trigger can find a record's document without a lookup.</summary>
    public long Id { get; init; }

    public SearchRecordType Type { get; init; }
    public int RecordId { get; init; }

    /// <summary>The topic's slug, for its URL; null for other records.</summary>
    public string? Slug { get; init; }

    public Party? Party { get; init; }
    public int? MechanismId { get; init; }
    public int? Year { get; init; }
    public DateOnly? DateEarliest { get; init; }
    public PartialDate? Date { get; init; }

    /// <summary>What a result list calls the record: its English title or name.</summary>
    public required string Label { get; init; }

    // The indexed text. The full-text index holds the same text with đ/Đ folded to d/D.
    public required string Title { get; init; }
    public string? Body { get; init; }
    public string? Topics { get; init; }
}
