using System.Text.RegularExpressions;
using DialogueTracker.Web.Data;
using DialogueTracker.Web.Model;
using DialogueTracker.Web.Timeline;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace DialogueTracker.Tests.Caching;

/// <summary>The lists read a page from an index in their own order, not by sorting every record (EXPLAIN QUERY PLAN).</summary>
public sealed partial class QueryPlanTests(DialogueTrackerFactory factory) : IClassFixture<DialogueTrackerFactory>
{
    [Fact]
    public async Task A_page_of_statements_in_date_order_is_read_from_the_index()
    {
        await using var scope = factory.CreateScope(out var db);

        var plan = await PlanAsync(db, db.Statements.AsNoTracking().InDateOrder().ThenBy(s => s.Id).Skip(1225).Take(25).Select(s => s.Id));

        Assert.Contains(plan, step => step.Contains("USING INDEX IX_Statements_DateOrder", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, step => step.Contains("TEMP B-TREE FOR ORDER BY", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_page_of_rounds_in_date_order_is_read_from_the_index()
    {
        await using var scope = factory.CreateScope(out var db);

        var plan = await PlanAsync(db, db.Rounds.AsNoTracking().InDateOrder().ThenBy(r => r.Id).Skip(50).Take(25).Select(r => r.Id));

        Assert.Contains(plan, step => step.Contains("USING INDEX IX_Rounds_DateOrder", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, step => step.Contains("TEMP B-TREE FOR ORDER BY", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_rounds_citations_are_read_from_the_index_of_citations_that_name_a_round()
    {
        await using var scope = factory.CreateScope(out var db);

        var plan = await PlanAsync(db, db.Rounds.AsNoTracking().Where(r => r.Key == "x").SelectMany(r => r.Citations).Select(c => c.Quote));

        // The index is partial (RoundId IS NOT NULL): the join on RoundId implies it.
        Assert.Contains(plan, step => step.Contains("USING INDEX IX_Citations_RoundId (RoundId=?)", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, step => step.StartsWith("SCAN", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_topic_filter_reads_the_statements_filed_under_it_from_the_links_index()
    {
        await using var scope = factory.CreateScope(out var db);
        var filter = new RecordFilter { TopicIds = [1, 2], From = PartialDate.Parse("2010"), To = PartialDate.Parse("2015") };

        var statements = await PlanAsync(db, filter.Apply(db.Statements.AsNoTracking()).Select(s => s.Id));
        var rounds = await PlanAsync(db, filter.Apply(db.Rounds.AsNoTracking()).Select(r => r.Id));

        // Not a walk over every statement (or round) in the years, probing each one's links.
        Assert.Contains(statements, step => step.Contains("USING INDEX IX_StatementTopics_TopicsId (TopicsId=?)", StringComparison.Ordinal));
        Assert.Contains(rounds, step => step.Contains("USING INDEX IX_RoundTopics_TopicsId (TopicsId=?)", StringComparison.Ordinal));
        Assert.DoesNotContain(statements.Concat(rounds), step => step.Contains("CORRELATED", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_changes_page_lists_and_filters_editors_from_the_index_of_their_names()
    {
        await using var scope = factory.CreateScope(out var db);

        // As the changes page asks: who made revisions, and a page of one person's.
        var names = await PlanAsync(db, db.Revisions.AsNoTracking().Select(r => r.UserName).Distinct().OrderBy(n => n));
        var page = await PlanAsync(db, db.Revisions.AsNoTracking().Where(r => r.UserName == "import").OrderByDescending(r => r.Id).Take(51));

        Assert.Contains(names, step => step.Contains("USING COVERING INDEX IX_Revisions_UserName_Id", StringComparison.Ordinal));
        Assert.Contains(page, step => step.Contains("USING INDEX IX_Revisions_UserName_Id (UserName=?)", StringComparison.Ordinal));
        // EF Core sorts the distinct names after (a handful of rows); the revisions are neither sorted nor made distinct.
        Assert.DoesNotContain(names, step => step.Contains("TEMP B-TREE FOR DISTINCT", StringComparison.Ordinal));
        Assert.DoesNotContain(page, step => step.Contains("TEMP B-TREE", StringComparison.Ordinal));
    }

    private static async Task<List<string>> PlanAsync<T>(DialogueDbContext db, IQueryable<T> query)
    {
        // ToQueryString writes parameters as sqlite3 shell ".param set" lines: put their values in the SQL.
        var text = query.ToQueryString();
        var parameters = ParamLine().Matches(text).ToDictionary(m => m.Groups["name"].Value, m => m.Groups["value"].Value);
        // The SQL runs from the first SELECT to the blank line before EF's note on split queries.
        var sql = string.Join('\n', text.Split('\n').SkipWhile(line => !line.StartsWith("SELECT", StringComparison.Ordinal))
            .TakeWhile(line => line.Trim().Length > 0));
        foreach (var (name, value) in parameters.OrderByDescending(p => p.Key.Length))
        {
            sql = sql.Replace(name, value, StringComparison.Ordinal);
        }

        await using var connection = new SqliteConnection(db.Database.GetConnectionString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        var steps = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            steps.Add(reader.GetString(3));
        }

        return steps;
    }

    [GeneratedRegex(@"^\.param set (?<name>@\w+) (?<value>.+)$", RegexOptions.Multiline)]
    private static partial Regex ParamLine();
}
