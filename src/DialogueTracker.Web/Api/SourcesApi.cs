using DialogueTracker.Web.Api.Contracts;
using DialogueTracker.Web.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace DialogueTracker.Web.Api;

public static class SourcesApi
{
    public static RouteGroupBuilder MapSources(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/sources").WithTags("Sources");
        group.MapGet("/", ListSources).WithName("ListSources");
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

        var items = sources.Select(x => new SourceDto(
            x.Source.Id, x.Source.Key, x.Source.Title, x.Source.Publisher, x.Source.Url, x.Source.PublishedOn?.ToString(),
            x.Source.Language, x.Source.Kind, x.Original is null ? null : SourceRef.From(x.Original), x.Source.Notes, x.CitationCount)).ToList();

        PageParameters.AddLinkHeader(context, page, pageSize, total);
        return TypedResults.Ok(new PagedList<SourceDto>(items, page, pageSize, total));
    }
}
