using DialogueTracker.Web.Model;

namespace DialogueTracker.Web.Api.Contracts;

/// <summary>A document that records cite.</summary>
/// <param name="Id">Source id.</param>
/// <param name="Key">Stable key.</param>
/// <param name="Title">Title, when known.</param>
/// <param name="Publisher">Who published the copy that was read, when known.</param>
/// <param name="Url">Where it can be read, when online.</param>
/// <param name="PublishedOn">Publication date as EDTF, when known.</param>
/// <param name="Language" example="vi">BCP 47 language tag.</param>
/// <param name="Kind" example="web-page">news-article, web-page, press-release, report, resolution, transcript or other.</param>
/// <param name="Original">The source this one reposts or translates, when known.</param>
/// <param name="Notes">What is known about the source's provenance.</param>
/// <param name="CitationCount">How many citations point at it.</param>
public sealed record SourceDto(
    int Id,
    string Key,
    string? Title,
    string? Publisher,
    string? Url,
    string? PublishedOn,
    string Language,
    SourceKind Kind,
    SourceRef? Original,
    string? Notes,
    int CitationCount);
