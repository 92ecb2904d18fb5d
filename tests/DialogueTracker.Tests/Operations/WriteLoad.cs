using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using DialogueTracker.Web.Data;
using DialogueTracker.Web.Model;
using Microsoft.EntityFrameworkCore;

namespace DialogueTracker.Tests.Operations;

/// <summary>
/// Several API clients writing at once, each creating its own topics and updating them with If-Match, until stopped.
/// Every write carries a unique edit summary, so its revision can be found; acknowledged (2xx) writes are remembered.
/// </summary>
internal sealed class WriteLoad(Func<HttpClient> createClient, string token, string prefix)
{
    private static readonly object[] Citations = [new { source = "seed-vi-eu-delegation-dialogue-page", quote = "Vòng thứ 9" }];

    /// <summary>Writes answered 2xx: the topic and the summary of its revision.</summary>
    public ConcurrentBag<(string Slug, string Summary)> Acknowledged { get; } = [];

    /// <summary>Writes that got no answer: the connection broke (the process was killed) before one came.</summary>
    public int Unanswered => _unanswered;

    /// <summary>Answers other than 2xx, which no test expects: "status method url body".</summary>
    public ConcurrentBag<string> Failures { get; } = [];

    private int _unanswered;

    public Task RunAsync(int clients, CancellationToken stop) =>
        Task.WhenAll(Enumerable.Range(0, clients).Select(c => Task.Run(() => ClientAsync($"{prefix}-c{c}", stop))));

    private async Task ClientAsync(string name, CancellationToken stop)
    {
        using var client = createClient();
        string? slug = null;
        string? etag = null;
        for (var n = 0; !stop.IsCancellationRequested; n++)
        {
            var summary = $"{name}-w{n}";
            var update = slug is not null && n % 2 == 1;
            var target = update ? slug! : $"{name}-{n}";
            using var request = new HttpRequestMessage(update ? HttpMethod.Put : HttpMethod.Post,
                update ? $"/api/v1/topics/{target}?summary={summary}" : $"/api/v1/topics?summary={summary}")
            {
                Content = JsonContent.Create(new { slug = target, nameEn = $"Topic {target} ({summary})", nameVi = $"Chủ đề {target}", citations = Citations }),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            if (update)
            {
                request.Headers.TryAddWithoutValidation("If-Match", etag);
            }

            HttpResponseMessage response;
            try
            {
                response = await client.SendAsync(request, CancellationToken.None);
            }
            catch (HttpRequestException)
            {
                Interlocked.Increment(ref _unanswered);
                return;
            }

            using (response)
            {
                if (response.IsSuccessStatusCode)
                {
                    Acknowledged.Add((target, summary));
                    (slug, etag) = (target, response.Headers.ETag!.Tag);
                }
                else
                {
                    Failures.Add($"{(int)response.StatusCode} {request.Method} {request.RequestUri} {await response.Content.ReadAsStringAsync(CancellationToken.None)}");
                    return;
                }
            }
        }
    }

    /// <summary>
    /// Checks a database file: <c>PRAGMA integrity_check</c> is ok; every acknowledged write has its revision; each of
    /// this load's topics was written whole (the record and its create revision, or neither); each reads as its last revision says.
    /// </summary>
    public Task AssertAllThereAsync(string databasePath) => AssertAllThereAsync(databasePath, prefix, [.. Acknowledged]);

    /// <inheritdoc cref="AssertAllThereAsync(string)"/>
    public static async Task AssertAllThereAsync(string databasePath, string prefix, IReadOnlyCollection<(string Slug, string Summary)> acknowledged)
    {
        Assert.Equal("ok", await AppProcess.IntegrityCheckAsync(databasePath));
        await using var db = new DialogueDbContext(new DbContextOptionsBuilder<DialogueDbContext>().UseSqlite(AppProcess.Connection(databasePath)).Options);
        await AssertAllThereAsync(db, prefix, acknowledged);
    }

    /// <summary>The same checks but the file's integrity, on any database.</summary>
    public Task AssertAllThereAsync(DialogueDbContext db) => AssertAllThereAsync(db, prefix, [.. Acknowledged]);

    private static async Task AssertAllThereAsync(DialogueDbContext db, string prefix, IReadOnlyCollection<(string Slug, string Summary)> acknowledged)
    {
        var revisions = await db.Revisions.AsNoTracking()
            .Where(r => r.RecordType == RecordType.Topic && r.RecordKey.StartsWith(prefix))
            .OrderBy(r => r.Id).ToListAsync();
        var topics = await db.Topics.AsNoTracking().Where(t => t.Slug.StartsWith(prefix)).ToDictionaryAsync(t => t.Slug);

        var summaries = revisions.Select(r => (r.RecordKey, r.Summary!)).ToHashSet();
        var missing = acknowledged.Where(w => !summaries.Contains(w)).ToList();
        Assert.True(missing.Count == 0, $"{missing.Count} of {acknowledged.Count} acknowledged writes are lost: {string.Join(", ", missing.Take(10))}");

        var created = revisions.Where(r => r.Action == RevisionAction.Create).Select(r => r.RecordKey).ToHashSet();
        Assert.True(created.SetEquals(topics.Keys), "a topic and its create revision were not written together");
        foreach (var (slug, topic) in topics)
        {
            var last = revisions.Last(r => r.RecordKey == slug);
            Assert.Contains(topic.NameEn, last.After, StringComparison.Ordinal);
        }
    }
}
