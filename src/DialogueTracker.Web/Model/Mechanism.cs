namespace DialogueTracker.Web.Model;

/// <summary>A dialogue track, such as the annual Human Rights Dialogue. Mechanisms are data, not code.</summary>
public sealed class Mechanism
{
    public int Id { get; set; }
    public required string Slug { get; set; }
    public required string NameEn { get; set; }
    public required string NameVi { get; set; }
    public string? DescriptionEn { get; set; }
    public string? DescriptionVi { get; set; }
    public PartialDate? StartDate { get; set; }
    public List<RoundSeries> Series { get; set; } = [];
    public List<Round> Rounds { get; set; } = [];
    public List<Citation> Citations { get; set; } = [];
}
