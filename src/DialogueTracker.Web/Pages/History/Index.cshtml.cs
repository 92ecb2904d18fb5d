using DialogueTracker.Web.Accounts;
using DialogueTracker.Web.Api;
using DialogueTracker.Web.Data;
using DialogueTracker.Web.Editing;
using DialogueTracker.Web.Model;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DialogueTracker.Web.Pages.History;

/// <summary>A record's revisions, newest first, each with what changed; admins can revert to any of them.</summary>
public sealed class IndexModel(DialogueDbContext db, RecordEditor editor, IAuthorizationService authorization) : PageModel
{
    public RecordType Type { get; private set; }
    public int Id { get; private set; }
    public IReadOnlyList<(Revision Revision, IReadOnlyList<FieldChange> Changes)> Revisions { get; private set; } = [];
    public string? RecordUrl { get; private set; }
    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(string type, int id, CancellationToken cancellationToken)
    {
        if (!EnumNames.TryParse<RecordType>(type, out var recordType))
        {
            return NotFound();
        }

        Type = recordType;
        Id = id;
        var revisions = await db.Revisions.AsNoTracking()
            .Where(r => r.RecordType == recordType && r.RecordId == id)
            .OrderByDescending(r => r.Id)
            .ToListAsync(cancellationToken);
        if (revisions.Count == 0)
        {
            return NotFound();
        }

        Revisions = [.. revisions.Select(r => (r, RevisionDiff.Compute(r.Before, r.After)))];
        RecordUrl = await RecordUrlAsync(recordType, id, revisions[0].RecordKey, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRevertAsync(string type, int id, int revision, CancellationToken cancellationToken)
    {
        if (!(await authorization.AuthorizeAsync(User, AccountsSetup.IsAdmin)).Succeeded)
        {
            return User.Identity?.IsAuthenticated == true ? Forbid() : Challenge();
        }

        var result = await editor.RevertAsync(revision, RecordWrites.AuthorOf(User), cancellationToken);
        if (!result.Succeeded)
        {
            await OnGetAsync(type, id, cancellationToken);
            Problem = string.Join(" ", result.Problems.Select(p => p.Message));
            return Page();
        }

        return RedirectToPage(new { type, id });
    }

    /// <summary>Where the record lives now; null when it is deleted.</summary>
    private async Task<string?> RecordUrlAsync(RecordType type, int id, string key, CancellationToken cancellationToken) => type switch
    {
        RecordType.Round => await db.Rounds.AnyAsync(r => r.Id == id, cancellationToken) ? $"/rounds/{id}" : null,
        RecordType.Statement => await db.Statements.AnyAsync(s => s.Id == id, cancellationToken) ? $"/statements/{id}" : null,
        RecordType.Topic => await db.Topics.AnyAsync(t => t.Id == id, cancellationToken) ? $"/topics/{key}" : null,
        RecordType.Concern => await db.Concerns.AnyAsync(c => c.Id == id, cancellationToken) ? $"/concerns/{id}" : null,
        _ => await db.Sources.AnyAsync(s => s.Id == id, cancellationToken) ? $"/sources/{id}" : null,
    };
}
