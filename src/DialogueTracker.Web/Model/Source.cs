namespace DialogueTracker.Web.Model;

/// <summary>A document records cite. Title, date and URL may be unknown; a repost names its original.</summary>
public sealed class Source : IEditableRecord
{
    public int Id { get; set; }

    /// <summary>Stable key that imports match on.</summary>
    public required string Key { get; set; }

    public string? Title { get; set; }

    /// <summary>Who published the copy that was read (an embassy site reposting a news agency, say).</summary>
    public string? Publisher { get; set; }

    public string? Url { get; set; }
    public PartialDate? PublishedOn { get; set; }

    /// <summary>BCP 47 language tag: en, vi, fr, de, ...</summary>
    public required string Language { get; set; }

    public SourceKind Kind { get; set; }

    /// <summary>The original this source reposts or translates, when known.</summary>
    public int? OriginalId { get; set; }
    public Source? Original { get; set; }

    public string? Notes { get; set; }
    public List<Citation> Citations { get; set; } = [];

    public Guid Version { get; set; } = Guid.NewGuid();
    public DateTimeOffset? DeletedAt { get; set; }
}
