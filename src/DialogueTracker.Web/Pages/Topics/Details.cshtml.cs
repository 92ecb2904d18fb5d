using DialogueTracker.Web.Charts;
using DialogueTracker.Web.Data;
using DialogueTracker.Web.Model;
using DialogueTracker.Web.Timeline;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DialogueTracker.Web.Pages.Topics;

public sealed class DetailsModel(DialogueDbContext db, FilterParser parser, TimelineQuery timeline, ChartQueries charts) : PageModel
{
    public const int MaxEntries = 100;

    public Topic Topic { get; private set; } = null!;
    public IReadOnlyList<TimelineEntry> Entries { get; private set; } = [];
    public int TotalCount { get; private set; }
    public YearColumnChart PerYear { get; private set; } = new([]);
    public int UndatedCount { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        var topic = await db.Topics.AsNoTracking()
            .Include(t => t.Parent)
            .Include(t => t.Children)
            .Include(t => t.Citations).ThenInclude(c => c.Source)
            .SingleOrDefaultAsync(t => t.Slug == slug, cancellationToken);
        if (topic is null)
        {
            return NotFound();
        }

        Topic = topic;
        var (filter, _) = await parser.ParseAsync(null, slug, null, null, null, cancellationToken);
        (Entries, TotalCount) = await timeline.GetPageAsync(filter, 1, MaxEntries, cancellationToken);
        PerYear = new YearColumnChart(await charts.RecordsPerYearAsync(filter, cancellationToken));
        UndatedCount = await charts.UndatedCountAsync(filter, cancellationToken);
        return Page();
    }
}
