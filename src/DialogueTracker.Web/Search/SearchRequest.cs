using DialogueTracker.Web.Timeline;

namespace DialogueTracker.Web.Search;

/// <summary>A checked search: terms to match, the usual record filters, an optional record type, and a page.</summary>
public sealed record SearchRequest(
    IReadOnlyList<SearchTerm> Terms,
    RecordFilter Filter,
    SearchRecordType? Type,
    int Page,
    int PageSize);
