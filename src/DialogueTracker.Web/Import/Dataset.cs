namespace DialogueTracker.Web.Import;

// The dataset document: what the seed file, imports and (later) exports share. Records refer to one
// another by stable keys and slugs, never by database ids, so a file means the same in any database.
// A list given as JSON null reads as an empty list, so no code meets a null list; null items are the validator's.

/// <summary>A whole dataset, as read from or written to a JSON file.</summary>
public sealed record Dataset
{
    public const string CurrentFormat = "dialoguetracker/1";

    public string Format { get; init; } = CurrentFormat;
    public List<SourceRecord> Sources { get; init => field = value ?? []; } = [];
    public List<TopicRecord> Topics { get; init => field = value ?? []; } = [];
    public List<MechanismRecord> Mechanisms { get; init => field = value ?? []; } = [];
    public List<RoundRecord> Rounds { get; init => field = value ?? []; } = [];
    public List<StatementRecord> Statements { get; init => field = value ?? []; } = [];
    public List<ConcernRecord> Concerns { get; init => field = value ?? []; } = [];
}

public sealed record CitationRecord
{
    /// <summary>Key of the cited source.</summary>
    public string? Source { get; init; }
    public string? Quote { get; init; }
    public string? Locator { get; init; }
    public string? ClaimField { get; init; }
    public string? ClaimValue { get; init; }
}

public sealed record SourceRecord
{
    public string? Key { get; init; }
    public string? Title { get; init; }
    public string? Publisher { get; init; }
    public string? Url { get; init; }
    public string? PublishedOn { get; init; }
    public string? Language { get; init; }
    public string? Kind { get; init; }

    /// <summary>Key of the source this one reposts or translates.</summary>
    public string? Original { get; init; }
    public string? Notes { get; init; }
}

public sealed record TopicRecord
{
    public string? Slug { get; init; }
    public string? NameEn { get; init; }
    public string? NameVi { get; init; }
    public string? Parent { get; init; }
    public string? DescriptionEn { get; init; }
    public string? DescriptionVi { get; init; }
    public List<CitationRecord> Citations { get; init => field = value ?? []; } = [];
}

public sealed record SeriesRecord
{
    public string? Slug { get; init; }
    public string? NameEn { get; init; }
    public string? NameVi { get; init; }
    public string? DescriptionEn { get; init; }
    public string? DescriptionVi { get; init; }
    public string? StartDate { get; init; }
}

public sealed record MechanismRecord
{
    public string? Slug { get; init; }
    public string? NameEn { get; init; }
    public string? NameVi { get; init; }
    public string? DescriptionEn { get; init; }
    public string? DescriptionVi { get; init; }
    public string? StartDate { get; init; }
    public List<SeriesRecord> Series { get; init => field = value ?? []; } = [];
    public List<CitationRecord> Citations { get; init => field = value ?? []; } = [];
}

public sealed record RoundRecord
{
    public string? Key { get; init; }
    public string? Mechanism { get; init; }
    public string? Kind { get; init; }

    /// <summary>Slug of a numbering series of the round's mechanism.</summary>
    public string? Series { get; init; }
    public int? Number { get; init; }
    public string? NumberNote { get; init; }
    public string? Date { get; init; }
    public string? DateNote { get; init; }
    public string? Place { get; init; }
    public string? TitleEn { get; init; }
    public string? TitleVi { get; init; }
    public string? SummaryEn { get; init; }
    public string? SummaryVi { get; init; }
    public List<string> Topics { get; init => field = value ?? []; } = [];
    public List<CitationRecord> Citations { get; init => field = value ?? []; } = [];
}

public sealed record StatementRecord
{
    public string? Key { get; init; }
    public string? Date { get; init; }
    public string? DateNote { get; init; }
    public string? Party { get; init; }
    public string? PartyName { get; init; }
    public string? Speaker { get; init; }
    public string? SpeakerRole { get; init; }
    public string? Occasion { get; init; }
    public string? InResponseTo { get; init; }

    /// <summary>Key of the round the statement belongs to, if any.</summary>
    public string? Round { get; init; }
    public string? TitleEn { get; init; }
    public string? TitleVi { get; init; }
    public string? SummaryEn { get; init; }
    public string? SummaryVi { get; init; }
    public string? Quote { get; init; }
    public string? Language { get; init; }
    public List<string> Topics { get; init => field = value ?? []; } = [];
    public List<CitationRecord> Citations { get; init => field = value ?? []; } = [];
}

public sealed record ConcernRecord
{
    public string? Key { get; init; }

    /// <summary>The party that raises it.</summary>
    public string? RaisedBy { get; init; }

    /// <summary>The party it is addressed to.</summary>
    public string? AddressedTo { get; init; }
    public string? TitleEn { get; init; }
    public string? TitleVi { get; init; }
    public string? SummaryEn { get; init; }
    public string? SummaryVi { get; init; }
    public List<string> Topics { get; init => field = value ?? []; } = [];
    public List<CitationRecord> Citations { get; init => field = value ?? []; } = [];

    /// <summary>Each time it came up, in date order as far as dates are known.</summary>
    public List<MentionRecord> Mentions { get; init => field = value ?? []; } = [];

    /// <summary>Its status over time: an editor's reading of the cited sources.</summary>
    public List<StatusRecord> StatusHistory { get; init => field = value ?? []; } = [];
}

public sealed record MentionRecord
{
    /// <summary>Key within the concern, which <see cref="RespondsTo"/> refers to.</summary>
    public string? Key { get; init; }

    /// <summary><c>raised</c> or <c>response</c>.</summary>
    public string? Kind { get; init; }

    /// <summary>The side that spoke.</summary>
    public string? Party { get; init; }
    public string? Date { get; init; }
    public string? DateNote { get; init; }

    // Where it came up: at most one.
    public string? Round { get; init; }
    public string? Statement { get; init; }

    /// <summary>Key of the source (a report) it came up in.</summary>
    public string? Report { get; init; }

    /// <summary>Key of the mention, in the same concern, that this one answers.</summary>
    public string? RespondsTo { get; init; }
    public string? SummaryEn { get; init; }
    public string? SummaryVi { get; init; }
    public string? Quote { get; init; }
    public string? Language { get; init; }
    public List<CitationRecord> Citations { get; init => field = value ?? []; } = [];
}

public sealed record StatusRecord
{
    /// <summary><c>raised</c>, <c>in-discussion</c>, <c>responded</c>, <c>action-reported</c> or <c>no-longer-raised</c>.</summary>
    public string? Status { get; init; }
    public string? Date { get; init; }
    public string? DateNote { get; init; }
    public string? NoteEn { get; init; }
    public string? NoteVi { get; init; }
    public List<CitationRecord> Citations { get; init => field = value ?? []; } = [];
}
