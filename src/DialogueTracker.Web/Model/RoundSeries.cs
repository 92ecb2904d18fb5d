namespace DialogueTracker.Web.Model;

/// <summary>
/// A numbering series within a mechanism. Official sources number the enhanced Human Rights Dialogue
/// from 2012, so a round's number only means something together with its series.
/// </summary>
public sealed class RoundSeries
{
    public int Id { get; set; }
    public int MechanismId { get; set; }
    public Mechanism Mechanism { get; set; } = null!;
    public required string Slug { get; set; }
    public required string NameEn { get; set; }
    public required string NameVi { get; set; }
    public string? DescriptionEn { get; set; }
    public string? DescriptionVi { get; set; }
    public PartialDate? StartDate { get; set; }
}
