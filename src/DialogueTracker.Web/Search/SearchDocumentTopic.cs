namespace DialogueTracker.Web.Search;

/// <summary>A search document's topic (a topic's own document names itself), for the topic filter and facet.</summary>
public sealed class SearchDocumentTopic
{
    public long DocumentId { get; init; }
    public int TopicId { get; init; }
}
