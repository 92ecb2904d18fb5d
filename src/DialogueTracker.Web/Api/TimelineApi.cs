using DialogueTracker.Web.Api.Contracts;
using DialogueTracker.Web.Timeline;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DialogueTracker.Web.Api;

public static class TimelineApi
{
    public static RouteHandlerBuilder MapTimeline(this IEndpointRouteBuilder routes) =>
        routes.MapGet("/timeline", GetTimeline).WithTags("Timeline").WithName("GetTimeline");

    /// <summary>Rounds and statements merged in date order, as on the timeline page.</summary>
    /// <remarks>Ordered by the earliest day each date can mean; undated entries come last. With <c>party</c>, only statements match.</remarks>
    /// <response code="200">A page of timeline entries, with a Link header to the other pages.</response>
    /// <response code="400">A query parameter is not valid; the problem names it.</response>
    public static async Task<Results<Ok<PagedList<TimelineEntryDto>>, ValidationProblem>> GetTimeline(
        [AsParameters] FilterParameters filters,
        [AsParameters] PageParameters paging,
        FilterParser parser,
        TimelineQuery timeline,
        HttpContext context,
        CancellationToken cancellationToken)
    {
        var (filter, errors) = await filters.ParseAsync(parser, cancellationToken);
        var (page, pageSize) = paging.Parse(errors);
        if (errors.Count > 0)
        {
            return ApiProblems.InvalidQuery(errors);
        }

        var (entries, total) = await timeline.GetPageAsync(filter, page, pageSize, cancellationToken);
        PageParameters.AddLinkHeader(context, page, pageSize, total);
        return TypedResults.Ok(new PagedList<TimelineEntryDto>([.. entries.Select(TimelineEntryDto.From)], page, pageSize, total));
    }
}
