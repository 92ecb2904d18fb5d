using DialogueTracker.Web.Data;
using DialogueTracker.Web.Import;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Logging.Abstractions;

namespace DialogueTracker.Tests.Search;

/// <summary>The migration that rebuilds the full-text index without prefix indexes keeps every word and every match.</summary>
public sealed class SearchIndexMigrationTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"dialoguetracker-prefixes-{Guid.NewGuid():N}.db");

    [Fact]
    public async Task Rebuilding_the_index_without_prefix_indexes_keeps_its_words_and_what_searches_find()
    {
        string[] queries = ["quy*", "qu*", "ng*", "doi*", "thoai*", "\"nhân quyền\"", "dialogue", "Đ*"];
        await using var db = new DialogueDbContext(new DbContextOptionsBuilder<DialogueDbContext>().UseSqlite($"Data Source={_path}").Options);
        var migrator = db.GetService<IMigrator>();
        var migrations = db.Database.GetMigrations().ToList();
        var rebuild = migrations.Single(m => m.EndsWith("_SearchIndexWithoutPrefixIndexes", StringComparison.Ordinal));
        await migrator.MigrateAsync(migrations[migrations.IndexOf(rebuild) - 1]);
        var seeded = await new DatasetImporter(db, new SqliteImportDatabase(NullLogger<SqliteImportDatabase>.Instance), NullLogger<DatasetImporter>.Instance)
            .ImportAsync(DatasetInput.FromFile(SeedData.SeedFile), ImportOptions.Default);
        Assert.True(seeded.Succeeded, string.Join("; ", seeded.Problems));
        var wordsBefore = await QueryAsync("SELECT term || ' ' || doc || ' ' || cnt FROM temp.Vocabulary ORDER BY term");
        var matchesBefore = await MatchesAsync(queries);
        Assert.Contains("prefix='2 3'", await TableSqlAsync());

        await migrator.MigrateAsync(rebuild);

        Assert.DoesNotContain("prefix", await TableSqlAsync(), StringComparison.Ordinal);
        Assert.Equal(wordsBefore, await QueryAsync("SELECT term || ' ' || doc || ' ' || cnt FROM temp.Vocabulary ORDER BY term"));
        Assert.Equal(matchesBefore, await MatchesAsync(queries));
        Assert.All(matchesBefore.Take(5), m => Assert.NotEqual("", m));
        // 0: the index's own structure (1 would also compare it with the documents, which are not folded).
        Assert.Equal(["ok"], await QueryAsync("INSERT INTO SearchIndex (SearchIndex, rank) VALUES ('integrity-check', 0); SELECT 'ok'"));

        await migrator.MigrateAsync(migrations[migrations.IndexOf(rebuild) - 1]);
        Assert.Contains("prefix='2 3'", await TableSqlAsync());
        Assert.Equal(matchesBefore, await MatchesAsync(queries));
    }

    private async Task<List<string>> MatchesAsync(string[] queries)
    {
        var matches = new List<string>();
        foreach (var query in queries)
        {
            var ids = await QueryAsync($"SELECT rowid FROM SearchIndex WHERE SearchIndex MATCH '{query.Replace("'", "''", StringComparison.Ordinal)}' ORDER BY rowid");
            matches.Add(string.Join(",", ids));
        }

        return matches;
    }

    private async Task<string> TableSqlAsync() => (await QueryAsync("SELECT sql FROM sqlite_master WHERE name = 'SearchIndex'")).Single();

    private async Task<List<string>> QueryAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={_path};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "CREATE VIRTUAL TABLE temp.Vocabulary USING fts5vocab(main, SearchIndex, 'row'); " + sql;
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!);
        }

        return rows;
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
