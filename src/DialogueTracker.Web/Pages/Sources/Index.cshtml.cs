using DialogueTracker.Web.Data;
using DialogueTracker.Web.Model;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DialogueTracker.Web.Pages.Sources;

public sealed class IndexModel(DialogueDbContext db) : PageModel
{
    public IReadOnlyList<(Source Source, int Citations)> Sources { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var rows = await db.Sources.AsNoTracking()
            .OrderBy(s => s.Title == null).ThenBy(s => s.Title).ThenBy(s => s.Id)
            .Select(s => new { Source = s, Count = s.Citations.Count })
            .ToListAsync(cancellationToken);
        Sources = [.. rows.Select(r => (r.Source, r.Count))];
    }
}
