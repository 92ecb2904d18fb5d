using DialogueTracker.Web.Concerns;
using DialogueTracker.Web.Data;
using DialogueTracker.Web.Model;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DialogueTracker.Web.Pages.Statements;

public sealed class DetailsModel(DialogueDbContext db, ConcernQuery concerns) : PageModel
{
    /// <summary>The concerns that came up here.</summary>
    public IReadOnlyList<Concern> Concerns { get; private set; } = [];

    public Statement Statement { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var statement = await db.Statements.AsNoTracking()
            .Include(s => s.Round)
            .Include(s => s.Topics)
            .Include(s => s.Citations).ThenInclude(c => c.Source)
            .SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (statement is null)
        {
            return NotFound();
        }

        Statement = statement;
        Concerns = await concerns.InStatementAsync(id, cancellationToken);
        return Page();
    }
}
