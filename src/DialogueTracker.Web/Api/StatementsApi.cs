using DialogueTracker.Web.Api.Contracts;
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
        group.MapGet("/{id:int}", GetStatement).WithName("GetStatement");
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
    /// <param name="db">The database.</param>
    /// <param name="cancellationToken">Cancelled when the client goes away.</param>
    /// <param name="context">The request; the response carries the statement's ETag, which writes send back in If-Match.</param>
    /// <response code="200">The statement.</response>
    /// <response code="404">No statement has this id.</response>
    public static async Task<Results<Ok<StatementDto>, ProblemHttpResult>> GetStatement(int id, DialogueDbContext db, HttpContext context, CancellationToken cancellationToken)
    {
        if (await ReadAsync(db, id, cancellationToken) is not { } statement)
        {
            return ApiProblems.NotFound($"There is no statement with id {id}.");
        }

        RecordWrites.SetETag(context, statement.Version);
        return TypedResults.Ok(statement.Dto);
    }

    /// <summary>
    /// One statement as the API shows it, in three small queries projected to what the DTO needs: the statement with
    /// its round, its topics, its citations with their sources. Microsoft.Data.Sqlite keeps no prepared statement from
    /// one command to the next, so SQLite compiles every query of every request afresh; the entity queries with their
    /// includes (every column, the filter of each joined table, the statement's query repeated for each collection) took
    /// about four times as long to compile as these, and compiling was most of a first read's time. (EF Core's compiled
    /// queries would save a little more, but one is bound to the first model it meets, and the tests run both engines.)
    /// </summary>
    private static async Task<(StatementDto Dto, Guid Version)?> ReadAsync(DialogueDbContext db, int id, CancellationToken cancellationToken)
    {
        var s = await db.Statements.AsNoTracking().Where(s => s.Id == id)
            .Select(s => new StatementRow(
                s.Id, s.Key, s.Date, s.DateNote, s.Party, s.PartyName, s.Speaker, s.SpeakerRole, s.Occasion, s.InResponseTo,
                s.Round == null ? null : s.Round.Id, s.Round == null ? null : s.Round.Key, s.Round == null ? null : s.Round.TitleEn,
                s.TitleEn, s.TitleVi, s.SummaryEn, s.SummaryVi, s.Quote, s.Language, s.Version))
            .SingleOrDefaultAsync(cancellationToken);
        if (s is null)
        {
            return null;
        }

        var topics = await db.Statements.AsNoTracking().Where(s => s.Id == id).SelectMany(s => s.Topics)
            .Select(t => new TopicRef(t.Slug, t.NameEn, t.NameVi)).ToListAsync(cancellationToken);
        var citations = await db.Citations.AsNoTracking().Where(c => c.StatementId == id).OrderBy(c => c.Id)
            .Select(c => new CitationDto(new SourceRef(c.Source.Id, c.Source.Key, c.Source.Title, c.Source.Publisher, c.Source.Url, c.Source.Language),
                c.Quote, c.Locator, c.ClaimField, c.ClaimValue))
            .ToListAsync(cancellationToken);
        var dto = new StatementDto(
            s.Id, s.Key, $"/statements/{s.Id}", s.Date?.ToString(), s.Date?.Precision, s.DateNote,
            s.Party, s.PartyName, s.Speaker, s.SpeakerRole, s.Occasion, s.InResponseTo,
            s.RoundId is { } roundId ? new RoundRef(roundId, s.RoundKey!, s.RoundTitleEn!, $"/rounds/{roundId}") : null,
            s.TitleEn, s.TitleVi, s.SummaryEn, s.SummaryVi, s.Quote, s.Language,
            // In memory, as StatementDto.From orders them: the culture's order, not SQLite's binary one.
            [.. topics.OrderBy(t => t.NameEn)], citations);
        return (dto, s.Version);
    }

    /// <summary>A statement's own columns and its round's, as <see cref="ReadAsync"/> reads them.</summary>
    private sealed record StatementRow(
        int Id, string Key, PartialDate? Date, string? DateNote, Party Party, string? PartyName, string? Speaker, string? SpeakerRole,
        string? Occasion, string? InResponseTo, int? RoundId, string? RoundKey, string? RoundTitleEn,
        string TitleEn, string? TitleVi, string? SummaryEn, string? SummaryVi, string? Quote, string Language, Guid Version);

    private static async Task<int?> ResolveAsync(DialogueDbContext db, string key, CancellationToken cancellationToken) =>
        int.TryParse(key, out var id) && await db.Statements.AnyAsync(s => s.Id == id, cancellationToken) ? id : null;

    private static async Task<(object Dto, string Location)?> LoadAsync(DialogueDbContext db, int id, CancellationToken cancellationToken) =>
        await ReadAsync(db, id, cancellationToken) is { } statement ? (statement.Dto, $"/api/v1/statements/{id}") : null;

    private static IQueryable<Statement> WithDetails(IQueryable<Statement> statements) => statements
        .Include(s => s.Round)
        .Include(s => s.Topics)
        .Include(s => s.Citations).ThenInclude(c => c.Source);
}
