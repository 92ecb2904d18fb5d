using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DialogueTracker.Web.Cli;
using DialogueTracker.Web.Data;
using DialogueTracker.Web.Export;
using DialogueTracker.Web.Import;
using DialogueTracker.Web.Model;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace DialogueTracker.Tests.Export;

public class ExportImportTests(DialogueTrackerFactory factory) : IClassFixture<DialogueTrackerFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Exports_the_whole_dataset_in_the_import_format()
    {
        using var response = await _client.GetAsync("/api/v1/export");
        var dataset = await response.Content.ReadFromJsonAsync<Dataset>(DatasetJson.Options);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("dialoguetracker/1", dataset!.Format);
        Assert.Equal(2, dataset.Sources.Count);
        Assert.Equal(3, dataset.Mechanisms.Count);
        Assert.True(dataset.Rounds.Count >= 4);
        Assert.Contains(dataset.Rounds, r => r is { Key: "hrd-2020-02-19", Series: "enhanced", Number: 9, Date: "2020-02-19" });
        Assert.Contains(dataset.Statements, s => s is { Key: "vn-mofa-eu-hr-report-2020", Date: "2021?-06-24" });
        Assert.Equal(dataset.Topics.Select(t => t.Slug).Order(StringComparer.Ordinal), dataset.Topics.Select(t => t.Slug));
        Assert.Empty(new DatasetValidator(ExistingKeys.None).Validate(dataset));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Export_then_import_into_an_empty_database_then_export_gives_the_same_document(bool streamedFromFile)
    {
        var first = await _client.GetByteArrayAsync("/api/v1/export");

        var path = Path.Combine(Path.GetTempPath(), $"dialoguetracker-roundtrip-{Guid.NewGuid():N}.db");
        var file = path + ".json";
        try
        {
            var options = new DbContextOptionsBuilder<DialogueDbContext>().UseSqlite($"Data Source={path}").Options;
            await using (var db = new DialogueDbContext(options))
            {
                await db.Database.MigrateAsync();
                Assert.False(await db.Rounds.AnyAsync());
                var (dataset, problem) = await DatasetReader.ReadAsync(new MemoryStream(first), default);
                Assert.Null(problem);
                Assert.NotEmpty(dataset!.Concerns);
                await File.WriteAllBytesAsync(file, first);
                var importer = new DatasetImporter(db, new SqliteImportDatabase(NullLogger<SqliteImportDatabase>.Instance), NullLogger<DatasetImporter>.Instance);
                var result = streamedFromFile
                    ? await importer.ImportAsync(DatasetInput.FromFile(file), ImportOptions.Default)
                    : await importer.ImportAsync(dataset, dryRun: false);
                Assert.True(result.Succeeded, string.Join("; ", result.Problems));
            }

            await using (var db = new DialogueDbContext(options))
            {
                using var second = new MemoryStream();
                await new DatasetExporter(db).WriteAsync(second, default);
                Assert.Equal(Encoding.UTF8.GetString(first), Encoding.UTF8.GetString(second.ToArray()));
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm", ".json" })
            {
                File.Delete(path + suffix);
            }
        }
    }

    [Fact]
    public async Task The_schema_describes_the_format()
    {
        using var response = await _client.GetAsync("/api/v1/export/schema");
        var schema = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal("application/schema+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", schema.GetProperty("$schema").GetString());
        var properties = schema.GetProperty("properties");
        foreach (var name in new[] { "format", "sources", "topics", "mechanisms", "rounds", "statements" })
        {
            Assert.True(properties.TryGetProperty(name, out _), name);
        }

        Assert.True(properties.GetProperty("rounds").GetProperty("items").GetProperty("properties").TryGetProperty("citations", out _));
    }

    [Fact]
    public async Task Reimporting_the_export_from_the_command_line_changes_nothing()
    {
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllBytesAsync(file, await _client.GetByteArrayAsync("/api/v1/export"));
            await using var scope = factory.CreateScope(out var db);
            var revisions = await db.Revisions.CountAsync();

            Assert.Equal(0, await ImportCommand.RunAsync(factory.Services, [file, "--dry-run"]));
            Assert.Equal(0, await ImportCommand.RunAsync(factory.Services, [file]));

            Assert.Equal(revisions, await db.Revisions.CountAsync());
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData("{ \"format\": \"dialoguetracker/1\", \"rounds\": [ ", "file")]
    [InlineData("{ \"format\": \"dialoguetracker/1\", \"rounds\": [ { \"key\": \"x\", \"number\": \"nine\" } ] }", "$.rounds[0].number")]
    [InlineData("{ \"format\": \"dialoguetracker/1\", \"statements\": [ { \"key\": \"s1\", \"party\": \"eu\", \"titleEn\": \"t\", \"language\": \"en\", \"topics\": [\"nope\"], \"citations\": [ { \"source\": \"missing-source\" } ] } ] }", "topics")]
    [InlineData("{ \"format\": \"someone-else/3\" }", "format")]
    public async Task Broken_files_are_refused_whole_with_their_problems(string json, string field)
    {
        var (_, admin) = await factory.CreateEditorAsync(Roles.Admin);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/import") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", admin);

        using var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problems = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("problems");
        Assert.Contains(problems.EnumerateArray(), p => p.GetProperty("record").GetString() == field
            || p.GetProperty("field").GetString()?.StartsWith(field, StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task A_huge_file_is_refused_before_it_is_read_whole()
    {
        var (_, admin) = await factory.CreateEditorAsync(Roles.Admin);
        var huge = new StringBuilder("{ \"format\": \"dialoguetracker/1\", \"sources\": [");
        var row = "{ \"key\": \"k\", \"language\": \"en\", \"kind\": \"other\", \"notes\": \"" + new string('x', 1000) + "\" },";
        while (huge.Length < 50 * 1024 * 1024)
        {
            huge.Append(row);
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/import") { Content = new StringContent(huge.ToString(), Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", admin);

        using var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Importing_needs_an_admin()
    {
        var (_, editor) = await factory.CreateEditorAsync(Roles.Editor);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/import") { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", editor);

        using var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task An_import_through_the_api_records_revisions_and_a_dry_run_writes_nothing()
    {
        var (_, admin) = await factory.CreateEditorAsync(Roles.Admin);
        var dataset = new Dataset
        {
            Topics = [new TopicRecord { Slug = "imported-topic", NameEn = "Imported", NameVi = "Nhập", Citations = [new CitationRecord { Source = "seed-vi-eu-delegation-dialogue-page", Quote = "q" }] }],
        };

        async Task<JsonElement> PostAsync(string url)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(dataset, options: DatasetJson.Options) };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", admin);
            using var response = await _client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return await response.Content.ReadFromJsonAsync<JsonElement>();
        }

        var dry = await PostAsync("/api/v1/import?dryRun=true");
        await using (var scope = factory.CreateScope(out var db))
        {
            Assert.False(await db.Topics.AnyAsync(t => t.Slug == "imported-topic"));
        }

        var real = await PostAsync("/api/v1/import");
        Assert.True(dry.GetProperty("dryRun").GetBoolean());
        Assert.Equal(1, real.GetProperty("added").GetInt32());
        await using (var scope = factory.CreateScope(out var db))
        {
            var revision = await db.Revisions.SingleAsync(r => r.RecordKey == "imported-topic");
            Assert.Equal(RevisionAction.Create, revision.Action);
            Assert.StartsWith("admin-", revision.UserName, StringComparison.Ordinal);
        }
    }
}
