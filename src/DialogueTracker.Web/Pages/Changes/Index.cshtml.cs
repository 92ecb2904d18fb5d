using DialogueTracker.Web.Data;
using DialogueTracker.Web.Model;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DialogueTracker.Web.Pages.Changes;

/// <summary>Recent changes across the site, newest first, filterable by user and record type.</summary>
public sealed class IndexModel(DialogueDbContext db) : PageModel
{
    public const int PageSize = 50;

    public IReadOnlyList<Revision> Revisions { get; private set; } = [];
    public IReadOnlyList<string> Users { get; private set; } = [];
    public string? SelectedUser { get; private set; }
    public RecordType? SelectedType { get; private set; }
    public int? Before { get; private set; }
    public int? NextBefore { get; private set; }

    public async Task OnGetAsync(string? user, string? type, int? before, CancellationToken cancellationToken)
    {
        SelectedUser = string.IsNullOrWhiteSpace(user) ? null : user.Trim();
        SelectedType = EnumNames.TryParse<RecordType>(type, out var recordType) ? recordType : null;
        Before = before;
        Users = await db.Revisions.AsNoTracking().Select(r => r.UserName).Distinct().OrderBy(n => n).ToListAsync(cancellationToken);

        var query = db.Revisions.AsNoTracking();
        if (SelectedUser is not null)
        {
            query = query.Where(r => r.UserName == SelectedUser);
        }

        if (SelectedType is { } selected)
        {
            query = query.Where(r => r.RecordType == selected);
        }

        if (before is { } cursor)
        {
            query = query.Where(r => r.Id < cursor);
        }

        // Ids grow with time; paging by id keeps links stable while new changes arrive.
        var page = await query.OrderByDescending(r => r.Id).Take(PageSize + 1).ToListAsync(cancellationToken);
        Revisions = [.. page.Take(PageSize)];
        NextBefore = page.Count > PageSize ? page[PageSize - 1].Id : null;
    }

    public static string HistoryUrl(Revision revision) => $"/history/{EnumNames.ToName(revision.RecordType)}/{revision.RecordId}#revision-{revision.Id}";
}
