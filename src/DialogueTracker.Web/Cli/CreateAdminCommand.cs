using DialogueTracker.Web.Accounts;

namespace DialogueTracker.Web.Cli;

/// <summary>
/// <c>create-admin --email EMAIL</c>: makes the first admin (or resets an admin's password). The password
/// comes from <c>DIALOGUETRACKER_ADMIN_PASSWORD</c> or, failing that, the first line of standard input,
/// so it never appears in the command line or the shell history.
/// </summary>
public static class CreateAdminCommand
{
    public const string PasswordVariable = "DIALOGUETRACKER_ADMIN_PASSWORD";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        var emailAt = Array.IndexOf(args, "--email");
        var email = emailAt >= 0 && emailAt + 1 < args.Length ? args[emailAt + 1] : null;
        if (string.IsNullOrWhiteSpace(email) || !email.Contains('@', StringComparison.Ordinal))
        {
            await Console.Error.WriteLineAsync("Usage: create-admin --email EMAIL   (password from $" + PasswordVariable + " or standard input)");
            return 2;
        }

        var password = Environment.GetEnvironmentVariable(PasswordVariable);
        if (string.IsNullOrEmpty(password))
        {
            if (!Console.IsInputRedirected)
            {
                await Console.Out.WriteAsync($"Password for {email}: ");
            }

            password = (await Console.In.ReadLineAsync())?.TrimEnd('\r', '\n');
        }

        if (string.IsNullOrEmpty(password))
        {
            await Console.Error.WriteLineAsync($"No password given: set ${PasswordVariable} or pipe it on standard input.");
            return 2;
        }

        await using var scope = services.CreateAsyncScope();
        var errors = await AdminBootstrap.CreateAdminAsync(scope.ServiceProvider, email.Trim(), password);
        if (errors.Count > 0)
        {
            await Console.Error.WriteLineAsync($"Could not create the admin: {string.Join(" ", errors)}");
            return 1;
        }

        await Console.Out.WriteLineAsync($"{email} is an admin. Sign in at /account/sign-in.");
        return 0;
    }
}
