using System.Text;
using DialogueTracker.Web.Cli;
using DialogueTracker.Web.Data;
using DialogueTracker.Web.Export;
using DialogueTracker.Web.Import;
using DialogueTracker.Web.Model;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace DialogueTracker.Tests.Import;

/// <summary>
/// Imports large enough to take the bulk path: more statements than one part, parts large enough that their search
/// documents are written set-based, from a file streamed rather than read whole.
/// </summary>
public sealed class LargeImportTests(LargeImportTests.GeneratedDataset generated) : IClassFixture<LargeImportTests.GeneratedDataset>
{
    private const int Statements = 3000;
    private const int Rounds = 150;

    [Fact]
    public async Task A_large_import_into_an_empty_database_exports_the_same_document_with_a_revision_per_record()
    {
        await using var target = await EmptyDatabase.CreateAsync();

        var result = await ImportFileAsync(target, generated.ExportPath);

        Assert.True(result.Succeeded, string.Join("; ", result.Problems));
        Assert.Equal(generated.RecordCount, result.Added);
        Assert.Equal(generated.Export, await ExportAsync(target));
        await using var db = target.Context();
        Assert.Equal(generated.RecordCount, await db.Revisions.CountAsync(r => r.Action == RevisionAction.Create && r.Before == null && r.After != null));
        Assert.Equal(Statements, await db.Revisions.CountAsync(r => r.RecordType == RecordType.Statement));
        var statementIds = await db.Statements.Select(s => s.Id).ToListAsync();
        var revisedIds = await db.Revisions.Where(r => r.RecordType == RecordType.Statement).Select(r => r.RecordId).ToListAsync();
        Assert.Equal(statementIds.Order(), revisedIds.Order());
    }

    [Fact]
    public async Task The_search_index_holds_the_same_words_as_when_the_triggers_write_it_row_by_row()
    {
        await using var target = await EmptyDatabase.CreateAsync();
        Assert.True((await ImportFileAsync(target, generated.ExportPath)).Succeeded);

        // The generator's database had its index written by the triggers, one row at a time.
        var expected = await SearchVocabularyAsync(generated.DatabasePath);
        var actual = await SearchVocabularyAsync(target.Path);

        Assert.Equal(expected, actual);
        Assert.Contains(actual, word => word.StartsWith("doi ", StringComparison.Ordinal)); // đối thoại, with đ folded
        await using var db = target.Context();
        Assert.Equal(await CountAsync(generated.DatabasePath, "SELECT count(*) FROM SearchDocumentTopics"), await CountAsync(target.Path, "SELECT count(*) FROM SearchDocumentTopics"));
        Assert.Equal(SearchInsertTriggers.Length, await CountAsync(target.Path, SearchInsertTriggersSql));
        Assert.True(await CountAsync(target.Path, "SELECT count(*) FROM SearchIndex WHERE SearchIndex MATCH 'nhan quyen'") > 0);
        // Built beside the import and copied in: FTS5's own check of its structure, and the scratch database gone.
        await CheckSearchIndexAsync(target.Path);
        Assert.Empty(ScratchFiles(target));
    }

    [Fact]
    public async Task Importing_the_same_file_again_changes_nothing()
    {
        await using var target = await EmptyDatabase.CreateAsync();
        Assert.True((await ImportFileAsync(target, generated.ExportPath)).Succeeded);
        var revisions = await CountAsync(target.Path, "SELECT count(*) FROM Revisions");
        var searchVersion = await CountAsync(target.Path, "SELECT Version FROM SearchIndexVersion");

        var again = await ImportFileAsync(target, generated.ExportPath);

        Assert.True(again.Succeeded, string.Join("; ", again.Problems));
        Assert.Equal((0, 0), (again.Added, again.Changed));
        Assert.Equal(revisions, await CountAsync(target.Path, "SELECT count(*) FROM Revisions"));
        Assert.Equal(searchVersion, await CountAsync(target.Path, "SELECT Version FROM SearchIndexVersion"));
        Assert.Equal(generated.Export, await ExportAsync(target));
    }

