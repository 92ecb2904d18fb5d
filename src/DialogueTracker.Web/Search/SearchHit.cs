using DialogueTracker.Web.Model;

namespace DialogueTracker.Web.Search;

/// <summary>One result: which record, how relevant, and where in it the words were found.</summary>
public sealed record SearchHit(
    SearchRecordType Type,
    int Id,
    string Url,
    string Title,
    PartialDate? Date,
    Party? Party,
    string SnippetHtml,
    double Score);
