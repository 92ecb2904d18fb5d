using DialogueTracker.Web.Accounts;
using DialogueTracker.Web.Api;
using DialogueTracker.Web.Editing;
using DialogueTracker.Web.Import;
using DialogueTracker.Web.Localization;
using DialogueTracker.Web.Model;
using DialogueTracker.Web.Pages.Editing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace DialogueTracker.Web.Pages.Rounds;

/// <summary>Adds a round (<c>/rounds/new</c>) or edits one; admins may also delete it here.</summary>
[Authorize(Policy = AccountsSetup.CanEdit)]
public sealed class EditModel(RecordEditor editor, EditOptions options, IAuthorizationService authorization, IStringLocalizer<SharedResource> localizer) : PageModel
{
    private const int BlankCitationRows = 2;

    [BindProperty] public RoundInput Input { get; set; } = new();

    public int? Id { get; private set; }

    /// <summary>What another editor saved meanwhile, shown beside the refused form.</summary>
    public RoundRecord? TheirVersion { get; private set; }

    public IReadOnlyList<SelectListItem> Mechanisms { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Series { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Topics { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Sources { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken cancellationToken)
    {
        Id = id;
        if (id is { } existing)
        {
            if (await editor.ReadAsync(RecordType.Round, existing, cancellationToken) is not { } read)
            {
                return NotFound();
            }

            Input = RoundInput.From((RoundRecord)read.Record, read.Version);
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

        var (record, citationRows) = Input.ToRecord();
        var author = RecordWrites.AuthorOf(User);
        var result = id is { } existing
            ? await editor.UpdateAsync(RecordType.Round, existing, record, Input.Version, author, Input.EditSummary, cancellationToken)
            : await editor.CreateAsync(RecordType.Round, record, author, Input.EditSummary, cancellationToken);
        if (result.NotFound)
        {
            return NotFound();
        }

        if (result.Succeeded)
        {
            return Redirect($"/rounds/{result.Id}");
        }

        if (result.IsConflict && id is { } conflicted && await editor.ReadAsync(RecordType.Round, conflicted, cancellationToken) is { } theirs)
        {
            TheirVersion = (RoundRecord)theirs.Record;
            Input.Version = theirs.Version;
            ModelState.AddModelError("", localizer["Someone else saved this round after you opened it. Their version is shown below; nothing of yours was saved. Save again to replace theirs with yours."]);
        }
        else
        {
            FormText.AddProblems(ModelState, result.Problems, citationRows);
        }

        await LoadOptionsAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken cancellationToken)
    {
        // Handler methods cannot carry their own [Authorize]: check the stricter policy here.
        if (!(await authorization.AuthorizeAsync(User, AccountsSetup.IsAdmin)).Succeeded)
        {
            return Forbid();
        }

        var result = await editor.DeleteAsync(RecordType.Round, id, Input.Version, RecordWrites.AuthorOf(User), Input.EditSummary, cancellationToken);
        if (result.Succeeded)
        {
            return Redirect("/");
        }

        if (result.NotFound)
        {
            return NotFound();
        }

        return await OnGetWithProblemsAsync(id, result, cancellationToken);
    }

    private async Task<IActionResult> OnGetWithProblemsAsync(int id, EditResult result, CancellationToken cancellationToken)
    {
        await OnGetAsync(id, cancellationToken);
        foreach (var problem in result.Problems)
        {
            ModelState.AddModelError("", problem.Message);
        }

        return Page();
    }

    private async Task LoadOptionsAsync(CancellationToken cancellationToken)
    {
        while (Input.Citations.Count(c => c.IsBlank) < BlankCitationRows)
        {
            Input.Citations.Add(new CitationInput());
        }

        Mechanisms = await options.MechanismsAsync(cancellationToken);
        Series = await options.SeriesAsync(cancellationToken);
        Topics = await options.TopicsAsync(cancellationToken);
        Sources = await options.SourcesAsync(cancellationToken);
    }
}
