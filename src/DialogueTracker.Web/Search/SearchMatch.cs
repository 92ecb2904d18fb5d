namespace DialogueTracker.Web.Search;

/// <summary>A search document that matches, with its relevance: higher is more relevant.</summary>
public sealed class SearchMatch
{
    public long DocumentId { get; init; }
    public double Score { get; init; }
}
