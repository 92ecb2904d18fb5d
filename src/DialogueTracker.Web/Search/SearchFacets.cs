namespace DialogueTracker.Web.Search;

/// <summary>Counts over every result (not only one page), by the fields results can be narrowed by.</summary>
/// <param name="Type">By record type; narrow with <c>type</c>.</param>
/// <param name="Party">By the party that spoke (statements only); narrow with <c>party</c>.</param>
/// <param name="Mechanism">By dialogue mechanism; narrow with <c>mechanism</c>.</param>
/// <param name="Topic">The most frequent topics; narrow with <c>topic</c>.</param>
/// <param name="Year">By year, newest first; narrow with <c>from</c> and <c>to</c>.</param>
public sealed record SearchFacets(
    IReadOnlyList<FacetValue> Type,
    IReadOnlyList<FacetValue> Party,
    IReadOnlyList<FacetValue> Mechanism,
    IReadOnlyList<FacetValue> Topic,
    IReadOnlyList<FacetValue> Year)
{
    public static readonly SearchFacets None = new([], [], [], [], []);
}
