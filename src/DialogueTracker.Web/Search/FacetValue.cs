namespace DialogueTracker.Web.Search;

/// <summary>One value results can be narrowed to, with how many results have it.</summary>
/// <param name="Value" example="viet-nam">What to pass in the matching query parameter.</param>
/// <param name="Label" example="Viet Nam">The value's name for people.</param>
/// <param name="Count" example="3">How many results have this value.</param>
public sealed record FacetValue(string Value, string Label, int Count);
