using DialogueTracker.Web.Model;
using Microsoft.AspNetCore.Identity;

namespace DialogueTracker.Web.Accounts;

/// <summary>Roles exist from the start; the first admin comes from the command line or from configuration. No password ships.</summary>
public static class AdminBootstrap
{
    public static async Task EnsureRolesAsync(IServiceProvider services)
    {
        var roles = services.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
    }

    /// <summary>Creates an admin, or makes an existing user one and sets the password. Returns the errors, if any.</summary>
    public static async Task<IReadOnlyList<string>> CreateAdminAsync(IServiceProvider services, string email, string password)
    {
        await EnsureRolesAsync(services);
        var users = services.GetRequiredService<UserManager<EditorUser>>();
        var user = await users.FindByEmailAsync(email);
        IdentityResult result;
        if (user is null)
        {
            user = new EditorUser { UserName = email, Email = email, EmailConfirmed = true };
            result = await users.CreateAsync(user, password);
        }
        else
        {
            result = await users.RemovePasswordAsync(user);
            if (result.Succeeded)
            {
                result = await users.AddPasswordAsync(user, password);
            }
        }

        if (result.Succeeded && !await users.IsInRoleAsync(user, Roles.Admin))
        {
            result = await users.AddToRoleAsync(user, Roles.Admin);
        }

        return [.. result.Errors.Select(e => e.Description)];
    }

    /// <summary>On start: if <c>Bootstrap:AdminEmail</c> and <c>Bootstrap:AdminPassword</c> are set and no admin exists yet, create one.</summary>
    public static async Task CreateConfiguredAdminAsync(IServiceProvider services, IConfiguration configuration, ILogger logger)
    {
        var email = configuration["Bootstrap:AdminEmail"];
        var password = configuration["Bootstrap:AdminPassword"];
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrWhiteSpace(password))
        {
            return;
        }

        var users = services.GetRequiredService<UserManager<EditorUser>>();
        if ((await users.GetUsersInRoleAsync(Roles.Admin)).Count > 0)
        {
            return;
        }

        var errors = await CreateAdminAsync(services, email, password);
        if (errors.Count > 0)
        {
            throw new InvalidOperationException($"Bootstrap:AdminEmail could not be made an admin: {string.Join(" ", errors)}");
        }

        logger.LogInformation("Created the first admin, {Email}, from configuration", email);
    }
}
