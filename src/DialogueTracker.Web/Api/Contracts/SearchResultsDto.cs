using DialogueTracker.Web.Search;

namespace DialogueTracker.Web.Api.Contracts;

/// <summary>One page of search results, most relevant first. Links to the other pages are in the <c>Link</c> header.</summary>
/// <param name="Query" example="&quot;tu do&quot; ton*">The search as it was understood: the terms that had to match.</param>
/// <param name="Items">The results on this page.</param>
/// <param name="Page">This page's number, from 1.</param>
/// <param name="PageSize">How many results a page holds.</param>
/// <param name="TotalCount">How many records match, over all pages.</param>
/// <param name="Facets">Counts over all matching records, by the values each filter parameter takes.</param>
public sealed record SearchResultsDto(
    string Query,
    IReadOnlyList<SearchHitDto> Items,
    int Page,
    int PageSize,
    int TotalCount,
    SearchFacets Facets);
