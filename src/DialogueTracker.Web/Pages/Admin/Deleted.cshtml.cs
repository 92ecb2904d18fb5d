using DialogueTracker.Web.Accounts;
using DialogueTracker.Web.Api;
using DialogueTracker.Web.Data;
using DialogueTracker.Web.Editing;
using DialogueTracker.Web.Model;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DialogueTracker.Web.Pages.Admin;

/// <summary>Deleted records, which only admins see and can restore.</summary>
[Authorize(Policy = AccountsSetup.IsAdmin)]
public sealed class DeletedModel(DialogueDbContext db, RecordEditor editor) : PageModel
{
    public IReadOnlyList<(RecordType Type, int Id, string Key, string Title, DateTimeOffset DeletedAt)> Records { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var rounds = await db.Rounds.IgnoreQueryFilters().AsNoTracking().Where(r => r.DeletedAt != null)
            .Select(r => new { r.Id, r.Key, Title = r.TitleEn, r.DeletedAt }).ToListAsync(cancellationToken);
        var statements = await db.Statements.IgnoreQueryFilters().AsNoTracking().Where(s => s.DeletedAt != null)
            .Select(s => new { s.Id, s.Key, Title = s.TitleEn, s.DeletedAt }).ToListAsync(cancellationToken);
        var topics = await db.Topics.IgnoreQueryFilters().AsNoTracking().Where(t => t.DeletedAt != null)
            .Select(t => new { t.Id, Key = t.Slug, Title = t.NameEn, t.DeletedAt }).ToListAsync(cancellationToken);
        var sources = await db.Sources.IgnoreQueryFilters().AsNoTracking().Where(s => s.DeletedAt != null)
            .Select(s => new { s.Id, s.Key, Title = s.Title ?? s.Key, s.DeletedAt }).ToListAsync(cancellationToken);
        var concerns = await db.Concerns.IgnoreQueryFilters().AsNoTracking().Where(c => c.DeletedAt != null)
            .Select(c => new { c.Id, c.Key, Title = c.TitleEn, c.DeletedAt }).ToListAsync(cancellationToken);
        Records =
        [
            .. rounds.Select(r => (RecordType.Round, r.Id, r.Key, r.Title, r.DeletedAt!.Value))
                .Concat(statements.Select(s => (RecordType.Statement, s.Id, s.Key, s.Title, s.DeletedAt!.Value)))
                .Concat(topics.Select(t => (RecordType.Topic, t.Id, t.Key, t.Title, t.DeletedAt!.Value)))
                .Concat(sources.Select(s => (RecordType.Source, s.Id, s.Key, s.Title, s.DeletedAt!.Value)))
                .Concat(concerns.Select(c => (RecordType.Concern, c.Id, c.Key, c.Title, c.DeletedAt!.Value)))
                .OrderByDescending(r => r.Item5),
        ];
    }

    public async Task<IActionResult> OnPostRestoreAsync(string type, int id, CancellationToken cancellationToken)
    {
        if (EnumNames.TryParse<RecordType>(type, out var recordType))
        {
            await editor.RestoreAsync(recordType, id, RecordWrites.AuthorOf(User), "Restored", cancellationToken);
        }

        return RedirectToPage();
    }
}
