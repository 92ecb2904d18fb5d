using DialogueTracker.Web.Timeline;
using Microsoft.Extensions.DependencyInjection;

namespace DialogueTracker.Tests.Timeline;

public class TimelineQueryTests(DialogueTrackerFactory factory) : IClassFixture<DialogueTrackerFactory>
{
    [Fact]
    public async Task Small_pages_read_in_turn_give_the_whole_timeline_in_its_order()
    {
        // Each side is cut to the rows a page can need before rounds and statements are merged: a page past the first
        // must still find the rows that the other side's earlier ones pushed down.
        await using var scope = factory.CreateScope(out _);
        var query = scope.ServiceProvider.GetRequiredService<TimelineQuery>();
        var (all, total) = await query.GetPageAsync(new RecordFilter(), 1, 1000, CancellationToken.None);
        Assert.Equal(total, all.Count);
        Assert.Contains(all, e => e.Type == TimelineEntryType.Round);
        Assert.Contains(all, e => e.Type == TimelineEntryType.Statement);

        var paged = new List<TimelineEntry>();
        for (var page = 1; paged.Count < total; page++)
        {
            var (entries, pageTotal) = await query.GetPageAsync(new RecordFilter(), page, 3, CancellationToken.None);
            Assert.Equal(total, pageTotal);
            Assert.InRange(entries.Count, 1, 3);
            paged.AddRange(entries);
        }

        Assert.Equal(all.Select(e => (e.Type, e.Id)), paged.Select(e => (e.Type, e.Id)));
    }
}
