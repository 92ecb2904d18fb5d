using System.Text.Json;
using DialogueTracker.Web.Api;
using DialogueTracker.Web.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DialogueTracker.Tests.Api;

/// <summary>
/// The engine's reader of one statement (on SQLite its own prepared queries) reads what EF Core's query reads: the same
/// values, and the same things left out by the query filters (a deleted statement, round, topic or cited source).
/// </summary>
public class StatementReadsTests(DialogueTrackerFactory factory) : IClassFixture<DialogueTrackerFactory>
{
    [Fact]
    public async Task The_engines_reader_reads_as_ef_core_reads_also_what_is_deleted()
    {
        using var client = factory.CreateClient();
        var (_, token) = await factory.CreateEditorAsync(Roles.Editor);
        foreach (var key in new[] { "kept", "deleted" })
        {
            await client.CreateAsync("/api/v1/statements", token, new
            {
                key, party = "eu-member-state", partyName = "Sweden", date = "2020-02?", dateNote = "month uncertain", round = "hrd-2020-02-19",
                titleEn = $"Statement {key}", titleVi = "Tuyên bố", summaryEn = "Summary", quote = "Lời nói", language = "vi",
                topics = new[] { "death-penalty", "freedom-of-expression" },
                citations = new object[]
                {
                    new { source = "seed-vi-eu-delegation-dialogue-page", locator = "¶ 2", claimField = "date", claimValue = "2020-02-19" },
                    new { source = "seed-en-spokesperson-eu-report-2020", quote = "a quote" },
                },
            });
        }

        await using (factory.CreateScope(out var db))
        {
            var now = DateTimeOffset.UtcNow;
            await db.Statements.Where(s => s.Key == "deleted").ExecuteUpdateAsync(s => s.SetProperty(x => x.DeletedAt, now));
            await db.Rounds.Where(r => r.Key == "hrd-2020-02-19").ExecuteUpdateAsync(s => s.SetProperty(x => x.DeletedAt, now));
            await db.Topics.Where(t => t.Slug == "freedom-of-expression").ExecuteUpdateAsync(s => s.SetProperty(x => x.DeletedAt, now));
            await db.Sources.Where(s => s.Key == "seed-en-spokesperson-eu-report-2020").ExecuteUpdateAsync(s => s.SetProperty(x => x.DeletedAt, now));
        }

        await using var scope = factory.CreateScope(out var reference);
        var reads = scope.ServiceProvider.GetRequiredService<IStatementReads>();
        var ids = await reference.Statements.IgnoreQueryFilters().Select(s => s.Id).ToListAsync();
        foreach (var id in ids.Concat([0, -1, int.MaxValue, int.MinValue]))
        {
            var expected = await new StatementReads(reference).ReadAsync(id, default);
            Assert.Equal(JsonSerializer.Serialize(expected), JsonSerializer.Serialize(await reads.ReadAsync(id, default)));
        }

        // What the comparison went through: the filters left things out, and the kept statement's values came back.
        var deletedId = await reference.Statements.IgnoreQueryFilters().Where(s => s.Key == "deleted").Select(s => s.Id).SingleAsync();
        Assert.Null(await reads.ReadAsync(deletedId, default));
        var kept = (await reads.ReadAsync(await reference.Statements.Where(s => s.Key == "kept").Select(s => s.Id).SingleAsync(), default))!.Value;
        Assert.Null(kept.Statement.Round);
        Assert.Equal(["death-penalty"], kept.Statement.Topics.Select(t => t.Slug));
        Assert.Equal("seed-vi-eu-delegation-dialogue-page", Assert.Single(kept.Statement.Citations).Source.Key);
        Assert.Equal(("2020-02?", DatePrecision.Month, Party.EuMemberState), (kept.Statement.Date, kept.Statement.DatePrecision, kept.Statement.Party));
        Assert.NotEqual(Guid.Empty, kept.Version);
    }
}
