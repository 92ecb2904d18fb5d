using DialogueTracker.Web.Concerns;
using DialogueTracker.Web.Data;
using DialogueTracker.Web.Model;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DialogueTracker.Web.Pages.Rounds;

public sealed class DetailsModel(DialogueDbContext db, ConcernQuery concerns) : PageModel
{
    /// <summary>The concerns that came up here.</summary>
    public IReadOnlyList<Concern> Concerns { get; private set; } = [];

    public Round Round { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var round = await db.Rounds.AsNoTracking()
            .Include(r => r.Mechanism)
            .Include(r => r.Series)
            .Include(r => r.Topics)
            .Include(r => r.Statements)
            .Include(r => r.Citations).ThenInclude(c => c.Source)
            .SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (round is null)
        {
            return NotFound();
        }

        Round = round;
        Concerns = await concerns.InRoundAsync(id, cancellationToken);
        return Page();
    }
}
