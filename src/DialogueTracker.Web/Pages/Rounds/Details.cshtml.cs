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

    /// <summary>The round's statements as the page lists them, in date order.</summary>
    public IReadOnlyList<RoundStatement> Statements { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var round = await db.Rounds.AsNoTracking()
            .Include(r => r.Mechanism)
            .Include(r => r.Series)
            .Include(r => r.Topics)
            .Include(r => r.Citations).ThenInclude(c => c.Source)
            .SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (round is null)
        {
            return NotFound();
        }

        Round = round;
        // Only what the list shows: a round can have dozens of statements, each with its quote and summaries.
        Statements = await db.Statements.AsNoTracking().Where(s => s.RoundId == id)
            .OrderBy(s => s.DateEarliest).ThenBy(s => s.Id)
            .Select(s => new RoundStatement(s.Id, s.TitleEn, s.TitleVi, s.Party))
            .ToListAsync(cancellationToken);
        Concerns = await concerns.InRoundAsync(id, cancellationToken);
        return Page();
    }
}

/// <summary>A statement in a round's list.</summary>
public sealed record RoundStatement(int Id, string TitleEn, string? TitleVi, Party Party);
