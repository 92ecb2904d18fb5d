using System.ComponentModel.DataAnnotations;
using DialogueTracker.Web.Accounts;
using DialogueTracker.Web.Model;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DialogueTracker.Web.Pages.Account;

/// <summary>The signed-in user's page: who they are, and their API tokens.</summary>
[Authorize]
public sealed class IndexModel(UserManager<EditorUser> users, ApiTokens tokens) : PageModel
{
    public EditorUser Editor { get; private set; } = null!;
    public IList<string> Roles { get; private set; } = [];
    public IReadOnlyList<ApiToken> Tokens { get; private set; } = [];

    /// <summary>A token just made: shown this once, never again.</summary>
    public string? NewToken { get; private set; }

    [BindProperty, Required, StringLength(100), Display(Name = "Token name")]
    public string TokenName { get; set; } = "";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken) ? Page() : Challenge();

    public async Task<IActionResult> OnPostCreateTokenAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return Challenge();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        (NewToken, _) = await tokens.CreateAsync(Editor.Id, TokenName, cancellationToken);
        TokenName = "";
        ModelState.Clear();
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(int tokenId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return Challenge();
        }

        await tokens.RevokeAsync(Editor.Id, tokenId, cancellationToken);
        return RedirectToPage();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return false;
        }

        Editor = user;
        Roles = await users.GetRolesAsync(user);
        Tokens = await tokens.ListAsync(user.Id, cancellationToken);
        return true;
    }
}
