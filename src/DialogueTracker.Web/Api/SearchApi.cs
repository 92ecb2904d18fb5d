using DialogueTracker.Web.Api.Contracts;
using DialogueTracker.Web.Search;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DialogueTracker.Web.Api;

public static class SearchApi
{
    public static RouteHandlerBuilder MapSearch(this IEndpointRouteBuilder routes) =>
        routes.MapGet("/search", Search).WithTags("Search").WithName("Search");

    /// <summary>Full-text search over rounds, statements, topics and sources, in English and Vietnamese.</summary>
    /// <remarks>
    /// Matches titles, summaries, quotes, speakers, topic names and source titles, ignoring case and Vietnamese
    /// diacritics both ways (<c>tu do ton giao</c> finds <c>tự do tôn giáo</c>, <c>doi thoai</c> finds <c>Đối thoại</c>).
    /// Results are ranked by relevance (BM25) and come with a highlighted snippet. <c>facets</c> count all results by
    /// type, party, mechanism, topic and year; pass a facet's <c>value</c> as that parameter to narrow the search.
    /// </remarks>
    /// <response code="200">A page of results, with facets and a Link header to the other pages.</response>
    /// <response code="400">A query parameter is not valid, or <c>q</c> has no words to search for; the problem names it.</response>
    public static async Task<Results<Ok<SearchResultsDto>, ValidationProblem>> Search(
        [AsParameters] SearchParameters search,
        [AsParameters] FilterParameters filters,
        [AsParameters] PageParameters paging,
        SearchRequestParser parser,
        SearchQuery query,
        HttpContext context,
        CancellationToken cancellationToken)
    {
        var (terms, type, filter, errors) = await parser.ParseAsync(
            search.Q, search.Type, filters.Mechanism, filters.Topic, filters.Party, filters.From, filters.To, cancellationToken);
        var (page, pageSize) = paging.Parse(errors);
        if (errors.Count > 0)
        {
            return ApiProblems.InvalidQuery(errors);
        }

        var results = await query.RunAsync(new SearchRequest(terms, filter, type, page, pageSize), cancellationToken);
        PageParameters.AddLinkHeader(context, page, pageSize, results.TotalCount);
        return TypedResults.Ok(new SearchResultsDto(
            string.Join(' ', terms), [.. results.Hits.Select(SearchHitDto.From)], page, pageSize, results.TotalCount, results.Facets));
    }
}
