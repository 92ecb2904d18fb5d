using DialogueTracker.Web.Api.Contracts;
using DialogueTracker.Web.Data;
using DialogueTracker.Web.Import;
using DialogueTracker.Web.Model;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace DialogueTracker.Web.Api;

public static class TopicsApi
{
    public static RouteGroupBuilder MapTopics(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/topics").WithTags("Topics");
        group.MapGet("/", ListTopics).WithName("ListTopics");
        group.MapGet("/{slug}", GetTopic).WithName("GetTopic");
        group.MapPost("/", (TopicRecord topic, [AsParameters] WriteContext write) =>
            RecordWrites.CreateAsync(RecordType.Topic, topic, write, LoadAsync)).AsCreate(RecordType.Topic);
        group.MapPut("/{slug}", (string slug, TopicRecord topic, [AsParameters] WriteContext write) =>
            RecordWrites.UpdateAsync(RecordType.Topic, slug, topic, write, ResolveAsync, LoadAsync)).AsUpdate(RecordType.Topic);
        group.MapDelete("/{slug}", (string slug, [AsParameters] WriteContext write) =>
            RecordWrites.DeleteAsync(RecordType.Topic, slug, write, ResolveAsync)).AsDelete(RecordType.Topic);
        return group;
    }

    /// <summary>Lists topics in English alphabetical order, each with its parent and children.</summary>
    /// <remarks>Topics form a small tree; filtering records by a topic includes its narrower topics.</remarks>
    /// <response code="200">A page of topics.</response>
    /// <response code="400">A paging parameter is not valid; the problem names it.</response>
    public static async Task<Results<Ok<PagedList<TopicDto>>, ValidationProblem>> ListTopics(
        [AsParameters] PageParameters paging, DialogueDbContext db, HttpContext context, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var (page, pageSize) = paging.Parse(errors);
        if (errors.Count > 0)
        {
            return ApiProblems.InvalidQuery(errors);
        }

        var total = await db.Topics.CountAsync(cancellationToken);
        var topics = await WithDetails(db.Topics.AsNoTracking())
            .OrderBy(t => t.NameEn).ThenBy(t => t.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .ToListAsync(cancellationToken);

        PageParameters.AddLinkHeader(context, page, pageSize, total);
        return TypedResults.Ok(new PagedList<TopicDto>([.. topics.Select(TopicDto.From)], page, pageSize, total));
    }

    /// <summary>Gets one topic by its slug.</summary>
    /// <remarks>With its parent, its narrower topics and the sources that name it.</remarks>
    /// <param name="slug" example="death-penalty">Topic slug.</param>
    /// <param name="db">The database.</param>
    /// <param name="cancellationToken">Cancelled when the client goes away.</param>
    /// <param name="context">The request; the response carries the topic's ETag, which writes send back in If-Match.</param>
    /// <response code="200">The topic.</response>
    /// <response code="404">No topic has this slug.</response>
    public static async Task<Results<Ok<TopicDto>, ProblemHttpResult>> GetTopic(string slug, DialogueDbContext db, HttpContext context, CancellationToken cancellationToken)
    {
        var topic = await WithDetails(db.Topics.AsNoTracking()).SingleOrDefaultAsync(t => t.Slug == slug, cancellationToken);
        if (topic is null)
        {
            return ApiProblems.NotFound($"There is no topic '{slug}'.");
        }

        RecordWrites.SetETag(context, topic.Version);
        return TypedResults.Ok(TopicDto.From(topic));
    }

    private static Task<int?> ResolveAsync(DialogueDbContext db, string slug, CancellationToken cancellationToken) =>
        db.Topics.Where(t => t.Slug == slug).Select(t => (int?)t.Id).SingleOrDefaultAsync(cancellationToken);

    private static async Task<(object Dto, string Location)?> LoadAsync(DialogueDbContext db, int id, CancellationToken cancellationToken) =>
        await WithDetails(db.Topics.AsNoTracking()).SingleOrDefaultAsync(t => t.Id == id, cancellationToken) is { } topic
            ? (TopicDto.From(topic), $"/api/v1/topics/{topic.Slug}")
            : null;

    private static IQueryable<Topic> WithDetails(IQueryable<Topic> topics) => topics
        .Include(t => t.Parent)
        .Include(t => t.Children)
        .Include(t => t.Citations).ThenInclude(c => c.Source);
}
