using System.Net;
using DialogueTracker.Tests.Api;
using DialogueTracker.Tests.Operations;
using DialogueTracker.Tests.Pages;
using StackExchange.Redis;

namespace DialogueTracker.Tests.Postgres;

/// <summary>
/// Two real app processes on one PostgreSQL database and one Redis, as behind a load balancer: the first migrates, the
/// second only serves (Database:Migrate=false). What one instance writes, the other never serves stale; a sign-in and
/// a form's antiforgery token made by one are taken by the other.
/// </summary>
public sealed class TwoInstancesTests : IAsyncLifetime
{
    private const string AdminEmail = "admin@example.org";
    private readonly string _database = PostgresServer.Shared.CreateDatabase();
    // A home folder each, as on two machines: Data Protection would otherwise share keys through ~/.aspnet.
    private readonly string[] _homes = [Directory.CreateTempSubdirectory("dialoguetracker-home-").FullName, Directory.CreateTempSubdirectory("dialoguetracker-home-").FullName];
    private AppProcess? _first;
    private AppProcess? _second;

    private AppProcess First => _first!;
    private AppProcess Second => _second!;

    public async Task InitializeAsync()
    {
        string[] shared =
        [
            "--Database:Provider=Postgres", $"--ConnectionStrings:DialogueTracker={PostgresServer.Shared.ConnectionString(_database)}",
            $"--ConnectionStrings:Redis={RedisServer.Shared.Configuration}",
        ];
        _first = await AppProcess.StartWithSettingsAsync(_homes[0], [.. shared, $"--Bootstrap:AdminEmail={AdminEmail}", $"--Bootstrap:AdminPassword={DialogueTrackerFactory.TestPassword}"]);
        _second = await AppProcess.StartWithSettingsAsync(_homes[1], [.. shared, "--Database:Migrate=false"]);
    }

    [Fact]
    public async Task An_edit_through_one_instance_is_read_through_the_other_though_both_had_cached_it()
    {
        using var second = Second.CreateClient();
        var before = (await second.GetJsonAsync("/api/v1/rounds/4")).Str("titleEn");
        Assert.Equal(before, (await second.GetJsonAsync("/api/v1/rounds/4")).Str("titleEn"));
        Assert.Contains(WebUtility.HtmlEncode(before), await second.GetStringAsync("/rounds/4"), StringComparison.Ordinal);
        Assert.Contains(WebUtility.HtmlEncode(before), await second.GetStringAsync("/rounds/4"), StringComparison.Ordinal);
        Assert.True(await CachedResponsesAsync() > 0, "the output cache should be in Redis");

        var editor = await SignedInOnFirstAsync();
        using (var saved = await editor.SubmitAsync(new Uri(First.BaseAddress, "/rounds/4/edit").ToString(), "form.edit-form",
            new Dictionary<string, string> { ["Input.TitleEn"] = "9th round, edited through the first instance" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        // At once: the first instance evicted the shared cache before it answered.
        Assert.Equal("9th round, edited through the first instance", (await second.GetJsonAsync("/api/v1/rounds/4")).Str("titleEn"));
        Assert.Contains("9th round, edited through the first instance", await second.GetStringAsync("/rounds/4"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sign_in_and_a_form_from_one_instance_are_accepted_by_the_other()
    {
        var editor = await SignedInOnFirstAsync();

        // The form (and its antiforgery token) comes from the first instance, the post goes to the second.
        using (var saved = await editor.SubmitAsync(new Uri(First.BaseAddress, "/rounds/3/edit").ToString(), "form.edit-form",
            new Dictionary<string, string> { ["Input.TitleEn"] = "Enhanced dialogue, saved through the second instance" },
            postTo: new Uri(Second.BaseAddress, "/rounds/3/edit")))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
            Assert.DoesNotContain("sign-in", saved.Headers.Location?.ToString() ?? "", StringComparison.Ordinal);
        }

        using var first = First.CreateClient();
        Assert.Equal("Enhanced dialogue, saved through the second instance", (await first.GetJsonAsync("/api/v1/rounds/3")).Str("titleEn"));
        // The second instance knows who is signed in: its account page answers, not a redirect to sign in.
        using var account = await editor.Client.GetAsync(new Uri(Second.BaseAddress, "/account"));
        Assert.Equal(HttpStatusCode.OK, account.StatusCode);
    }

    private async Task<EditorSession> SignedInOnFirstAsync()
    {
        var session = EditorSession.AcrossInstances();
        using var signedIn = await session.SubmitAsync(new Uri(First.BaseAddress, "/account/sign-in").ToString(), "form.sign-in-form",
            new Dictionary<string, string> { ["Email"] = AdminEmail, ["Password"] = DialogueTrackerFactory.TestPassword });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return session;
    }

    private static async Task<int> CachedResponsesAsync()
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(RedisServer.Shared.Configuration);
        return redis.GetServer(RedisServer.Shared.Configuration).Keys(pattern: "dialoguetracker:*").Count();
    }

    public async Task DisposeAsync()
    {
        foreach (var app in new[] { _second, _first })
        {
            if (app is not null)
            {
                await app.DisposeAsync();
            }
        }

        PostgresServer.Shared.DropDatabase(_database);
        foreach (var home in _homes)
        {
            Directory.Delete(home, recursive: true);
        }
    }
}
