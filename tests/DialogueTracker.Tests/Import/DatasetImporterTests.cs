using DialogueTracker.Web.Import;
using DialogueTracker.Web.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DialogueTracker.Tests.Import;

public class DatasetImporterTests(DialogueTrackerFactory factory) : IClassFixture<DialogueTrackerFactory>
{
    private const string Source = "seed-vi-eu-delegation-dialogue-page";

    private static RoundRecord NewRound(string key, string? date = "2021-11", int? number = null) => new()
    {
        Key = key,
        Mechanism = "human-rights-dialogue",
        Kind = "round",
        Series = number is null ? null : "enhanced",
        Number = number,
        Date = date,
        TitleEn = $"Round {key}",
        Topics = ["death-penalty"],
        Citations = [new CitationRecord { Source = Source, Quote = "test quote" }],
    };

    [Fact]
    public async Task Reports_every_problem_with_its_record_and_field_and_writes_nothing()
    {
        var dataset = new Dataset
        {
            Rounds =
            [
                NewRound("bad-date", date: "2021-02-30"),
                NewRound("bad-topic") with { Topics = ["no-such-topic"] },
                NewRound("no-source") with { Citations = [] },
                NewRound("unknown-source") with { Citations = [new CitationRecord { Source = "nowhere" }] },
                NewRound("dup"),
                NewRound("dup"),
            ],
            Statements = [new StatementRecord { Key = "bad-party", Party = "martians", TitleEn = "x", Language = "en", Citations = [new CitationRecord { Source = Source }] }],
        };

        var result = await ImportAsync(dataset, dryRun: true);

        Assert.False(result.Succeeded);
        Assert.Contains(result.Problems, p => p.Record.Contains("bad-date", StringComparison.Ordinal) && p.Field == "date" && p.Message.Contains("no day 30", StringComparison.Ordinal));
        Assert.Contains(result.Problems, p => p.Record.Contains("bad-topic", StringComparison.Ordinal) && p.Field == "topics" && p.Message.Contains("no-such-topic", StringComparison.Ordinal));
        Assert.Contains(result.Problems, p => p.Record.Contains("no-source", StringComparison.Ordinal) && p.Field == "citations");
        Assert.Contains(result.Problems, p => p.Record.Contains("unknown-source", StringComparison.Ordinal) && p.Field == "citations[0].source");
        Assert.Contains(result.Problems, p => p.Record == "rounds (dup)" && p.Message == "duplicate key");
        Assert.Contains(result.Problems, p => p.Record.Contains("bad-party", StringComparison.Ordinal) && p.Field == "party");
        await AssertNoRoundAsync("bad-date", "bad-topic", "no-source", "unknown-source", "dup");
    }

    [Fact]
    public async Task Is_all_or_nothing_when_one_record_is_bad()
    {
        var result = await ImportAsync(new Dataset { Rounds = [NewRound("good-one"), NewRound("bad-one", date: "soon")] }, dryRun: false);

        Assert.False(result.Succeeded);
        await AssertNoRoundAsync("good-one", "bad-one");
    }

    [Fact]
    public async Task A_dry_run_counts_but_writes_nothing()
    {
        var result = await ImportAsync(new Dataset { Rounds = [NewRound("dry-run-round")] }, dryRun: true);

        Assert.True(result.Succeeded);
        Assert.Equal(1, result.Added);
        await AssertNoRoundAsync("dry-run-round");
    }

    [Fact]
    public async Task Refuses_a_round_number_already_used_in_the_series()
    {
        var result = await ImportAsync(new Dataset { Rounds = [NewRound("another-ninth", number: 9)] }, dryRun: false);

        Assert.False(result.Succeeded);
        await AssertNoRoundAsync("another-ninth");
    }

    [Fact]
    public async Task Refuses_a_number_without_a_series()
    {
        var result = await ImportAsync(new Dataset { Rounds = [NewRound("lonely-number") with { Number = 3 }] }, dryRun: false);

        Assert.Contains(result.Problems, p => p.Field == "number" && p.Message.Contains("series", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Imports_new_records_then_updates_them_by_key()
    {
        var first = await ImportAsync(new Dataset { Rounds = [NewRound("hrd-2021-test", number: 10)] }, dryRun: false);
        var again = await ImportAsync(new Dataset { Rounds = [NewRound("hrd-2021-test", number: 10)] }, dryRun: false);
        var changed = await ImportAsync(new Dataset { Rounds = [NewRound("hrd-2021-test", number: 10) with { TitleEn = "Renamed", Topics = ["climate-change"] }] }, dryRun: false);

        Assert.True(first.Succeeded);
        Assert.Equal(1, first.Added);
        Assert.Equal((0, 0), (again.Added, again.Changed));
        Assert.True(changed.Changed > 0);

        await using var scope = factory.CreateScope(out var db);
        var round = await db.Rounds.Include(r => r.Topics).Include(r => r.Citations).SingleAsync(r => r.Key == "hrd-2021-test");
        Assert.Equal("Renamed", round.TitleEn);
        Assert.Equal(["climate-change"], round.Topics.Select(t => t.Slug));
        Assert.Single(round.Citations);
        Assert.Equal(PartialDate.Parse("2021-11"), round.Date);
        Assert.Equal(new DateOnly(2021, 11, 1), round.DateEarliest);
    }

    private async Task<ImportResult> ImportAsync(Dataset dataset, bool dryRun)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DatasetImporter>().ImportAsync(dataset, dryRun);
    }

    private async Task AssertNoRoundAsync(params string[] keys)
    {
        await using var scope = factory.CreateScope(out var db);
        Assert.False(await db.Rounds.AnyAsync(r => keys.Contains(r.Key)));
    }
}
