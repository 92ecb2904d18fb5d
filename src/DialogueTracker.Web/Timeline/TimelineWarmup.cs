using DialogueTracker.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace DialogueTracker.Web.Timeline;

/// <summary>
/// Runs the timeline's first-page queries once as the app starts, on a thread of its own while the server is still
/// starting (BackgroundService runs this off the start-up path). EF Core translates each query the first time it runs,
/// a few hundred milliseconds for the timeline's, and the first visitor after a start or a deploy should not wait for
/// that. Nothing is cached: the page still reads the database when it is asked for.
/// </summary>
public sealed class TimelineWarmup(IServiceScopeFactory scopes, ILogger<TimelineWarmup> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<DialogueDbContext>();
            // The same queries as Pages/Timeline/Index for its first page.
            await db.Mechanisms.AsNoTracking().OrderBy(m => m.NameEn).ToListAsync(stoppingToken);
            await db.Topics.AsNoTracking().ToListAsync(stoppingToken);
            await scope.ServiceProvider.GetRequiredService<TimelineQuery>()
                .GetPageAsync(new RecordFilter(), 1, Pages.Timeline.IndexModel.PageSize, stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Only a head start: the page runs the same queries and reports its own errors.
            logger.LogDebug(ex, "Timeline warm-up failed");
        }
    }
}