    [Fact]
    public async Task A_part_with_new_and_changed_statements_writes_both_with_their_revisions()
    {
        await using var target = await EmptyDatabase.CreateAsync();
        Assert.True((await ImportFileAsync(target, generated.ExportPath)).Succeeded);
        var dataset = await generated.ReadAsync();
        var changed = dataset.Statements[2500] with { TitleEn = "A title changed on the way back", Topics = ["freedom-of-expression"] };
        var added = dataset.Statements[2501] with { Key = "a-new-statement", TitleEn = "Một tuyên bố mới về đối thoại" };
        var path = await WriteAsync(dataset with { Statements = [.. dataset.Statements.Take(2500), changed, added] });
        var oldTitleSql = $"SELECT count(*) FROM SearchIndex WHERE SearchIndex MATCH '{Phrase(dataset.Statements[2500].TitleEn!)}'";
        var oldTitleFound = await CountAsync(target.Path, oldTitleSql);
        Assert.True(oldTitleFound >= 1);
        try
        {
            var result = await ImportFileAsync(target, path);

            Assert.True(result.Succeeded, string.Join("; ", result.Problems));
            Assert.Equal((1, 1), (result.Added, result.Changed));
            await using var db = target.Context();
            Assert.Equal("A title changed on the way back", (await db.Statements.SingleAsync(s => s.Key == changed.Key)).TitleEn);
            Assert.Equal(RevisionAction.Import, (await db.Revisions.OrderBy(r => r.Id).LastAsync(r => r.RecordKey == changed.Key)).Action);
            Assert.Equal(RevisionAction.Create, (await db.Revisions.SingleAsync(r => r.RecordKey == "a-new-statement")).Action);
            Assert.True(await CountAsync(target.Path, "SELECT count(*) FROM SearchIndex WHERE SearchIndex MATCH '\"changed on the way back\"'") == 1);
            Assert.True(await CountAsync(target.Path, "SELECT count(*) FROM SearchIndex WHERE SearchIndex MATCH '\"tuyen bo moi ve doi thoai\"'") == 1);
            // Written through the same pooled connection that copied the new database's index in, and still sound.
            Assert.Equal(oldTitleFound - 1, await CountAsync(target.Path, oldTitleSql));
            await CheckSearchIndexAsync(target.Path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task A_failure_in_a_later_part_leaves_nothing_written_and_the_search_triggers_in_place()
    {
        await using var target = await EmptyDatabase.CreateAsync();
        // Something the check cannot see: the database refuses one statement of the second part.
        await ExecuteAsync(target.Path, """
            CREATE TRIGGER Refuse_For_Test BEFORE INSERT ON Statements WHEN new.Key = 'synthetic-statement-999'
            BEGIN SELECT RAISE(ABORT, 'refused for the test'); END;
            """);

        var result = await ImportFileAsync(target, generated.ExportPath);

        Assert.False(result.Succeeded);
        Assert.Contains(result.Problems, p => p.Message.Contains("refused for the test", StringComparison.Ordinal));
        foreach (var table in new[] { "Sources", "Topics", "Rounds", "Statements", "StatementTopics", "Citations", "Revisions", "SearchDocuments" })
        {
            Assert.Equal(0, await CountAsync(target.Path, $"SELECT count(*) FROM {table}"));
        }

        Assert.Equal(SearchInsertTriggers.Length, await CountAsync(target.Path, SearchInsertTriggersSql));
    }

    [Fact]
    public async Task A_file_whose_statements_come_before_the_rounds_they_name_is_read_twice_and_imported()
    {
        var dataset = await generated.ReadAsync();
        Assert.Contains(dataset.Statements, s => s.Round is not null);
        // The sections in another order than the export's: statements first, so the statements cannot be written as
        // they are read.
        var path = Path.GetTempFileName();
        await File.WriteAllTextAsync(path, "{" + string.Join(",",
            Section("format", dataset.Format), Section("statements", dataset.Statements), Section("sources", dataset.Sources),
            Section("topics", dataset.Topics), Section("mechanisms", dataset.Mechanisms), Section("rounds", dataset.Rounds)) + "}");
        try
        {
            await using var target = await EmptyDatabase.CreateAsync();
            var result = await ImportFileAsync(target, path);

            Assert.True(result.Succeeded, string.Join("; ", result.Problems));
            Assert.Equal(generated.RecordCount, result.Added);
            Assert.Equal(generated.Export, await ExportAsync(target));
            // Written twice (the first, rolled back): the index holds each document once.
            Assert.Equal(await CountAsync(target.Path, "SELECT count(*) FROM SearchDocuments"), await CountAsync(target.Path, "SELECT count(*) FROM SearchIndex_docsize"));
            await CheckSearchIndexAsync(target.Path);
            Assert.Empty(ScratchFiles(target));
        }
        finally
        {
            File.Delete(path);
        }

        static string Section<T>(string name, T value) => $"\"{name}\":{System.Text.Json.JsonSerializer.Serialize(value, DatasetJson.Options)}";
    }

    [Fact]
    public async Task Into_a_new_database_foreign_keys_are_checked_before_the_commit_and_a_broken_one_writes_nothing()
    {
        await using var target = await EmptyDatabase.CreateAsync();
        // A link to a statement that never comes, which the check of the file cannot see: foreign keys are off while a
        // new database is loaded, so only the check before the commit can refuse it.
        await ExecuteAsync(target.Path, """
            CREATE TRIGGER Orphan_For_Test AFTER INSERT ON Statements WHEN new.Key = 'synthetic-statement-2999'
            BEGIN INSERT INTO StatementTopics (StatementsId, TopicsId) VALUES (987654, 1); END;
            """);

        var result = await ImportFileAsync(target, generated.ExportPath);

        Assert.False(result.Succeeded);
        Assert.Contains(result.Problems, p => p.Message.Contains("FOREIGN KEY constraint failed", StringComparison.Ordinal));
        Assert.Equal(0, await CountAsync(target.Path, "SELECT count(*) FROM Statements"));
        Assert.Equal(0, await CountAsync(target.Path, "SELECT count(*) FROM StatementTopics"));
    }

    [Theory]
    [InlineData("commits")]
    [InlineData("dry run")]
    [InlineData("fails")]
    public async Task Into_a_new_database_the_indexes_built_at_the_end_are_the_same_and_agree_with_the_tables(string outcome)
    {
        await using var target = await EmptyDatabase.CreateAsync();
        if (outcome == "fails")
        {
            await ExecuteAsync(target.Path, """
                CREATE TRIGGER Refuse_For_Test BEFORE INSERT ON Statements WHEN new.Key = 'synthetic-statement-2999'
                BEGIN SELECT RAISE(ABORT, 'refused for the test'); END;
                """);
        }

        var schema = await SchemaAsync(target.Path);
        // Records how many indexes Statements has while the import writes it.
        await ExecuteAsync(target.Path, """
            CREATE TABLE IndexesSeen (Count INTEGER NOT NULL);
            CREATE TRIGGER Count_Indexes_For_Test AFTER INSERT ON Statements WHEN new.Key = 'synthetic-statement-2000'
            BEGIN INSERT INTO IndexesSeen SELECT count(*) FROM pragma_index_list('Statements'); END;
            """);

        await using (var db = target.Context())
        {
            var result = await new DatasetImporter(db, new SqliteImportDatabase(NullLogger<SqliteImportDatabase>.Instance), NullLogger<DatasetImporter>.Instance)
                .ImportAsync(DatasetInput.FromFile(generated.ExportPath), new ImportOptions { DryRun = outcome == "dry run" });
            Assert.Equal(outcome != "fails", result.Succeeded);
        }

        if (outcome == "commits")
        {
            // Only the unique index on Key while writing; the others came at the end.
            Assert.Equal(1, await CountAsync(target.Path, "SELECT Count FROM IndexesSeen"));
        }

        await ExecuteAsync(target.Path, "DROP TRIGGER Count_Indexes_For_Test; DROP TABLE IndexesSeen;");
        Assert.Equal(schema, await SchemaAsync(target.Path));
        Assert.Contains("CREATE INDEX \"IX_Statements_RoundId\"", schema);
        await using var connection = new SqliteConnection($"Data Source={target.Path};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        Assert.Equal("ok", await command.ExecuteScalarAsync());
        Assert.Empty(ScratchFiles(target));
        if (outcome == "commits")
        {
            await CheckSearchIndexAsync(target.Path);
        }
    }

    /// <summary>What a bulk load's search index was built in: gone once the import is over, however it ended.</summary>
    private static string[] ScratchFiles(EmptyDatabase target) =>
        Directory.GetFiles(Path.GetDirectoryName(target.Path)!, Path.GetFileName(target.Path) + "-search-*");

    /// <summary>FTS5's own check of the index's structure (with rank 0: not against the documents, whose đ it folds).</summary>
    private static Task CheckSearchIndexAsync(string path) =>
        ExecuteAsync(path, "INSERT INTO SearchIndex (SearchIndex, rank) VALUES ('integrity-check', 0)");

    /// <summary>Text as an FTS5 phrase in an SQL string, with đ folded as the index folds it.</summary>
    private static string Phrase(string text) =>
        "\"" + text.Replace("đ", "d", StringComparison.Ordinal).Replace("Đ", "D", StringComparison.Ordinal).Replace("\"", "\"\"", StringComparison.Ordinal).Replace("'", "''", StringComparison.Ordinal) + "\"";

    /// <summary>Every table, index and trigger with its SQL.</summary>
    private static async Task<string> SchemaAsync(string path)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT group_concat(type || ' ' || name || ': ' || ifnull(sql, ''), char(10)) FROM (SELECT * FROM sqlite_master ORDER BY type, name)";
        return (string)(await command.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task A_new_database_is_left_in_wal_mode_with_foreign_keys_on_for_the_connection_that_imported()
    {
        await using var target = await EmptyDatabase.CreateAsync();
        await using var db = target.Context();
        await db.Database.OpenConnectionAsync();

        var result = await new DatasetImporter(db, new SqliteImportDatabase(NullLogger<SqliteImportDatabase>.Instance), NullLogger<DatasetImporter>.Instance)
            .ImportAsync(DatasetInput.FromFile(generated.ExportPath), ImportOptions.Default);

        Assert.True(result.Succeeded, string.Join("; ", result.Problems));
        Assert.Equal("wal", await db.Database.SqlQueryRaw<string>("SELECT journal_mode AS Value FROM pragma_journal_mode").SingleAsync());
        Assert.Equal(1L, await db.Database.SqlQueryRaw<long>("SELECT foreign_keys AS Value FROM pragma_foreign_keys").SingleAsync());
        Assert.False(File.Exists(target.Path + "-journal"));
    }

    [Fact]
    public async Task A_new_database_someone_is_reading_is_imported_in_wal_mode_without_waiting_for_the_reader()
    {
        await using var target = await EmptyDatabase.CreateAsync();
        await using var reader = new SqliteConnection($"Data Source={target.Path};Pooling=False");
        await reader.OpenAsync();
        await using var reading = reader.BeginTransaction(deferred: true);
        await using (var command = reader.CreateCommand())
        {
            // A read transaction holds its snapshot while the import runs, as a live site's request would.
            command.CommandText = "SELECT count(*) FROM Statements";
            Assert.Equal(0L, (long)(await command.ExecuteScalarAsync())!);
        }

        var result = await ImportFileAsync(target, generated.ExportPath);

        Assert.True(result.Succeeded, string.Join("; ", result.Problems));
        await using (var command = reader.CreateCommand())
        {
            command.CommandText = "SELECT count(*) FROM Statements";
            Assert.Equal(0L, (long)(await command.ExecuteScalarAsync())!);
        }

        await reading.CommitAsync();
        Assert.Equal(Statements, await CountAsync(target.Path, "SELECT count(*) FROM Statements"));
    }

    [Fact]
    public async Task A_dry_run_of_a_large_file_counts_everything_and_writes_nothing()
    {
        await using var target = await EmptyDatabase.CreateAsync();

        await using var db = target.Context();
        var result = await new DatasetImporter(db, new SqliteImportDatabase(NullLogger<SqliteImportDatabase>.Instance), NullLogger<DatasetImporter>.Instance)
            .ImportAsync(DatasetInput.FromFile(generated.ExportPath), new ImportOptions { DryRun = true });

        Assert.True(result.Succeeded);
        Assert.Equal(generated.RecordCount, result.Added);
        Assert.Equal(0, await CountAsync(target.Path, "SELECT count(*) FROM Statements"));
        Assert.Equal(0, await CountAsync(target.Path, "SELECT count(*) FROM SearchDocuments"));
    }

    [Fact]
    public async Task Problems_anywhere_in_a_streamed_file_are_all_reported_with_their_place_in_the_file()
    {
        var dataset = await generated.ReadAsync();
        dataset.Statements[10] = dataset.Statements[10] with { Party = "martians" };
        dataset.Statements[2500] = dataset.Statements[2500] with { Round = "no-such-round", Date = "2021-02-30" };
        // A reference to a source further down the file is fine.
        dataset.Sources[0] = dataset.Sources[0] with { Original = dataset.Sources[^1].Key };
        var path = await WriteAsync(dataset);
        try
        {
            await using var target = await EmptyDatabase.CreateAsync();
            var result = await ImportFileAsync(target, path);

            Assert.False(result.Succeeded);
            Assert.Contains(result.Problems, p => p.Record == $"statements[10] ({dataset.Statements[10].Key})" && p.Field == "party");
            Assert.Contains(result.Problems, p => p.Record == $"statements[2500] ({dataset.Statements[2500].Key})" && p.Field == "round");
            Assert.Contains(result.Problems, p => p.Record == $"statements[2500] ({dataset.Statements[2500].Key})" && p.Field == "date");
            Assert.Equal(3, result.Problems.Count);
            Assert.Equal(0, await CountAsync(target.Path, "SELECT count(*) FROM Sources"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task A_new_source_may_name_as_its_original_a_new_source_further_down_the_file()
    {
        var dataset = await generated.ReadAsync();
        dataset.Sources[0] = dataset.Sources[0] with { Original = dataset.Sources[^1].Key };
        var path = await WriteAsync(dataset);
        try
        {
            await using var target = await EmptyDatabase.CreateAsync();
            var result = await ImportFileAsync(target, path);

            Assert.True(result.Succeeded, string.Join("; ", result.Problems));
            await using var db = target.Context();
            var repost = await db.Sources.Include(s => s.Original).SingleAsync(s => s.Key == dataset.Sources[0].Key);
            Assert.Equal(dataset.Sources[^1].Key, repost.Original?.Key);
            var revision = await db.Revisions.SingleAsync(r => r.RecordType == RecordType.Source && r.RecordKey == repost.Key);
            Assert.Contains($"\"original\":\"{dataset.Sources[^1].Key}\"", revision.After, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Broken_json_deep_in_a_streamed_file_is_reported_with_its_path()
    {
        var text = Encoding.UTF8.GetString(generated.Export);
        var at = text.IndexOf("\"key\":\"synthetic-statement-2500\"", StringComparison.Ordinal);
        var broken = string.Concat(text.AsSpan(0, at), "\"key\":\"synthetic-statement-2500\",\"topics\":7", text.AsSpan(at + "\"key\":\"synthetic-statement-2500\"".Length));
        var path = Path.GetTempFileName();
        await File.WriteAllTextAsync(path, broken);
        try
        {
            await using var target = await EmptyDatabase.CreateAsync();
            var result = await ImportFileAsync(target, path);

            var problem = Assert.Single(result.Problems);
            Assert.StartsWith("$.statements[", problem.Field, StringComparison.Ordinal);
            Assert.EndsWith("].topics", problem.Field, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    // The search triggers that a large import drops while it writes, and must put back.
    private static readonly string[] SearchInsertTriggers =
        ["SearchDocuments_Insert", "Statements_Search_Insert", "StatementTopics_Search_Insert", "Sources_Search_Insert", "Rounds_Search_Insert", "RoundTopics_Search_Insert"];

    private static readonly string SearchInsertTriggersSql =
        $"SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name IN ({string.Join(", ", SearchInsertTriggers.Select(t => $"'{t}'"))})";

    private static async Task<ImportResult> ImportFileAsync(EmptyDatabase target, string path)
    {
        await using var db = target.Context();
        return await new DatasetImporter(db, new SqliteImportDatabase(NullLogger<SqliteImportDatabase>.Instance), NullLogger<DatasetImporter>.Instance)
            .ImportAsync(DatasetInput.FromFile(path), new ImportOptions { Author = new RevisionAuthor(null, "test") });
    }

    private static async Task<byte[]> ExportAsync(EmptyDatabase database)
    {
        await using var db = database.Context();
        using var stream = new MemoryStream();
        await new DatasetExporter(db).WriteAsync(stream, default);
        return stream.ToArray();
    }

    private static async Task<string> WriteAsync(Dataset dataset)
    {
        var path = Path.GetTempFileName();
        await using var stream = File.Create(path);
        await System.Text.Json.JsonSerializer.SerializeAsync(stream, dataset, DatasetJson.Options);
        return path;
    }

    /// <summary>Every word in the full-text index with the number of documents and times it occurs.</summary>
    private static async Task<List<string>> SearchVocabularyAsync(string path)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            CREATE VIRTUAL TABLE temp.Vocabulary USING fts5vocab(main, SearchIndex, 'row');
            SELECT term || ' ' || doc || ' ' || cnt FROM temp.Vocabulary ORDER BY term;
            """;
        var words = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            words.Add(reader.GetString(0));
        }

        return words;
    }

    private static async Task<long> CountAsync(string path, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task ExecuteAsync(string path, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>A migrated database with no records, deleted afterwards.</summary>
    private sealed class EmptyDatabase : IAsyncDisposable
    {
        private EmptyDatabase(string path) => Path = path;

        public string Path { get; }

        public static async Task<EmptyDatabase> CreateAsync()
        {
            var database = new EmptyDatabase(System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"dialoguetracker-large-{Guid.NewGuid():N}.db"));
            await using var db = database.Context();
            await db.Database.MigrateAsync();
            return database;
        }

        public DialogueDbContext Context() =>
            new(new DbContextOptionsBuilder<DialogueDbContext>().UseSqlite($"Data Source={Path}").Options);

        public ValueTask DisposeAsync()
        {
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(Path + suffix);
            }

            return ValueTask.CompletedTask;
        }
    }

    /// <summary>A synthetic database of a few thousand statements (the benchmark's generator) and its export, made once.</summary>
    public sealed class GeneratedDataset : IAsyncLifetime
    {
        public string DatabasePath { get; } = Path.Combine(Path.GetTempPath(), $"dialoguetracker-generated-{Guid.NewGuid():N}.db");
        public string ExportPath { get; } = Path.Combine(Path.GetTempPath(), $"dialoguetracker-generated-{Guid.NewGuid():N}.json");
        public byte[] Export { get; private set; } = [];
        public int RecordCount { get; private set; }

        public async Task InitializeAsync()
        {
            // Rounds enough that theirs are written set-based too.
            Assert.Equal(0, await GenerateCommand.RunAsync(["--statements", Statements.ToString(System.Globalization.CultureInfo.InvariantCulture), "--rounds", Rounds.ToString(System.Globalization.CultureInfo.InvariantCulture), "--db", DatabasePath]));
            await using (var db = new DialogueDbContext(new DbContextOptionsBuilder<DialogueDbContext>().UseSqlite($"Data Source={DatabasePath}").Options))
            {
                using var stream = new MemoryStream();
                await new DatasetExporter(db).WriteAsync(stream, default);
                Export = stream.ToArray();
            }

            await File.WriteAllBytesAsync(ExportPath, Export);
            var dataset = await ReadAsync();
            RecordCount = dataset.Sources.Count + dataset.Topics.Count + dataset.Rounds.Count + dataset.Statements.Count;
            Assert.True(dataset.Statements.Count > DatasetInput.PartSize && Statements - DatasetInput.PartSize >= ImportWriter.SearchIndexBatch);
        }

        public async Task<Dataset> ReadAsync()
        {
            var (dataset, problem) = await DatasetReader.ReadAsync(new MemoryStream(Export), default);
            Assert.Null(problem);
            return dataset!;
        }

        public Task DisposeAsync()
        {
            SqliteConnection.ClearAllPools();
            foreach (var path in new[] { DatabasePath, DatabasePath + "-wal", DatabasePath + "-shm", ExportPath })
            {
                File.Delete(path);
            }

            return Task.CompletedTask;
        }
    }
}
