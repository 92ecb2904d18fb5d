using System.Collections.Concurrent;
using DialogueTracker.Web.Model;

namespace DialogueTracker.Tests.Operations;

public sealed class UnlimitedFactory : DialogueTrackerFactory
{
    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["RateLimiting:WritesPerMinute"] = "0",
        ["RateLimiting:ReadsPerMinute"] = "0",
    };
}

/// <summary>Many readers and several writers at once, for a few seconds: nobody sees "database is locked" or a 5xx.</summary>
public class ConcurrencyTests : IClassFixture<UnlimitedFactory>
{
    private readonly DialogueTrackerFactory _factory;

    public ConcurrencyTests(UnlimitedFactory factory) : this((DialogueTrackerFactory)factory)
    {
    }

    /// <summary>For the same load on another database (PostgreSQL).</summary>
    protected ConcurrencyTests(DialogueTrackerFactory factory) => _factory = factory;

    private static readonly string[] ReadUrls =
    [
        "/api/v1/topics", "/api/v1/rounds", "/api/v1/statements?party=eu", "/api/v1/timeline?pageSize=100",
        "/api/v1/search?q=nhan%20quyen", "/api/v1/search?q=topic", "/api/v1/export", "/", "/topics", "/search?q=death", "/changes",
    ];

    [Fact]
    public async Task Readers_and_writers_at_once_never_meet_a_locked_database_or_a_server_error()
    {
        var (_, token) = await _factory.CreateEditorAsync(Roles.Editor);
        var writes = new WriteLoad(_factory.CreateClient, token, "concurrent");
        var failures = new ConcurrentBag<string>();
        var reads = 0;
        using var stop = new CancellationTokenSource();

        async Task ReadAsync(int reader)
        {
            using var client = _factory.CreateClient();
            for (var n = reader; !stop.IsCancellationRequested; n++)
            {
                var url = ReadUrls[n % ReadUrls.Length];
                using var response = await client.GetAsync(url, CancellationToken.None);
                var body = await response.Content.ReadAsStringAsync(CancellationToken.None);
                if ((int)response.StatusCode >= 500 || body.Contains("database is locked", StringComparison.OrdinalIgnoreCase))
                {
                    failures.Add($"{(int)response.StatusCode} GET {url}: {body[..Math.Min(300, body.Length)]}");
                }

                Interlocked.Increment(ref reads);
            }
        }

        var running = Task.WhenAll([writes.RunAsync(clients: 4, stop.Token), .. Enumerable.Range(0, 12).Select(r => Task.Run(() => ReadAsync(r)))]);

        // At least 3 s of contention, and until there were enough of both to mean something; never more than 30 s.
        var started = DateTime.UtcNow;
        while (!running.IsCompleted && DateTime.UtcNow - started < TimeSpan.FromSeconds(30)
            && (DateTime.UtcNow - started < TimeSpan.FromSeconds(3) || reads < 100 || writes.Acknowledged.Count < 20))
        {
            await Task.Delay(50);
        }

        await stop.CancelAsync();
        await running.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Empty(failures);
        Assert.Empty(writes.Failures);
        // A handful of each would prove little about contention.
        Assert.True(reads >= 100, $"only {reads} reads");
        Assert.True(writes.Acknowledged.Count >= 20, $"only {writes.Acknowledged.Count} writes");
        await AssertAllThereAsync(writes);
    }

    /// <summary>Every acknowledged write is there; on SQLite the file passes its integrity check too.</summary>
    private protected virtual Task AssertAllThereAsync(WriteLoad writes) => writes.AssertAllThereAsync(_factory.DatabasePath);
}
