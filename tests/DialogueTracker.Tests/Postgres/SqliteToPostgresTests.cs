using System.Net.Http.Json;
using System.Text;
using DialogueTracker.Web.Data.Postgres;
using DialogueTracker.Web.Export;
using DialogueTracker.Web.Import;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace DialogueTracker.Tests.Postgres;

/// <summary>
/// Moving a site from SQLite to PostgreSQL as the README says: export the SQLite database, import the file into an
/// empty PostgreSQL database, and the PostgreSQL database exports the very same document.
/// </summary>
public sealed class SqliteToPostgresTests(DialogueTrackerFactory sqlite) : IClassFixture<DialogueTrackerFactory>
{
    [Fact]
    public async Task Export_from_sqlite_imported_into_postgres_exports_the_same_document()
    {
        // Beyond the seed: an edit made through the API, so a revised record and its revision go along too.
        var client = sqlite.CreateClient();
        var (_, token) = await sqlite.CreateEditorAsync("Admin");
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        using (var created = await client.PostAsJsonAsync("/api/v1/rounds", new
        {
            key = "moved-to-postgres", mechanism = "human-rights-dialogue", kind = "round", date = "2024-06",
            titleEn = "Moved to PostgreSQL", titleVi = "Chuyển sang PostgreSQL đầy đủ", topics = new[] { "death-penalty" },
            citations = new[] { new { source = "seed-vi-eu-delegation-dialogue-page", quote = "Vòng thứ 9" } },
        }))
        {
            Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        }

        var exported = await client.GetByteArrayAsync("/api/v1/export");
        var file = Path.Combine(Path.GetTempPath(), $"dialoguetracker-to-postgres-{Guid.NewGuid():N}.json");
        var database = PostgresServer.Shared.CreateDatabase();
        try
        {
            await File.WriteAllBytesAsync(file, exported);
            var options = new DbContextOptionsBuilder<PostgresDialogueDbContext>().UseNpgsql(PostgresServer.Shared.ConnectionString(database)).Options;
            await using (var db = new PostgresDialogueDbContext(options))
            {
                await db.Database.MigrateAsync();
                var result = await new DatasetImporter(db, new PostgresImportDatabase(), NullLogger<DatasetImporter>.Instance)
                    .ImportAsync(DatasetInput.FromFile(file), ImportOptions.Default);
                Assert.True(result.Succeeded, string.Join("; ", result.Problems));
            }

            await using (var db = new PostgresDialogueDbContext(options))
            {
                using var again = new MemoryStream();
                await new DatasetExporter(db).WriteAsync(again, default);
                Assert.Equal(Encoding.UTF8.GetString(exported), Encoding.UTF8.GetString(again.ToArray()));
                Assert.True(await db.SearchDocuments.AnyAsync(d => d.Label == "Moved to PostgreSQL"));
            }
        }
        finally
        {
            File.Delete(file);
            PostgresServer.Shared.DropDatabase(database);
        }
    }
}
