using DialogueTracker.Web.Data;
using DialogueTracker.Web.Timeline;
using Microsoft.EntityFrameworkCore;

namespace DialogueTracker.Web.Charts;

/// <summary>The counts the charts draw, grouped in the database.</summary>
public sealed class ChartQueries(DialogueDbContext db)
{
    /// <summary>Dated rounds and statements matching the filter, per year of their earliest day.</summary>
    public async Task<IReadOnlyList<YearCount>> RecordsPerYearAsync(RecordFilter filter, CancellationToken cancellationToken)
    {
        var rounds = await filter.Apply(db.Rounds.AsNoTracking())
            .Where(r => r.DateEarliest != null)
            .GroupBy(r => r.DateEarliest!.Value.Year)
            .Select(g => new YearCount(g.Key, g.Count()))
            .ToListAsync(cancellationToken);
        var statements = await filter.Apply(db.Statements.AsNoTracking())
            .Where(s => s.DateEarliest != null)
            .GroupBy(s => s.DateEarliest!.Value.Year)
            .Select(g => new YearCount(g.Key, g.Count()))
            .ToListAsync(cancellationToken);
        return [.. rounds.Concat(statements).GroupBy(c => c.Year).Select(g => new YearCount(g.Key, g.Sum(c => c.Count))).OrderBy(c => c.Year)];
    }

    public async Task<int> UndatedCountAsync(RecordFilter filter, CancellationToken cancellationToken) =>
        await filter.Apply(db.Rounds.AsNoTracking()).CountAsync(r => r.DateEarliest == null, cancellationToken)
        + await filter.Apply(db.Statements.AsNoTracking()).CountAsync(s => s.DateEarliest == null, cancellationToken);

    /// <summary>Dated records tagged with each topic, per year: (topic id, year) to count.</summary>
    public async Task<Dictionary<int, Dictionary<int, int>>> TopicYearCountsAsync(CancellationToken cancellationToken)
    {
        // Grouped straight over the join tables, which SQLite can do without correlated subqueries.
        var rounds = await (
                from link in db.Set<Dictionary<string, object>>("RoundTopics")
                join round in db.Rounds on EF.Property<int>(link, "RoundsId") equals round.Id
                where round.DateEarliest != null
                group round by new { TopicId = EF.Property<int>(link, "TopicsId"), round.DateEarliest!.Value.Year } into g
                select new { g.Key.TopicId, g.Key.Year, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var statements = await (
                from link in db.Set<Dictionary<string, object>>("StatementTopics")
                join statement in db.Statements on EF.Property<int>(link, "StatementsId") equals statement.Id
                where statement.DateEarliest != null
                group statement by new { TopicId = EF.Property<int>(link, "TopicsId"), statement.DateEarliest!.Value.Year } into g
                select new { g.Key.TopicId, g.Key.Year, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return rounds.Concat(statements)
            .GroupBy(x => x.TopicId)
            .ToDictionary(g => g.Key, g => g.GroupBy(x => x.Year).ToDictionary(y => y.Key, y => y.Sum(x => x.Count)));
    }
}
