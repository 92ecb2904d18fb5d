namespace DialogueTracker.Web.Search;

/// <summary>What kind of record a search hit is. Written in URLs and JSON as <c>round</c>, <c>statement</c>, <c>topic</c>, <c>source</c>, <c>concern</c>.</summary>
public enum SearchRecordType
{
    Round,
    Statement,
    Topic,
    Source,
    Concern,
}
