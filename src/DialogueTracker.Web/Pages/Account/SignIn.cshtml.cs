using System.ComponentModel.DataAnnotations;
using DialogueTracker.Web.Localization;
using DialogueTracker.Web.Model;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace DialogueTracker.Web.Pages.Account;

public sealed class SignInModel(SignInManager<EditorUser> signIn, UserManager<EditorUser> users, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty, Required, EmailAddress, Display(Name = "Email")]
    public string Email { get; set; } = "";

    [BindProperty, Required, DataType(DataType.Password), Display(Name = "Password")]
    public string Password { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = await users.FindByEmailAsync(Email.Trim());
        if (user?.DisabledAt is not null)
        {
            ModelState.AddModelError("", localizer["This account is disabled."]);
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(user?.UserName ?? Email.Trim(), Password, isPersistent: false, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            ModelState.AddModelError("", localizer["Too many failed attempts: this account is locked for a while."]);
            return Page();
        }

        if (!result.Succeeded)
        {
            ModelState.AddModelError("", localizer["The email or password is not right."]);
            return Page();
        }

        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
    }
}
