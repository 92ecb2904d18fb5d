using DialogueTracker.Web.Concerns;
using DialogueTracker.Web.Data;
using DialogueTracker.Web.Model;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DialogueTracker.Web.Pages.Sources;

public sealed class DetailsModel(DialogueDbContext db, ConcernQuery concerns) : PageModel
{
    /// <summary>The concerns that came up in this source as a report.</summary>
    public IReadOnlyList<Concern> Concerns { get; private set; } = [];

    public Source Source { get; private set; } = null!;
    public IReadOnlyList<Citation> Citations { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var source = await db.Sources.AsNoTracking().Include(s => s.Original).SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (source is null)
        {
            return NotFound();
        }

        Source = source;
        Citations = await db.Citations.AsNoTracking()
            .Where(c => c.SourceId == id)
            .Include(c => c.Mechanism).Include(c => c.Round).Include(c => c.Statement).Include(c => c.Topic).Include(c => c.Concern)
            .Include(c => c.ConcernMention!).ThenInclude(m => m.Concern)
            .Include(c => c.ConcernStatusChange!).ThenInclude(s => s.Concern)
            .OrderBy(c => c.Id)
            .ToListAsync(cancellationToken);
        Concerns = await concerns.InReportAsync(id, cancellationToken);
        return Page();
    }
}
