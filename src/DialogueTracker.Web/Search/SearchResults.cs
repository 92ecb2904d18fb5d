namespace DialogueTracker.Web.Search;

/// <summary>One page of hits, best first, with the total and the facets of the whole result set.</summary>
public sealed record SearchResults(IReadOnlyList<SearchHit> Hits, int TotalCount, SearchFacets Facets);
