using DialogueTracker.Web.Data;
using DialogueTracker.Web.Model;
using DialogueTracker.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DialogueTracker.Web.Pages.Topics;

public sealed class IndexModel(DialogueDbContext db) : PageModel
{
    public IReadOnlyList<(Topic Topic, int Depth)> Topics { get; private set; } = [];

    /// <summary>Rounds and statements tagged with each topic itself (not counting narrower topics).</summary>
    public IReadOnlyDictionary<int, int> RecordCounts { get; private set; } = new Dictionary<int, int>();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var counts = await db.Topics.AsNoTracking()
            .Select(t => new { Topic = t, Count = t.Rounds.Count + t.Statements.Count })
            .ToListAsync(cancellationToken);
        Topics = TopicTree.Flatten([.. counts.Select(c => c.Topic)]);
        RecordCounts = counts.ToDictionary(c => c.Topic.Id, c => c.Count);
    }
}
