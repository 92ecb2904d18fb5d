using DialogueTracker.Web.Api.Contracts;
using DialogueTracker.Web.Concerns;
using DialogueTracker.Web.Data;
using DialogueTracker.Web.Import;
using DialogueTracker.Web.Model;
using DialogueTracker.Web.Timeline;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DialogueTracker.Web.Api;

public static class ConcernsApi
{
    public static RouteGroupBuilder MapConcerns(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/concerns").WithTags("Concerns");
        group.MapGet("/", ListConcerns).WithName("ListConcerns");
        group.MapGet("/{id:int}", GetConcern).WithName("GetConcern");
        group.MapPost("/", (ConcernRecord concern, [AsParameters] WriteContext write) =>
            RecordWrites.CreateAsync(RecordType.Concern, concern, write, LoadAsync)).AsCreate(RecordType.Concern);
        group.MapPut("/{id:int}", (string id, ConcernRecord concern, [AsParameters] WriteContext write) =>
            RecordWrites.UpdateAsync(RecordType.Concern, id, concern, write, ResolveAsync, LoadAsync)).AsUpdate(RecordType.Concern);
        group.MapDelete("/{id:int}", (string id, [AsParameters] WriteContext write) =>
            RecordWrites.DeleteAsync(RecordType.Concern, id, write, ResolveAsync)).AsDelete(RecordType.Concern);
        return group;
    }

    /// <summary>Lists concerns and requests, most recently raised first.</summary>
    /// <remarks>A status is an editor's reading of the sources, not a finding of either side; each concern's page shows the sources beside it.</remarks>
    /// <param name="party" example="eu">The party that raises it: eu, viet-nam, eu-member-state, european-parliament, ngo or other.</param>
    /// <param name="topic" example="freedom-of-expression">Topic slug; includes the topic's narrower topics.</param>
    /// <param name="status" example="responded">raised, in-discussion, responded, action-reported or no-longer-raised: the latest status.</param>
    /// <param name="paging">Page and page size.</param>
    /// <param name="parser">Reads the filters.</param>
    /// <param name="concerns">The concern queries.</param>
    /// <param name="context">The request; the response has a Link header to the other pages.</param>
    /// <param name="cancellationToken">Cancelled when the client goes away.</param>
    /// <response code="200">A page of concerns.</response>
    /// <response code="400">A query parameter is not valid; the problem names it.</response>
    public static async Task<Results<Ok<PagedList<ConcernSummaryDto>>, ValidationProblem>> ListConcerns(
        [FromQuery(Name = "party")] string? party,
        [FromQuery(Name = "topic")] string? topic,
        [FromQuery(Name = "status")] string? status,
        [AsParameters] PageParameters paging,
        FilterParser parser,
        ConcernQuery concerns,
        HttpContext context,
        CancellationToken cancellationToken)
    {
        var (filter, errors) = await parser.ParseAsync(null, topic, party, null, null, cancellationToken);
        var (page, pageSize) = paging.Parse(errors);
        ConcernStatus? wanted = null;
        if (!string.IsNullOrWhiteSpace(status))
        {
            if (EnumNames.TryParse<ConcernStatus>(status, out var value))
            {
                wanted = value;
            }
            else
            {
                errors["status"] = [$"'{status}' is not a status; use one of: {string.Join(", ", EnumNames.All<ConcernStatus>())}."];
            }
        }

        if (errors.Count > 0)
        {
            return ApiProblems.InvalidQuery(errors);
        }

        var threads = await concerns.ListAsync(filter.Party, filter.TopicIds, wanted, cancellationToken);
        PageParameters.AddLinkHeader(context, page, pageSize, threads.Count);
        var items = threads.Skip((page - 1) * pageSize).Take(pageSize).Select(ConcernSummaryDto.From).ToList();
        return TypedResults.Ok(new PagedList<ConcernSummaryDto>(items, page, pageSize, threads.Count));
    }

    /// <summary>Gets one concern with its thread: mentions in order, responses linked to what they answer, and its status history.</summary>
    /// <param name="id" example="1">Concern id.</param>
    /// <param name="concerns">The concern queries.</param>
    /// <param name="context">The request; the response carries the concern's ETag, which writes send back in If-Match.</param>
    /// <param name="cancellationToken">Cancelled when the client goes away.</param>
    /// <response code="200">The concern.</response>
    /// <response code="404">No concern has this id.</response>
    public static async Task<Results<Ok<ConcernDto>, ProblemHttpResult>> GetConcern(int id, ConcernQuery concerns, HttpContext context, CancellationToken cancellationToken)
    {
        var concern = await concerns.FindAsync(id, cancellationToken);
        if (concern is null)
        {
            return ApiProblems.NotFound($"There is no concern with id {id}.");
        }

        RecordWrites.SetETag(context, concern.Version);
        return TypedResults.Ok(ConcernDto.From(concern));
    }

    private static async Task<int?> ResolveAsync(DialogueDbContext db, string key, CancellationToken cancellationToken) =>
        int.TryParse(key, out var id) && await db.Concerns.AnyAsync(c => c.Id == id, cancellationToken) ? id : null;

    private static async Task<(object Dto, string Location)?> LoadAsync(DialogueDbContext db, int id, CancellationToken cancellationToken) =>
        await new ConcernQuery(db).FindAsync(id, cancellationToken) is { } concern
            ? (ConcernDto.From(concern), $"/api/v1/concerns/{id}")
            : null;
}
