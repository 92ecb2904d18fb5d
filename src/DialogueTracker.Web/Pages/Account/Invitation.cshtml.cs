using System.ComponentModel.DataAnnotations;
using DialogueTracker.Web.Localization;
using DialogueTracker.Web.Model;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace DialogueTracker.Web.Pages.Account;

/// <summary>An invited editor chooses a password through the link an admin gave them.</summary>
public sealed class InvitationModel(UserManager<EditorUser> users, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "user")] public string? UserId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Code { get; set; }

    [BindProperty, Required, StringLength(200, MinimumLength = 12), DataType(DataType.Password), Display(Name = "Password")]
    public string Password { get; set; } = "";

    public bool Done { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = UserId is null ? null : await users.FindByIdAsync(UserId);
        if (user is null || Code is null)
        {
            ModelState.AddModelError("", localizer["This invitation link is not valid."]);
            return Page();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await users.ResetPasswordAsync(user, Code, Password);
        foreach (var error in result.Errors)
        {
            ModelState.AddModelError(error.Code.Contains("Token", StringComparison.Ordinal) ? "" : nameof(Password), error.Description);
        }

        Done = result.Succeeded;
        return Page();
    }
}
