using System.Net;
using DialogueTracker.Tests.Api;
using DialogueTracker.Tests.Pages;
using DialogueTracker.Web.Cli;
using DialogueTracker.Web.Model;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace DialogueTracker.Tests.Accounts;

public sealed class BootstrapAdminFactory : DialogueTrackerFactory
{
    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Bootstrap:AdminEmail"] = "first-admin@example.org",
        ["Bootstrap:AdminPassword"] = "the first admin's long passphrase",
    };
}

public sealed class AccountsTests(BootstrapAdminFactory factory) : IClassFixture<BootstrapAdminFactory>
{
    [Fact]
    public async Task No_account_ships_but_configuration_can_make_the_first_admin()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<EditorUser>>();

        // Other tests in this class add admins of their own; the configured one is there from the start.
        var first = await users.FindByEmailAsync("first-admin@example.org");

        Assert.NotNull(first);
        Assert.True(await users.IsInRoleAsync(first, Roles.Admin));
        Assert.True(await users.CheckPasswordAsync(first, "the first admin's long passphrase"));
        Assert.Equal(first.Id, users.Users.AsEnumerable().MinBy(u => u.CreatedAt)!.Id);
    }

    [Fact]
    public async Task The_create_admin_command_reads_the_password_from_the_environment()
    {
        Environment.SetEnvironmentVariable(CreateAdminCommand.PasswordVariable, "a password from the environment");
        try
        {
            var exit = await CreateAdminCommand.RunAsync(factory.Services, ["--email", "cli-admin@example.org"]);

            Assert.Equal(0, exit);
        }
        finally
        {
            Environment.SetEnvironmentVariable(CreateAdminCommand.PasswordVariable, null);
        }

        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<EditorUser>>();
        var admin = await users.FindByEmailAsync("cli-admin@example.org");
        Assert.NotNull(admin);
        Assert.True(await users.IsInRoleAsync(admin, Roles.Admin));
        Assert.True(await users.CheckPasswordAsync(admin, "a password from the environment"));
        Assert.Equal(2, await CreateAdminCommand.RunAsync(factory.Services, ["--email", "not-an-email"]));
    }

    [Fact]
    public async Task An_admin_invites_an_editor_who_sets_a_password_and_can_be_disabled()
    {
        var admin = await EditorSession.SignedInAsync(factory, Roles.Admin);
        using var invited = await admin.SubmitAsync("/admin/users", "form.inline-form", new Dictionary<string, string> { ["Email"] = "new-editor@example.org", ["Role"] = "Editor" });
        var page = await HtmlTestExtensions.ParseAsync(await invited.Content.ReadAsStringAsync());
        var link = new Uri(page.QuerySelector("#invitation-link").Text());

        var newcomer = new EditorSession(factory);
        using var set = await newcomer.SubmitAsync(link.PathAndQuery, "form.form", new Dictionary<string, string> { ["Password"] = "my own long passphrase" });
        Assert.Contains("Your password is set", await set.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var signedIn = await newcomer.SignInAsync("new-editor@example.org", "my own long passphrase");
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);

        var users = await admin.GetPageAsync("/admin/users");
        var row = users.QuerySelectorAll("tbody tr").Single(r => r.Text().Contains("new-editor@example.org", StringComparison.Ordinal));
        using var disabled = await admin.SubmitAsync("/admin/users", $"form[action*='{row.QuerySelector("form")!.GetAttribute("action")!.Split("id=")[1]}']", new Dictionary<string, string>());
        var again = new EditorSession(factory);
        using var refused = await again.SignInAsync("new-editor@example.org", "my own long passphrase");
        Assert.Contains("disabled", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_openapi_document_asks_for_a_bearer_token_only_on_writes()
    {
        var document = await factory.CreateClient().GetJsonAsync("/swagger/v1/swagger.json");
        var rounds = document.GetProperty("paths").GetProperty("/api/v1/rounds");

        Assert.True(rounds.GetProperty("post").TryGetProperty("security", out _));
        Assert.False(rounds.GetProperty("get").TryGetProperty("security", out _));
        Assert.Equal("bearer", document.GetProperty("components").GetProperty("securitySchemes").GetProperty("bearer").GetProperty("scheme").GetString());
    }
}
