using DialogueTracker.Web.Charts;
using DialogueTracker.Web.Data;
using DialogueTracker.Web.Localization;
using DialogueTracker.Web.Model;
using DialogueTracker.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DialogueTracker.Web.Pages.Overview;

public sealed class IndexModel(DialogueDbContext db, ChartQueries charts, Labels labels) : PageModel
{
    public Heatmap TopicsByYear { get; private set; } = new([]);
    public BarChart ByMechanism { get; private set; } = new([]);
    public BarChart ByParty { get; private set; } = new([]);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var vietnamese = Cultures.CurrentIsVietnamese;
        var topics = TopicTree.Flatten(await db.Topics.AsNoTracking().ToListAsync(cancellationToken));
        var counts = await charts.TopicYearCountsAsync(cancellationToken);
        TopicsByYear = new Heatmap([.. topics
            .Where(t => counts.ContainsKey(t.Topic.Id))
            .Select(t => new HeatmapRow(vietnamese ? t.Topic.NameVi : t.Topic.NameEn, $"/topics/{t.Topic.Slug}", counts[t.Topic.Id]))]);

        var mechanisms = await db.Mechanisms.AsNoTracking()
            .Select(m => new { m.Slug, m.NameEn, m.NameVi, m.StartDate, Count = m.Rounds.Count })
            .ToListAsync(cancellationToken);
        ByMechanism = new BarChart(mechanisms
            .OrderBy(m => m.StartDate is null).ThenBy(m => m.StartDate)
            .Select(m => (vietnamese ? m.NameVi : m.NameEn, $"/?mechanism={m.Slug}", m.Count)));

        var parties = await db.Statements.AsNoTracking()
            .GroupBy(s => s.Party)
            .Select(g => new { Party = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        ByParty = new BarChart(parties
            .OrderByDescending(p => p.Count).ThenBy(p => p.Party)
            .Select(p => (labels.Party(p.Party), $"/?party={EnumNames.ToName(p.Party)}", p.Count)));
    }
}
