using DialogueTracker.Web.Cli;
using DialogueTracker.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace DialogueTracker.Tests.Cli;

public sealed class GenerateCommandTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"generate-test-{Guid.NewGuid():N}.db");

    [Fact]
    public async Task Generates_the_asked_numbers_of_statements_rounds_and_topics_each_cited_and_searchable()
    {
        var exit = await GenerateCommand.RunAsync(["--statements", "300", "--rounds", "7", "--topics", "40", "--db", _path]);

        Assert.Equal(0, exit);
        await using var db = new DialogueDbContext(new DbContextOptionsBuilder<DialogueDbContext>().UseSqlite($"Data Source={_path};Pooling=False").Options);
        Assert.Equal(300, await db.Statements.CountAsync());
        Assert.Equal(7, await db.Rounds.CountAsync());
        Assert.Equal(40, await db.Topics.CountAsync());
        Assert.True(await db.Topics.AnyAsync(t => t.Slug.Contains("-aspect-") && t.ParentId != null));
        Assert.False(await db.Statements.AnyAsync(s => !s.Citations.Any()));
        // Each record its own version, read back as EF Core reads it: no two share an ETag.
        Assert.Equal(300, (await db.Statements.Select(s => s.Version).ToListAsync()).Where(v => v != Guid.Empty).Distinct().Count());
        Assert.Equal(7, (await db.Rounds.Select(r => r.Version).ToListAsync()).Where(v => v != Guid.Empty).Distinct().Count());
        Assert.Equal(40, (await db.Topics.Select(t => t.Version).ToListAsync()).Where(v => v != Guid.Empty).Distinct().Count());
        Assert.DoesNotContain(Guid.Empty, await db.Sources.Select(s => s.Version).ToListAsync());
        Assert.Equal(
            await db.Statements.CountAsync() + await db.Rounds.CountAsync() + await db.Topics.CountAsync() + await db.Sources.CountAsync(),
            await db.SearchDocuments.CountAsync());
    }

    [Fact]
    public async Task Refuses_a_database_that_holds_records_and_an_unknown_option()
    {
        Assert.Equal(0, await GenerateCommand.RunAsync(["--statements", "20", "--db", _path]));

        Assert.Equal(1, await GenerateCommand.RunAsync(["--statements", "20", "--db", _path]));
        Assert.Equal(2, await GenerateCommand.RunAsync(["--statements", "20", "--topics", "3", "--db", _path]));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(_path + suffix);
        }
    }
}
