using DialogueTracker.Web.Accounts;
using DialogueTracker.Web.Api;
using DialogueTracker.Web.Data;
using DialogueTracker.Web.Editing;
using DialogueTracker.Web.Import;
using DialogueTracker.Web.Localization;
using DialogueTracker.Web.Model;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace DialogueTracker.Web.Pages.Editing;

/// <summary>
/// What every edit form does: add (<c>/{type}s/new</c>) or edit (<c>/{type}s/{id}/edit</c>) through the
/// <see cref="RecordEditor"/>, problems next to their fields, a refused stale save with the other version shown,
/// and delete for admins.
/// </summary>
[Authorize(Policy = AccountsSetup.CanEdit)]
public abstract class RecordEditPageModel(
    RecordEditor editor, IAuthorizationService authorization, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public int? Id { get; private set; }

    /// <summary>What another editor saved meanwhile, as dataset JSON, shown beside the refused form.</summary>
    public string? TheirVersion { get; private set; }

    protected abstract RecordType Type { get; }

    protected abstract Guid InputVersion { get; set; }

    protected abstract string? InputEditSummary { get; }

    /// <summary>Fills the form from the record as it reads now.</summary>
    protected abstract void Fill(object record, Guid version);

    /// <summary>The record the form describes, and for each of its citations the form row it came from.</summary>
    protected abstract (object Record, IReadOnlyList<int> CitationRows) Build();

    /// <summary>Puts the importer's problems beside their fields; forms with nested rows place them themselves.</summary>
    protected virtual void AddProblems(IReadOnlyList<ImportProblem> problems, IReadOnlyList<int> citationRows) =>
        FormText.AddProblems(ModelState, problems, citationRows);

    protected abstract Task LoadOptionsAsync(CancellationToken cancellationToken);

    protected abstract string PageUrl(int id, object record);

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken cancellationToken)
    {
        Id = id;
        if (id is { } existing)
        {
            if (await editor.ReadAsync(Type, existing, cancellationToken) is not { } read)
            {
                return NotFound();
            }

            Fill(read.Record, read.Version);
        }

        await LoadOptionsAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken cancellationToken)
    {
        Id = id;
        if (!ModelState.IsValid)
        {
            await LoadOptionsAsync(cancellationToken);
            return Page();
        }

        var (record, citationRows) = Build();
        var author = RecordWrites.AuthorOf(User);
        EditResult result;
        try
        {
            result = id is { } existing
                ? await editor.UpdateAsync(Type, existing, record, InputVersion, author, InputEditSummary, cancellationToken)
                : await editor.CreateAsync(Type, record, author, InputEditSummary, cancellationToken);
        }
        catch (Exception ex) when (DatabaseUnavailable.Is(ex))
        {
            // The form keeps what the editor typed, so it can be saved again once the database takes writes.
            ModelState.AddModelError("", localizer["The database cannot take changes just now (the disk may be full or the database read-only). Nothing was saved; reading still works. Please try again later."]);
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            await LoadOptionsAsync(cancellationToken);
            return Page();
        }

        if (result.NotFound)
        {
            return NotFound();
        }

        if (result.Succeeded)
        {
            return Redirect(PageUrl(result.Id, record));
        }

        if (result.IsConflict && id is { } conflicted && await editor.ReadAsync(Type, conflicted, cancellationToken) is { } theirs)
        {
            TheirVersion = System.Text.Json.JsonSerializer.Serialize(theirs.Record, theirs.Record.GetType(), DatasetJson.Readable);
            InputVersion = theirs.Version;
            ModelState.Remove("Input.Version");
            ModelState.AddModelError("", localizer["Someone else saved this record after you opened it. Their version is shown below; nothing of yours was saved. Save again to replace theirs with yours."]);
        }
        else
        {
            AddProblems(result.Problems, citationRows);
        }

        await LoadOptionsAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken cancellationToken)
    {
        // Handler methods cannot carry their own [Authorize]: the stricter policy is checked here.
        if (!(await authorization.AuthorizeAsync(User, AccountsSetup.IsAdmin)).Succeeded)
        {
            return Forbid();
        }

        var version = InputVersion;
        var result = await editor.DeleteAsync(Type, id, version, RecordWrites.AuthorOf(User), InputEditSummary, cancellationToken);
        if (result.Succeeded)
        {
            return Redirect("/");
        }

        if (result.NotFound)
        {
            return NotFound();
        }

        ModelState.Clear();
        await OnGetAsync(id, cancellationToken);
        foreach (var problem in result.Problems)
        {
            ModelState.AddModelError("", problem.Message);
        }

        return Page();
    }
}
