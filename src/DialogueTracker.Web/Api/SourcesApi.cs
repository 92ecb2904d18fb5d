using DialogueTracker.Web.Api.Contracts;
using DialogueTracker.Web.Data;
using DialogueTracker.Web.Import;
using DialogueTracker.Web.Model;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace DialogueTracker.Web.Api;

public static class SourcesApi
{
    public static RouteGroupBuilder MapSources(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/sources").WithTags("Sources");
        group.MapGet("/", ListSources).WithName("ListSources");
        group.MapGet("/{id:int}", GetSource).WithName("GetSource");
        group.MapPost("/", (SourceRecord source, [AsParameters] WriteContext write) =>
            RecordWrites.CreateAsync(RecordType.Source, source, write, LoadAsync)).AsCreate(RecordType.Source);
        group.MapPut("/{id:int}", (string id, SourceRecord source, [AsParameters] WriteContext write) =>
            RecordWrites.UpdateAsync(RecordType.Source, id, source, write, ResolveAsync, LoadAsync)).AsUpdate(RecordType.Source);
        group.MapDelete("/{id:int}", (string id, [AsParameters] WriteContext write) =>
            RecordWrites.DeleteAsync(RecordType.Source, id, write, ResolveAsync)).AsDelete(RecordType.Source);
        return group;
    }

    /// <summary>Lists the sources that records cite, by title.</summary>
    /// <remarks>Sources may be in any language and may lack a title, date or URL; untitled sources come last.</remarks>
    /// <response code="200">A page of sources.</response>
    /// <response code="400">A paging parameter is not valid; the problem names it.</response>
    public static async Task<Results<Ok<PagedList<SourceDto>>, ValidationProblem>> ListSources(
        [AsParameters] PageParameters paging, DialogueDbContext db, HttpContext context, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var (page, pageSize) = paging.Parse(errors);
        if (errors.Count > 0)
        {
            return ApiProblems.InvalidQuery(errors);
        }

        var total = await db.Sources.CountAsync(cancellationToken);
        var sources = await db.Sources.AsNoTracking()
            .OrderBy(s => s.Title == null).ThenBy(s => s.Title).ThenBy(s => s.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(s => new
            {
                Source = s,
                s.Original,
                CitationCount = s.Citations.Count,
            })
            .ToListAsync(cancellationToken);

        var items = sources.Select(x => ToDto(x.Source, x.Original, x.CitationCount)).ToList();

        PageParameters.AddLinkHeader(context, page, pageSize, total);
        return TypedResults.Ok(new PagedList<SourceDto>(items, page, pageSize, total));
    }

    /// <summary>Gets one source, with how many citations point at it.</summary>
    /// <param name="id" example="1">Source id.</param>
    /// <param name="db">The database.</param>
    /// <param name="context">The request; the response carries the source's ETag, which writes send back in If-Match.</param>
    /// <param name="cancellationToken">Cancelled when the client goes away.</param>
    /// <response code="200">The source.</response>
    /// <response code="404">No source has this id.</response>
    public static async Task<Results<Ok<SourceDto>, ProblemHttpResult>> GetSource(int id, DialogueDbContext db, HttpContext context, CancellationToken cancellationToken)
    {
        var found = await FindAsync(db, id, cancellationToken);
        if (found is null)
        {
            return ApiProblems.NotFound($"There is no source with id {id}.");
        }

        RecordWrites.SetETag(context, found.Value.Version);
        return TypedResults.Ok(found.Value.Dto);
    }

    private static async Task<(SourceDto Dto, Guid Version)?> FindAsync(DialogueDbContext db, int id, CancellationToken cancellationToken)
    {
        var row = await db.Sources.AsNoTracking()
            .Where(s => s.Id == id)
            .Select(s => new { Source = s, s.Original, CitationCount = s.Citations.Count })
            .SingleOrDefaultAsync(cancellationToken);
        return row is null ? null : (ToDto(row.Source, row.Original, row.CitationCount), row.Source.Version);
    }

    private static SourceDto ToDto(Source source, Source? original, int citationCount) => new(
        source.Id, source.Key, source.Title, source.Publisher, source.Url, source.PublishedOn?.ToString(),
        source.Language, source.Kind, original is null ? null : SourceRef.From(original), source.Notes, citationCount);

    private static async Task<int?> ResolveAsync(DialogueDbContext db, string key, CancellationToken cancellationToken) =>
        int.TryParse(key, out var id) && await db.Sources.AnyAsync(s => s.Id == id, cancellationToken) ? id : null;

    private static async Task<(object Dto, string Location)?> LoadAsync(DialogueDbContext db, int id, CancellationToken cancellationToken) =>
        await FindAsync(db, id, cancellationToken) is { } found ? (found.Dto, $"/api/v1/sources/{id}") : null;
}
