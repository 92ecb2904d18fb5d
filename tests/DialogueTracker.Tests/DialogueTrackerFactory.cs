using DialogueTracker.Web.Accounts;
using DialogueTracker.Web.Data;
using DialogueTracker.Web.Model;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace DialogueTracker.Tests;

/// <summary>
/// The real app on a fresh SQLite file of its own, created, migrated and seeded on start exactly as in production.
/// </summary>
public class DialogueTrackerFactory : WebApplicationFactory<Program>
{
    private readonly string _databasePath;
    private readonly bool _ownsDatabase;

    public DialogueTrackerFactory()
    {
        _databasePath = Path.Combine(Path.GetTempPath(), $"dialoguetracker-test-{Guid.NewGuid():N}.db");
        _ownsDatabase = true;
    }

    /// <summary>The app on a database file the test provides (an old schema, a small disk), which it also cleans up.</summary>
    protected DialogueTrackerFactory(string databasePath) => _databasePath = databasePath;

    public string DatabasePath => _databasePath;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting($"ConnectionStrings:{DatabaseSetup.ConnectionStringName}", $"Data Source={_databasePath}");
        builder.UseSetting("Serilog:MinimumLevel:Default", Environment.GetEnvironmentVariable("TEST_LOG_LEVEL") ?? "Warning");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>Extra configuration for a factory of a particular kind (tighter rate limits, say).</summary>
    protected virtual IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>();

    /// <summary>Makes a user in <paramref name="role"/> with an API token, as an admin would.</summary>
    public async Task<(EditorUser User, string Token)> CreateEditorAsync(string role, string? email = null)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<EditorUser>>();
        var user = new EditorUser { UserName = email ?? $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@example.org", EmailConfirmed = true };
        user.Email = user.UserName;
        var created = await users.CreateAsync(user, TestPassword);
        Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => e.Description)));
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        var (token, _) = await scope.ServiceProvider.GetRequiredService<ApiTokens>().CreateAsync(user.Id, "tests", default);
        return (user, token);
    }

    public const string TestPassword = "correct horse battery staple";

    /// <summary>A database context on the app's own database, for arranging and checking data.</summary>
    public AsyncServiceScope CreateScope(out DialogueDbContext db)
    {
        var scope = Services.CreateAsyncScope();
        db = scope.ServiceProvider.GetRequiredService<DialogueDbContext>();
        return scope;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
        if (!_ownsDatabase)
        {
            return;
        }

        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(_databasePath + suffix);
        }
    }
}
