using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using DialogueTracker.Tests.Api;
using DialogueTracker.Web.Data;
using DialogueTracker.Web.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace DialogueTracker.Tests.Operations;

/// <summary>A database made by the first release upgrades on start and keeps its data, which then reads, searches and edits.</summary>
public sealed class UpgradeTests : IDisposable
{
    private sealed class AppOn(string databasePath) : DialogueTrackerFactory(databasePath);

    private readonly string _path = Path.Combine(Path.GetTempPath(), $"dialoguetracker-upgrade-{Guid.NewGuid():N}.db");

    [Fact]
    public async Task A_database_from_the_first_release_is_migrated_on_start_and_keeps_its_records()
    {
        await using (var old = new DialogueDbContext(new DbContextOptionsBuilder<DialogueDbContext>().UseSqlite(AppProcess.Connection(_path)).Options))
        {
            var first = old.Database.GetMigrations().First();
            await old.GetService<IMigrator>().MigrateAsync(first);
            Assert.Equal([first], await old.Database.GetAppliedMigrationsAsync());
            // Written as the first release's schema had it: no versions, no revisions, no search index.
            await old.Database.ExecuteSqlRawAsync("""
                INSERT INTO Sources (Key, Title, Language, Kind) VALUES ('old-source', 'A source from the first release', 'en', 'web-page');
                INSERT INTO Topics (Slug, NameEn, NameVi) VALUES ('prison-visits', 'Prison visits by diplomats', 'Thăm nhà tù');
                """);
        }

        await using var app = new AppOn(_path);
        var client = app.CreateClient();

        await using (var scope = app.CreateScope(out var db))
        {
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            // The old database held a source, so the seed stayed out: only what was there is there.
            Assert.Equal(["old-source"], await db.Sources.Select(s => s.Key).ToListAsync());
        }

        using var topic = await client.GetAsync("/api/v1/topics/prison-visits");
        Assert.Equal(HttpStatusCode.OK, topic.StatusCode);
        Assert.Equal("Thăm nhà tù", (await topic.Content.ReadFromJsonAsync<JsonElement>()).Str("nameVi"));
        var found = await client.GetJsonAsync("/api/v1/search?q=tham%20nha%20tu");
        Assert.Equal("Prison visits by diplomats", found.Items().Single().Str("title"));

        var (_, token) = await app.CreateEditorAsync(Roles.Editor);
        using var update = new HttpRequestMessage(HttpMethod.Put, "/api/v1/topics/prison-visits")
        {
            Content = JsonContent.Create(new
            {
                slug = "prison-visits", nameEn = "Prison visits", nameVi = "Thăm nhà tù",
                citations = new[] { new { source = "old-source", quote = "visits" } },
            }),
        };
        update.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        update.Headers.IfMatch.Add(topic.Headers.ETag!);
        using var updated = await client.SendAsync(update);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
    }

    public void Dispose() => AppProcess.DeleteDatabase(_path);
}
