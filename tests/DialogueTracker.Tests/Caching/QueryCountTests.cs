using System.Data.Common;
using DialogueTracker.Web.Data;
using DialogueTracker.Web.Import;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace DialogueTracker.Tests.Caching;

/// <summary>Counts the SQL commands the app sends; the output cache is off so every request reaches the database.</summary>
public sealed class CountingFactory : DialogueTrackerFactory
{
    public CommandCounter Counter { get; } = new();

    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string> { ["Caching:Minutes"] = "0", ["Search:CachedResults"] = "0" };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.ConfigureDbContext<DialogueDbContext>(options => options.AddInterceptors(Counter)));
    }
}

public sealed class CommandCounter : DbCommandInterceptor
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    /// <summary>The commands' SQL, for a failure message that says what the extra query was.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<string> Texts { get; } = new();

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _count);
        Texts.Enqueue(command.CommandText);
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _count);
        Texts.Enqueue(command.CommandText);
        return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
    }
}

/// <summary>No N+1: a page of 40 records costs the same number of SQL commands as a page of 2.</summary>
public sealed class QueryCountTests(CountingFactory factory) : IClassFixture<CountingFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private async Task AddRecordsAsync()
    {
        await using var scope = factory.CreateScope(out var db);
        if (await db.Statements.AnyAsync(s => s.Key.StartsWith("count-")))
        {
            return;
        }

        CitationRecord[] cite = [new() { Source = "seed-vi-eu-delegation-dialogue-page", Quote = "Đối thoại" }, new() { Source = "seed-en-spokesperson-eu-report-2020" }];
        var dataset = new Dataset
        {
            Rounds = [.. Enumerable.Range(1, 40).Select(i => new RoundRecord
            {
                Key = $"count-round-{i}", Mechanism = "human-rights-dialogue", Kind = "round", Date = $"{1990 + i % 30}-0{1 + i % 9}-1{i % 9}",
                TitleEn = $"Round {i} on human rights", Topics = i == 1 ? ["child-labour"] : ["death-penalty", "human-rights"], Citations = [.. cite],
            })],
            Statements = [.. Enumerable.Range(1, 40).Select(i => new StatementRecord
            {
                Key = $"count-statement-{i}", Party = i % 2 == 0 ? "eu" : "viet-nam", Date = $"{1990 + i % 30}", Round = $"count-round-{i}",
                TitleEn = $"Statement {i} on human rights", Language = "en", Topics = ["death-penalty", "freedom-of-expression"], Citations = [.. cite],
            })],
        };
        var result = await scope.ServiceProvider.GetRequiredService<DatasetImporter>().ImportAsync(dataset, dryRun: false);
        Assert.True(result.Succeeded, string.Join("; ", result.Problems));
    }

    private async Task<(int Count, List<string> Texts)> CommandsForAsync(string url)
    {
        await _client.GetAsync(url); // warm: first-use lookups, cached per process, do not count
        factory.Counter.Texts.Clear();
        var before = factory.Counter.Count;
        using var response = await _client.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode}");
        return (factory.Counter.Count - before, [.. factory.Counter.Texts]);
    }

    [Theory]
    [InlineData("/api/v1/statements?pageSize=2", "/api/v1/statements?pageSize=40")]
    [InlineData("/api/v1/rounds?pageSize=2", "/api/v1/rounds?pageSize=40")]
    [InlineData("/api/v1/timeline?pageSize=2", "/api/v1/timeline?pageSize=40")]
    [InlineData("/api/v1/search?q=human+rights&pageSize=2", "/api/v1/search?q=human+rights&pageSize=40")]
    [InlineData("/api/v1/concerns?pageSize=1", "/api/v1/concerns?pageSize=40")]
    [InlineData("/?party=viet-nam&from=2019", "/?party=viet-nam")]
    [InlineData("/topics/child-labour", "/topics/death-penalty")]
    [InlineData("/search?q=spokesperson", "/search?q=human+rights")]
    [InlineData("/concerns?party=viet-nam", "/concerns")]
    public async Task A_long_page_costs_no_more_queries_than_a_short_one(string fewRecords, string manyRecords)
    {
        await AddRecordsAsync();

        var few = await CommandsForAsync(fewRecords);
        var many = await CommandsForAsync(manyRecords);

        Assert.True(few.Count == many.Count,
            $"{few.Count} commands for {fewRecords}, {many.Count} for {manyRecords}; only in the second:\n"
            + string.Join("\n---\n", many.Texts.Except(few.Texts)));
        Assert.InRange(many.Count, 1, 15);
    }
}
