using DialogueTracker.Web.Api.Contracts;
using DialogueTracker.Web.Data;
using DialogueTracker.Web.Import;
using DialogueTracker.Web.Model;
using DialogueTracker.Web.Timeline;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace DialogueTracker.Web.Api;

public static class RoundsApi
{
    public static RouteGroupBuilder MapRounds(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/rounds").WithTags("Rounds");
        group.MapGet("/", ListRounds).WithName("ListRounds");
        group.MapGet("/{id:int}", GetRound).WithName("GetRound");
        group.MapPost("/", (RoundRecord round, [AsParameters] WriteContext write) =>
            RecordWrites.CreateAsync(RecordType.Round, round, write, LoadAsync)).AsCreate(RecordType.Round);
        group.MapPut("/{id:int}", (string id, RoundRecord round, [AsParameters] WriteContext write) =>
            RecordWrites.UpdateAsync(RecordType.Round, id, round, write, ResolveAsync, LoadAsync)).AsUpdate(RecordType.Round);
        group.MapDelete("/{id:int}", (string id, [AsParameters] WriteContext write) =>
            RecordWrites.DeleteAsync(RecordType.Round, id, write, ResolveAsync)).AsDelete(RecordType.Round);
        return group;
    }

    /// <summary>Lists rounds (launches, upgrades, numbered rounds, consultations) in date order.</summary>
    /// <remarks>Ordered by the earliest day each date can mean; undated rounds come last. Filters combine.</remarks>
    /// <response code="200">A page of rounds, with a Link header to the other pages.</response>
    /// <response code="400">A query parameter is not valid; the problem names it.</response>
    public static async Task<Results<Ok<PagedList<RoundDto>>, ValidationProblem>> ListRounds(
        [AsParameters] FilterParameters filters,
        [AsParameters] PageParameters paging,
        FilterParser parser,
        DialogueDbContext db,
        HttpContext context,
        CancellationToken cancellationToken)
    {
        var (filter, errors) = await filters.ParseAsync(parser, cancellationToken);
        var (page, pageSize) = paging.Parse(errors);
        if (errors.Count > 0)
        {
            return ApiProblems.InvalidQuery(errors);
        }

        var query = filter.Apply(db.Rounds.AsNoTracking());
        var total = await query.CountAsync(cancellationToken);
        var rounds = await WithDetails(query.InDateOrder().ThenBy(r => r.Id))
            .Skip((page - 1) * pageSize).Take(pageSize)
            .ToListAsync(cancellationToken);

        PageParameters.AddLinkHeader(context, page, pageSize, total);
        return TypedResults.Ok(new PagedList<RoundDto>([.. rounds.Select(RoundDto.From)], page, pageSize, total));
    }

    /// <summary>Gets one round with its topics and citations.</summary>
    /// <remarks>Citations carry the source's own words; a citation with <c>claimField</c> records what that source says a field is, so disagreeing sources stay visible.</remarks>
    /// <param name="id" example="4">Round id.</param>
    /// <param name="db">The database.</param>
    /// <param name="cancellationToken">Cancelled when the client goes away.</param>
    /// <param name="context">The request; the response carries the round's ETag, which writes send back in If-Match.</param>
    /// <response code="200">The round.</response>
    /// <response code="404">No round has this id.</response>
    public static async Task<Results<Ok<RoundDto>, ProblemHttpResult>> GetRound(int id, DialogueDbContext db, HttpContext context, CancellationToken cancellationToken)
    {
        var round = await WithDetails(db.Rounds.AsNoTracking()).SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (round is null)
        {
            return ApiProblems.NotFound($"There is no round with id {id}.");
        }

        RecordWrites.SetETag(context, round.Version);
        return TypedResults.Ok(RoundDto.From(round));
    }

    private static async Task<int?> ResolveAsync(DialogueDbContext db, string key, CancellationToken cancellationToken) =>
        int.TryParse(key, out var id) && await db.Rounds.AnyAsync(r => r.Id == id, cancellationToken) ? id : null;

    private static async Task<(object Dto, string Location)?> LoadAsync(DialogueDbContext db, int id, CancellationToken cancellationToken) =>
        await WithDetails(db.Rounds.AsNoTracking()).SingleOrDefaultAsync(r => r.Id == id, cancellationToken) is { } round
            ? (RoundDto.From(round), $"/api/v1/rounds/{id}")
            : null;

    private static IQueryable<Round> WithDetails(IQueryable<Round> rounds) => rounds
        .Include(r => r.Mechanism)
        .Include(r => r.Series)
        .Include(r => r.Topics)
        .Include(r => r.Citations).ThenInclude(c => c.Source);
}
