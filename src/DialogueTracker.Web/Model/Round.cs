namespace DialogueTracker.Web.Model;

/// <summary>An event of a mechanism: its launch, an upgrade, a numbered round, a consultation.</summary>
public sealed class Round : IDated, IEditableRecord
{
    public int Id { get; set; }

    /// <summary>Stable key that imports match on, e.g. <c>hrd-2020-02-19</c>.</summary>
    public required string Key { get; set; }

    public int MechanismId { get; set; }
    public Mechanism Mechanism { get; set; } = null!;
    public RoundKind Kind { get; set; }

    public int? SeriesId { get; set; }
    public RoundSeries? Series { get; set; }

    /// <summary>The number a source gives the round within <see cref="Series"/>; never a count of rows.</summary>
    public int? Number { get; set; }

    /// <summary>Why the number belongs to its series, when a source does not say so outright.</summary>
    public string? NumberNote { get; set; }

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

    /// <summary>Why a date part is inferred or uncertain.</summary>
    public string? DateNote { get; set; }

    public string? Place { get; set; }
    public required string TitleEn { get; set; }
    public string? TitleVi { get; set; }
    public string? SummaryEn { get; set; }
    public string? SummaryVi { get; set; }
    public List<Topic> Topics { get; set; } = [];
    public List<Statement> Statements { get; set; } = [];
    public List<Citation> Citations { get; set; } = [];

    public Guid Version { get; set; } = Guid.NewGuid();
    public DateTimeOffset? DeletedAt { get; set; }
}
