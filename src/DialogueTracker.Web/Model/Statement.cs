namespace DialogueTracker.Web.Model;

/// <summary>What one side said: who, when, where, in answer to what, in whose words.</summary>
public sealed class Statement : IDated, IEditableRecord
{
    public int Id { get; set; }

    /// <summary>Stable key that imports match on.</summary>
    public required string Key { get; set; }

    public PartialDate? Date
    {
        get;
        set
        {
            field = value;
            DateEarliest = value?.Earliest;
            DateLatest = value?.Latest;
        }
    }

    public DateOnly? DateEarliest { get; private set; }
    public DateOnly? DateLatest { get; private set; }
    public string? DateNote { get; set; }

    public Party Party { get; set; }

    /// <summary>Which member state, NGO or body, when <see cref="Party"/> alone does not say.</summary>
    public string? PartyName { get; set; }

    public string? Speaker { get; set; }
    public string? SpeakerRole { get; set; }

    /// <summary>Where it was said, e.g. a regular press conference held online.</summary>
    public string? Occasion { get; set; }

    /// <summary>What it answers, e.g. a report, a resolution or a question.</summary>
    public string? InResponseTo { get; set; }

    public int? RoundId { get; set; }
    public Round? Round { get; set; }

    public required string TitleEn { get; set; }
    public string? TitleVi { get; set; }
    public string? SummaryEn { get; set; }
    public string? SummaryVi { get; set; }

    /// <summary>The speaker's words as the source prints them.</summary>
    public string? Quote { get; set; }

    /// <summary>BCP 47 language of <see cref="Quote"/> as the source gives it.</summary>
    public required string Language { get; set; }

    public List<Topic> Topics { get; set; } = [];
    public List<Citation> Citations { get; set; } = [];

    public Guid Version { get; set; } = Guid.NewGuid();
    public DateTimeOffset? DeletedAt { get; set; }
}
