using DialogueTracker.Web.Api.Contracts;
using DialogueTracker.Web.Caching;
using DialogueTracker.Web.Data;
using DialogueTracker.Web.Import;
using DialogueTracker.Web.Model;
using DialogueTracker.Web.Timeline;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace DialogueTracker.Web.Api;

public static class StatementsApi
{
    public static RouteGroupBuilder MapStatements(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/statements").WithTags("Statements");
        group.MapGet("/", ListStatements).WithName("ListStatements");
        // Not kept in the output cache: nearly every request for one statement is its first (each has its URL), so storing
        // them only pushed out what is read often and held 60 MB doing so; on SQLite a read now costs about what storing
        // it did. ETags and 304s work without the cache: the endpoint answers If-None-Match itself.
        group.MapGet("/{id:int}", GetStatement).WithName("GetStatement").NeverOutputCached().AnswersIfNoneMatch();
        group.MapPost("/", (StatementRecord statement, [AsParameters] WriteContext write) =>
            RecordWrites.CreateAsync(RecordType.Statement, statement, write, LoadAsync)).AsCreate(RecordType.Statement);
        group.MapPut("/{id:int}", (string id, StatementRecord statement, [AsParameters] WriteContext write) =>
            RecordWrites.UpdateAsync(RecordType.Statement, id, statement, write, ResolveAsync, LoadAsync)).AsUpdate(RecordType.Statement);
        group.MapDelete("/{id:int}", (string id, [AsParameters] WriteContext write) =>
            RecordWrites.DeleteAsync(RecordType.Statement, id, write, ResolveAsync)).AsDelete(RecordType.Statement);
        return group;
    }

    /// <summary>Lists statements by either side in date order.</summary>
    /// <remarks>Ordered by the earliest day each date can mean; undated statements come last. Filters combine.</remarks>
    /// <response code="200">A page of statements, with a Link header to the other pages.</response>
    /// <response code="400">A query parameter is not valid; the problem names it.</response>
    public static async Task<Results<Ok<PagedList<StatementDto>>, ValidationProblem>> ListStatements(
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

        var query = filter.Apply(db.Statements.AsNoTracking());
        var total = await query.CountAsync(cancellationToken);
        var statements = await WithDetails(query.InDateOrder().ThenBy(s => s.Id))
            .Skip((page - 1) * pageSize).Take(pageSize)
            .ToListAsync(cancellationToken);

        PageParameters.AddLinkHeader(context, page, pageSize, total);
        return TypedResults.Ok(new PagedList<StatementDto>([.. statements.Select(StatementDto.From)], page, pageSize, total));
    }

    /// <summary>Gets one statement with its quote, topics and citations.</summary>
    /// <remarks>The quote is printed as the source prints it, in the language named by <c>language</c>; summaries are the tracker's own words.</remarks>
    /// <param name="id" example="1">Statement id.</param>
    /// <param name="reads">The database engine's way of reading one statement.</param>
    /// <param name="cancellationToken">Cancelled when the client goes away.</param>
    /// <param name="context">The request; the response carries the statement's ETag, which writes send back in If-Match.</param>
    /// <response code="200">The statement.</response>
    /// <response code="304">The statement has not changed since the version named in If-None-Match.</response>
    /// <response code="404">No statement has this id.</response>
    public static async Task<Results<Ok<StatementDto>, StatusCodeHttpResult, ProblemHttpResult>> GetStatement(int id, IStatementReads reads, HttpContext context, CancellationToken cancellationToken)
    {
        if (await reads.ReadAsync(id, cancellationToken) is not { } statement)
        {
            return ApiProblems.NotFound($"There is no statement with id {id}.");
        }

        RecordWrites.SetETag(context, statement.Version);
        return ApiETags.IsNotModified(context) ? TypedResults.StatusCode(StatusCodes.Status304NotModified) : TypedResults.Ok(statement.Statement);
    }

    private static async Task<int?> ResolveAsync(DialogueDbContext db, string key, CancellationToken cancellationToken) =>
        int.TryParse(key, out var id) && await db.Statements.AnyAsync(s => s.Id == id, cancellationToken) ? id : null;

    private static async Task<(object Dto, string Location)?> LoadAsync(DialogueDbContext db, int id, CancellationToken cancellationToken) =>
        // Through EF Core on every engine: the write's own context, which has just saved it.
        await new StatementReads(db).ReadAsync(id, cancellationToken) is { } statement ? (statement.Statement, $"/api/v1/statements/{id}") : null;

    private static IQueryable<Statement> WithDetails(IQueryable<Statement> statements) => statements
        .Include(s => s.Round)
        .Include(s => s.Topics)
        .Include(s => s.Citations).ThenInclude(c => c.Source);
}
