using System.ComponentModel.DataAnnotations;
using DialogueTracker.Web.Accounts;
using DialogueTracker.Web.Localization;
using DialogueTracker.Web.Model;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace DialogueTracker.Web.Pages.Admin;

/// <summary>Admins invite editors (an invitation link sets the password) and disable or re-enable accounts.</summary>
[Authorize(Policy = AccountsSetup.IsAdmin)]
public sealed class UsersModel(UserManager<EditorUser> users, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public IReadOnlyList<(EditorUser User, IList<string> Roles)> People { get; private set; } = [];

    /// <summary>The link to give a newly invited editor.</summary>
    public string? InvitationLink { get; private set; }

    [BindProperty, Required, EmailAddress, Display(Name = "Email")]
    public string Email { get; set; } = "";

    [BindProperty]
    public string Role { get; set; } = Roles.Editor;

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostInviteAsync()
    {
        if (!Roles.All.Contains(Role))
        {
            ModelState.AddModelError(nameof(Role), localizer["Choose Editor or Admin."]);
        }

        if (ModelState.IsValid && await users.FindByEmailAsync(Email.Trim()) is not null)
        {
            ModelState.AddModelError(nameof(Email), localizer["Someone already has this email."]);
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return Page();
        }

        var user = new EditorUser { UserName = Email.Trim(), Email = Email.Trim(), EmailConfirmed = true };
        var created = await users.CreateAsync(user);
        if (created.Succeeded)
        {
            await users.AddToRoleAsync(user, Role);
            var code = await users.GeneratePasswordResetTokenAsync(user);
            InvitationLink = $"{Request.Scheme}://{Request.Host}{Request.PathBase}/account/invitation?user={Uri.EscapeDataString(user.Id)}&code={Uri.EscapeDataString(code)}";
            ModelState.Clear();
            Email = "";
        }
        else
        {
            foreach (var error in created.Errors)
            {
                ModelState.AddModelError(nameof(Email), error.Description);
            }
        }

        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync(string id) => await SetDisabledAsync(id, disabled: true);

    public async Task<IActionResult> OnPostEnableAsync(string id) => await SetDisabledAsync(id, disabled: false);

    private async Task<IActionResult> SetDisabledAsync(string id, bool disabled)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null || user.Id == users.GetUserId(User))
        {
            return RedirectToPage();
        }

        user.DisabledAt = disabled ? DateTimeOffset.UtcNow : null;
        await users.UpdateAsync(user);
        // Disabling also locks the account and ends its sessions at their next check.
        await users.SetLockoutEndDateAsync(user, disabled ? DateTimeOffset.MaxValue : null);
        await users.UpdateSecurityStampAsync(user);
        return RedirectToPage();
    }

    private async Task LoadAsync()
    {
        var all = await users.Users.OrderBy(u => u.Email).ToListAsync();
        var people = new List<(EditorUser, IList<string>)>();
        foreach (var user in all)
        {
            people.Add((user, await users.GetRolesAsync(user)));
        }

        People = people;
    }
}
