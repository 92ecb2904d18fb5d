using System.Text.RegularExpressions;
using DialogueTracker.Web.Data;
using DialogueTracker.Web.Import;
using DialogueTracker.Web.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DialogueTracker.Tests.Import;

public sealed partial class SeedDataTests(DialogueTrackerFactory factory) : IClassFixture<DialogueTrackerFactory>
{
    // The two documents the project started from, by the key of the source that stands for each.
    private static readonly Dictionary<string, string> SeedDocuments = new()
    {
        ["seed-en-spokesperson-eu-report-2020"] = "000_3ad0189bac393f0a.txt",
        ["seed-vi-eu-delegation-dialogue-page"] = "004_e87732127026d887.txt",
    };

    private static Task<Dataset> ReadSeedAsync() => SeedData.ReadAsync(SeedData.SeedFile);

    [Fact]
    public async Task The_seed_file_is_a_valid_dataset()
    {
        var problems = new DatasetValidator(ExistingKeys.None).Validate(await ReadSeedAsync());

        Assert.Empty(problems);
    }

    [Fact]
    public async Task Every_quote_in_the_seed_is_word_for_word_in_its_source_document()
    {
        var dataset = await ReadSeedAsync();
        var quotes = dataset.Topics.SelectMany(t => t.Citations)
            .Concat(dataset.Mechanisms.SelectMany(m => m.Citations))
            .Concat(dataset.Rounds.SelectMany(r => r.Citations))
            .Concat(dataset.Statements.SelectMany(s => s.Citations))
            .Concat(dataset.Concerns.SelectMany(c => c.Citations))
            .Concat(dataset.Concerns.SelectMany(c => c.Mentions).SelectMany(m => m.Citations))
            .Concat(dataset.Concerns.SelectMany(c => c.StatusHistory).SelectMany(s => s.Citations))
            .Where(c => c.Quote is not null)
            .Select(c => (c.Source!, c.Quote!))
            .Concat(dataset.Statements.Select(s => (s.Citations[^1].Source!, s.Quote!)))
            .Concat(dataset.Concerns.SelectMany(c => c.Mentions).Select(m => (m.Citations[^1].Source!, m.Quote!)))
            .ToList();

        Assert.NotEmpty(quotes);
        foreach (var (source, quote) in quotes)
        {
            var document = Unwrap(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "SeedDocuments", SeedDocuments[source])));
            Assert.True(document.Contains(Unwrap(quote), StringComparison.Ordinal), $"Not in {source}: {quote}");
        }
    }

    [Fact]
    public async Task Every_seed_record_cites_a_source()
    {
        var dataset = await ReadSeedAsync();

        Assert.All(dataset.Topics, t => Assert.NotEmpty(t.Citations));
        Assert.All(dataset.Mechanisms, m => Assert.NotEmpty(m.Citations));
        Assert.All(dataset.Rounds, r => Assert.NotEmpty(r.Citations));
        Assert.All(dataset.Statements, s => Assert.NotEmpty(s.Citations));
        Assert.All(dataset.Concerns, c => Assert.NotEmpty(c.Citations));
        Assert.All(dataset.Concerns.SelectMany(c => c.Mentions), m => Assert.NotEmpty(m.Citations));
        Assert.All(dataset.Concerns.SelectMany(c => c.StatusHistory), s => Assert.NotEmpty(s.Citations));
    }

    [Fact]
    public async Task The_seed_holds_the_concerns_the_documents_state_and_Viet_Nams_answers()
    {
        await using var scope = factory.CreateScope(out var db);

        var concerns = await db.Concerns.Include(c => c.Topics).Include(c => c.Mentions).ThenInclude(m => m.Statement)
            .Include(c => c.Mentions).ThenInclude(m => m.RespondsTo).Include(c => c.StatusHistory).ToListAsync();
        var byEu = concerns.Where(c => c.RaisedBy == Party.EU).SelectMany(c => c.Topics).Select(t => t.Slug).ToHashSet();
        Assert.Superset(new HashSet<string> { "freedom-of-expression", "freedom-of-religion-or-belief", "death-penalty", "human-rights-defenders" }, byEu);

        // Viet Nam's answers are responses from the spokesperson's statement, each to the EU mention it answers.
        var answers = concerns.SelectMany(c => c.Mentions).Where(m => m.Kind == MentionKind.Response).ToList();
        Assert.NotEmpty(answers);
        Assert.All(answers, m =>
        {
            Assert.Equal(Party.VietNam, m.Party);
            Assert.Equal("vn-mofa-eu-hr-report-2020", m.Statement!.Key);
            Assert.Equal(Party.EU, m.RespondsTo!.Party);
        });

        // A status is an editor's reading, and says so.
        Assert.All(concerns.SelectMany(c => c.StatusHistory), s => Assert.Contains("editor's reading", s.NoteEn, StringComparison.Ordinal));
    }

    [Fact]
    public async Task First_start_loads_what_the_documents_state()
    {
        await using var scope = factory.CreateScope(out var db);

        var rounds = await db.Rounds.Include(r => r.Mechanism).Include(r => r.Series).OrderBy(r => r.DateEarliest).ToListAsync();
        Assert.Equal(
            [("hrd-2003-launch", "2003"), ("hrd-2012-upgrade", "2012"), ("vmpc-2012-start", "2012"), ("hrd-2020-02-19", "2020-02-19")],
            rounds.Select(r => (r.Key, r.Date.ToString()!)).OrderBy(r => r.Item2).ThenBy(r => r.Key));

        var ninth = rounds.Single(r => r.Number == 9);
        Assert.Equal("human-rights-dialogue", ninth.Mechanism.Slug);
        Assert.Equal("enhanced", ninth.Series!.Slug);
        Assert.Equal(new DateOnly(2012, 1, 1), ninth.Series.StartDate!.Value.Earliest);
        Assert.NotNull(ninth.NumberNote);

        var spokesperson = await db.Statements.SingleAsync(s => s.Party == Party.VietNam);
        Assert.Equal("2021?-06-24", spokesperson.Date.ToString());
        Assert.Contains("inferred", spokesperson.DateNote, StringComparison.Ordinal);
        Assert.Equal("Le Thi Thu Hang", spokesperson.Speaker);
        Assert.Equal("EU Annual Report on Human Rights 2020", spokesperson.InResponseTo);

        var euStatements = await db.Statements.Where(s => s.Party == Party.EU).ToListAsync();
        Assert.Equal(3, euStatements.Count);
        Assert.All(euStatements, s => Assert.Null(s.Date));

        Assert.Equal(3, await db.Mechanisms.CountAsync());
        Assert.True(await db.Topics.CountAsync() >= 20);
        foreach (var slug in new[] { "freedom-of-expression", "freedom-of-religion-or-belief", "death-penalty", "climate-change", "maritime-security", "iuu-fishing", "human-trafficking" })
        {
            Assert.True(await db.Topics.AnyAsync(t => t.Slug == slug), slug);
        }
    }

    [Fact]
    public async Task Seeded_records_without_a_citation_do_not_exist()
    {
        await using var scope = factory.CreateScope(out var db);

        Assert.False(await db.Rounds.AnyAsync(r => !r.Citations.Any()));
        Assert.False(await db.Statements.AnyAsync(s => !s.Citations.Any()));
        Assert.False(await db.Topics.AnyAsync(t => !t.Citations.Any()));
        Assert.False(await db.Mechanisms.AnyAsync(m => !m.Citations.Any()));
    }

    [Fact]
    public async Task Seeding_again_changes_nothing()
    {
        await using var scope = factory.CreateScope(out var db);
        var before = await CountsAsync(db);

        var result = await scope.ServiceProvider.GetRequiredService<DatasetImporter>().ImportAsync(await ReadSeedAsync(), dryRun: false);
        await SeedData.SeedIfEmptyAsync(factory.Services);

        Assert.True(result.Succeeded);
        Assert.Equal((0, 0), (result.Added, result.Changed));
        Assert.Equal(before, await CountsAsync(db));
    }

    private static async Task<(int, int, int, int, int, int)> CountsAsync(DialogueDbContext db) => (
        await db.Rounds.CountAsync(), await db.Statements.CountAsync(), await db.Topics.CountAsync(),
        await db.Sources.CountAsync(), await db.Citations.CountAsync(), await db.Mechanisms.CountAsync());

    /// <summary>Joins the lines the seed documents wrap mid-sentence, so quotes compare as one run of text.</summary>
    private static string Unwrap(string text) => Whitespace().Replace(HyphenAtLineEnd().Replace(text, "-"), " ").Trim();

    [GeneratedRegex(@"-[ \t]*\r?\n\s*")]
    private static partial Regex HyphenAtLineEnd();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}

/// <summary>A database seeded by an earlier version, before concerns existed, gets the seed's concerns on its next start.</summary>
public sealed class SeedConcernsUpgradeTests(DialogueTrackerFactory factory) : IClassFixture<DialogueTrackerFactory>
{
    [Fact]
    public async Task Concerns_are_added_once_to_a_database_seeded_without_them()
    {
        int lastRevision;
        await using (var scope = factory.CreateScope(out var db))
        {
            await db.Database.ExecuteSqlRawAsync("DELETE FROM Concerns;");
            Assert.Equal(0, await db.Concerns.IgnoreQueryFilters().CountAsync());
            lastRevision = await db.Revisions.MaxAsync(r => r.Id);
        }

        await SeedData.SeedIfEmptyAsync(factory.Services);
        await SeedData.SeedIfEmptyAsync(factory.Services);

        await using var check = factory.CreateScope(out var after);
        var seeded = (await SeedData.ReadAsync(SeedData.SeedFile)).Concerns.Count;
        Assert.Equal(seeded, await after.Concerns.CountAsync());
        Assert.Equal(seeded, await after.Revisions.CountAsync(r => r.Id > lastRevision && r.RecordType == RecordType.Concern && r.Action == RevisionAction.Create));
    }
}
