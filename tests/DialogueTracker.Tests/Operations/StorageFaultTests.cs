using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using DialogueTracker.Tests.Pages;
using DialogueTracker.Web.Model;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace DialogueTracker.Tests.Operations;

/// <summary>
/// A full disk and a read-only database, for real (a small tmpfs, a read-only bind mount): writes answer 503 problems
/// that say so, reads carry on, and nothing is damaged. Mounting needs root, as CI runs.
/// </summary>
public sealed class StorageFaultTests
{
    private sealed class AppOn(string databasePath) : DialogueTrackerFactory(databasePath);

    // A tenth of the write API's body limit per record: a few writes fill any slack in the WAL.
    private static readonly object[] Citations = [new { source = "seed-vi-eu-delegation-dialogue-page", quote = "Vòng thứ 9" }];

    private static readonly string LongText = string.Concat(Enumerable.Repeat("Tự do ngôn luận và báo chí. ", 1000));

    [Fact]
    public async Task A_full_disk_makes_writes_503_problems_while_reads_carry_on_and_nothing_is_damaged()
    {
        var disk = Mounts.Tmpfs(megabytes: 16);
        var path = Path.Combine(disk, "dialoguetracker.db");
        var acknowledged = new List<string>();
        try
        {
            await using (var app = new AppOn(path))
            {
                var (_, token) = await app.CreateEditorAsync(Roles.Editor);
                var editor = await EditorSession.SignedInAsync(app, Roles.Editor);
                var client = app.CreateClient();
                var revisionsBefore = await CountRevisionsAsync(app);

                var filler = FillDisk(disk);

                HttpResponseMessage? refused = null;
                for (var i = 0; i < 50 && refused is null; i++)
                {
                    var response = await PostTopicAsync(client, token, $"full-disk-{i}");
                    if (response.StatusCode == HttpStatusCode.Created)
                    {
                        acknowledged.Add($"full-disk-{i}");
                    }
                    else
                    {
                        refused = response;
                    }
                }

                Assert.True(refused is not null, "50 writes of 30 KB fitted on a full disk");
                var problem = await AssertUnavailableAsync(refused, "disk is full");
                Assert.Equal(60, int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture));
                Assert.DoesNotContain("SQLite", problem.GetRawText(), StringComparison.OrdinalIgnoreCase);

                await AssertReadsWorkAsync(client);

                // An editor's form says what happened and keeps what was typed.
                using var form = await editor.SubmitAsync("/topics/new", "form.edit-form", new Dictionary<string, string>
                {
                    ["Input.Slug"] = "typed-on-a-full-disk", ["Input.NameEn"] = "Typed on a full disk", ["Input.NameVi"] = "Gõ khi ổ đĩa đầy",
                    ["Input.Citations[0].Source"] = "seed-vi-eu-delegation-dialogue-page", ["Input.Citations[0].Quote"] = "Vòng thứ 9",
                });
                Assert.Equal(HttpStatusCode.ServiceUnavailable, form.StatusCode);
                var page = await HtmlTestExtensions.ParseAsync(await form.Content.ReadAsStringAsync());
                Assert.Contains("Nothing was saved", page.QuerySelector(".form-errors").Text(), StringComparison.Ordinal);
                Assert.Equal("typed-on-a-full-disk", page.QuerySelector("input[name='Input.Slug']")?.GetAttribute("value"));

                // Other forms: the error page says so, as a 503.
                using var tokenForm = await editor.SubmitAsync("/account", "form.inline-form", new Dictionary<string, string> { ["TokenName"] = "on a full disk" });
                Assert.Equal(HttpStatusCode.ServiceUnavailable, tokenForm.StatusCode);
                Assert.True(tokenForm.Headers.Contains("Retry-After"));
                var errorPage = await HtmlTestExtensions.ParseAsync(await tokenForm.Content.ReadAsStringAsync());
                Assert.Equal("Nothing was saved", errorPage.QuerySelector("h1").Text());

                // Space again: writes work again without a restart.
                File.Delete(filler);
                using var after = await PostTopicAsync(client, token, "after-the-disk-was-freed");
                Assert.Equal(HttpStatusCode.Created, after.StatusCode);
                acknowledged.Add("after-the-disk-was-freed");

                await using var scope = app.CreateScope(out var db);
                Assert.Equal(revisionsBefore + acknowledged.Count, await db.Revisions.CountAsync());
                Assert.False(await db.Topics.AnyAsync(t => t.Slug == "typed-on-a-full-disk"));
            }

            Assert.Equal("ok", await AppProcess.IntegrityCheckAsync(path));
            await AssertTopicsWithRevisionsAsync(path, acknowledged);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Mounts.Unmount(disk);
        }
    }

    [Fact]
    public async Task A_read_only_database_serves_reads_and_answers_writes_with_503_problems()
    {
        var folder = Directory.CreateTempSubdirectory("dialoguetracker-ro-source-").FullName;
        var path = Path.Combine(folder, "dialoguetracker.db");
        string? view = null;
        try
        {
            string editorToken, adminToken;
            await using (var setup = new AppOn(path))
            {
                (_, editorToken) = await setup.CreateEditorAsync(Roles.Editor);
                (_, adminToken) = await setup.CreateEditorAsync(Roles.Admin);
            }

            // Another process keeps the database open for writing, so its WAL files exist: read-only WAL readers need them.
            await using var writer = new SqliteConnection(AppProcess.Connection(path));
            await writer.OpenAsync();
            await using (var command = writer.CreateCommand())
            {
                command.CommandText = "SELECT count(*) FROM Topics;";
                await command.ExecuteScalarAsync();
            }

            view = Mounts.ReadOnlyView(folder);
            await using (var app = new AppOn(Path.Combine(view, "dialoguetracker.db")))
            {
                var client = app.CreateClient();
                var revisionsBefore = await CountRevisionsAsync(app);
                await AssertReadsWorkAsync(client);

                using var created = await PostTopicAsync(client, editorToken, "written-to-a-read-only-file");
                await AssertUnavailableAsync(created, "read-only");

                using var topic = await client.GetAsync("/api/v1/topics/death-penalty");
                using var update = new HttpRequestMessage(HttpMethod.Put, "/api/v1/topics/death-penalty")
                {
                    Content = JsonContent.Create(new { slug = "death-penalty", nameEn = "Capital punishment", nameVi = "Án tử hình", citations = Citations }),
                };
                update.Headers.Authorization = new AuthenticationHeaderValue("Bearer", editorToken);
                update.Headers.IfMatch.Add(topic.Headers.ETag!);
                await AssertUnavailableAsync(await client.SendAsync(update), "read-only");

                using var import = new HttpRequestMessage(HttpMethod.Post, "/api/v1/import")
                {
                    Content = JsonContent.Create(new { format = "dialoguetracker/1", topics = new[] { new { slug = "imported-read-only", nameEn = "x", nameVi = "x", citations = Citations } } }),
                };
                import.Headers.Authorization = new AuthenticationHeaderValue("Bearer", adminToken);
                await AssertUnavailableAsync(await client.SendAsync(import), "read-only");

                Assert.Equal(revisionsBefore, await CountRevisionsAsync(app));
            }

            await writer.CloseAsync();
            Assert.Equal("ok", await AppProcess.IntegrityCheckAsync(path));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            if (view is not null)
            {
                Mounts.Unmount(view);
            }

            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<HttpResponseMessage> PostTopicAsync(HttpClient client, string token, string slug)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/topics?summary={slug}")
        {
            Content = JsonContent.Create(new { slug, nameEn = $"Topic {slug}", nameVi = $"Chủ đề {slug}", descriptionEn = LongText, citations = Citations }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.SendAsync(request);
    }

    /// <summary>A 503 problem that names its request and says why, in plain words.</summary>
    private static async Task<JsonElement> AssertUnavailableAsync(HttpResponseMessage response, string why)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"{(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.Contains("Retry-After"));
        var problem = JsonSerializer.Deserialize<JsonElement>(body);
        Assert.Equal(503, problem.GetProperty("status").GetInt32());
        Assert.Contains(why, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(response.Headers.GetValues("X-Request-Id").Single(), problem.GetProperty("requestId").GetString());
        return problem;
    }

    private static async Task AssertReadsWorkAsync(HttpClient client)
    {
        foreach (var url in new[] { "/api/v1/topics", "/api/v1/timeline", "/api/v1/search?q=death", "/topics", "/", "/health/ready" })
        {
            using var response = await client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url}: {(int)response.StatusCode}");
        }
    }

    private static async Task<int> CountRevisionsAsync(DialogueTrackerFactory app)
    {
        await using var scope = app.CreateScope(out var db);
        return await db.Revisions.CountAsync();
    }

    /// <summary>Writes a file until the file system has no space left, and returns it.</summary>
    private static string FillDisk(string folder)
    {
        var filler = Path.Combine(folder, "filler");
        var chunk = new byte[64 * 1024];
        using var stream = new FileStream(filler, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0);
        for (var size = chunk.Length; size >= 512; size /= 2)
        {
            try
            {
                while (true)
                {
                    stream.Write(chunk, 0, size);
                }
            }
            catch (IOException)
            {
                // No space for this much: try smaller pieces of what is left.
            }
        }

        return filler;
    }

    /// <summary>Every acknowledged topic is in the file, with the revision that created it.</summary>
    internal static async Task AssertTopicsWithRevisionsAsync(string path, IReadOnlyCollection<string> slugs)
    {
        await using var db = new DialogueTracker.Web.Data.DialogueDbContext(
            new DbContextOptionsBuilder<DialogueTracker.Web.Data.DialogueDbContext>().UseSqlite(AppProcess.Connection(path)).Options);
        var found = await db.Topics.Where(t => slugs.Contains(t.Slug)).Select(t => t.Slug).ToListAsync();
        var revised = await db.Revisions.Where(r => r.RecordType == RecordType.Topic && slugs.Contains(r.RecordKey)).Select(r => r.RecordKey).Distinct().ToListAsync();
        Assert.Empty(slugs.Except(found));
        Assert.Empty(slugs.Except(revised));
    }
}
