using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using DialogueTracker.Web.Model;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace DialogueTracker.Tests.Operations;

/// <summary>Another process holds the write lock past the busy timeout: a write answers 503 "busy", reads carry on.</summary>
public sealed class BusyTests(DialogueTrackerFactory factory) : IClassFixture<DialogueTrackerFactory>
{
    [Fact]
    public async Task A_write_that_waits_out_the_busy_timeout_is_a_503_problem_and_reads_carry_on()
    {
        var (_, token) = await factory.CreateEditorAsync(Roles.Editor);
        var client = factory.CreateClient();
        await using var scope = factory.CreateScope(out var db);
        var revisions = await db.Revisions.CountAsync();

        HttpRequestMessage Create(string slug)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/topics")
            {
                Content = JsonContent.Create(new
                {
                    slug, nameEn = "Held up", nameVi = "Bị chặn",
                    citations = new[] { new { source = "seed-vi-eu-delegation-dialogue-page", quote = "Vòng thứ 9" } },
                }),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return request;
        }

        await using (var other = new SqliteConnection(AppProcess.Connection(factory.DatabasePath)))
        {
            await other.OpenAsync();
            await using var hold = other.CreateCommand();
            hold.CommandText = "BEGIN IMMEDIATE;";
            await hold.ExecuteNonQueryAsync();

            using var read = await client.GetAsync("/api/v1/topics");
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);

            using var write = await client.SendAsync(Create("held-up"));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, write.StatusCode);
            Assert.Equal("application/problem+json", write.Content.Headers.ContentType?.MediaType);
            Assert.Equal("5", write.Headers.GetValues("Retry-After").Single());
            var problem = await write.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Contains("busy", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
            Assert.DoesNotContain("locked", problem.GetRawText(), StringComparison.OrdinalIgnoreCase);

            hold.CommandText = "ROLLBACK;";
            await hold.ExecuteNonQueryAsync();
        }

        Assert.Equal(revisions, await db.Revisions.CountAsync());
        using var again = await client.SendAsync(Create("held-up"));
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
    }
}
