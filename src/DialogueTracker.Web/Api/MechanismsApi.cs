using DialogueTracker.Web.Api.Contracts;
using DialogueTracker.Web.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace DialogueTracker.Web.Api;

public static class MechanismsApi
{
    public static RouteGroupBuilder MapMechanisms(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/mechanisms").WithTags("Mechanisms");
        group.MapGet("/", ListMechanisms).WithName("ListMechanisms");
        group.MapGet("/{slug}", GetMechanism).WithName("GetMechanism");
        return group;
    }

    /// <summary>Lists the dialogue tracks (mechanisms), oldest first, with their numbering series.</summary>
    /// <remarks>Mechanisms are data: new tracks (a Joint Committee, a parliamentary subcommittee) appear here as they are recorded. Undated ones come last.</remarks>
    /// <response code="200">A page of mechanisms.</response>
    /// <response code="400">A paging parameter is not valid; the problem names it.</response>
    public static async Task<Results<Ok<PagedList<MechanismDto>>, ValidationProblem>> ListMechanisms(
        [AsParameters] PageParameters paging, DialogueDbContext db, HttpContext context, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var (page, pageSize) = paging.Parse(errors);
        if (errors.Count > 0)
        {
            return ApiProblems.InvalidQuery(errors);
        }

        var total = await db.Mechanisms.CountAsync(cancellationToken);
        var mechanisms = await db.Mechanisms.AsNoTracking()
            .Include(m => m.Series).Include(m => m.Citations).ThenInclude(c => c.Source)
            .OrderBy(m => m.StartDate == null).ThenBy(m => m.StartDate).ThenBy(m => m.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .ToListAsync(cancellationToken);

        PageParameters.AddLinkHeader(context, page, pageSize, total);
        return TypedResults.Ok(new PagedList<MechanismDto>([.. mechanisms.Select(MechanismDto.From)], page, pageSize, total));
    }

    /// <summary>Gets one mechanism by its slug.</summary>
    /// <remarks>The slug is the value the <c>mechanism</c> filter of the record lists takes.</remarks>
    /// <param name="slug" example="human-rights-dialogue">Mechanism slug.</param>
    /// <param name="db">The database.</param>
    /// <param name="cancellationToken">Cancelled when the client goes away.</param>
    /// <response code="200">The mechanism.</response>
    /// <response code="404">No mechanism has this slug.</response>
    public static async Task<Results<Ok<MechanismDto>, ProblemHttpResult>> GetMechanism(string slug, DialogueDbContext db, CancellationToken cancellationToken)
    {
        var mechanism = await db.Mechanisms.AsNoTracking()
            .Include(m => m.Series).Include(m => m.Citations).ThenInclude(c => c.Source)
            .SingleOrDefaultAsync(m => m.Slug == slug, cancellationToken);
        return mechanism is null
            ? ApiProblems.NotFound($"There is no mechanism '{slug}'.")
            : TypedResults.Ok(MechanismDto.From(mechanism));
    }
}
