using DialogueTracker.Tests.Import;
using DialogueTracker.Web.Data.Postgres;
using DialogueTracker.Web.Export;
using DialogueTracker.Web.Import;
using DialogueTracker.Web.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace DialogueTracker.Tests.Postgres;

/// <summary>
/// A generated dataset of some thousands of statements (more than one part of the streamed importer) imported into an
/// empty PostgreSQL database: the same document comes back out, each record with its revision, each in search.
/// </summary>
public sealed class LargeImportOnPostgresTests(LargeImportTests.GeneratedDataset generated) : IClassFixture<LargeImportTests.GeneratedDataset>
{
    [Fact]
    public async Task A_large_import_into_an_empty_postgres_database_exports_the_same_document()
    {
        var database = PostgresServer.Shared.CreateDatabase();
        try
        {
            var options = new DbContextOptionsBuilder<PostgresDialogueDbContext>().UseNpgsql(PostgresServer.Shared.ConnectionString(database)).Options;
            await using (var db = new PostgresDialogueDbContext(options))
            {
                await db.Database.MigrateAsync();
                var result = await new DatasetImporter(db, new PostgresImportDatabase(), NullLogger<DatasetImporter>.Instance)
                    .ImportAsync(DatasetInput.FromFile(generated.ExportPath), ImportOptions.Default);
                Assert.True(result.Succeeded, string.Join("; ", result.Problems));
                Assert.Equal(generated.RecordCount, result.Added);
            }

            await using (var db = new PostgresDialogueDbContext(options))
            {
                using var export = new MemoryStream();
                await new DatasetExporter(db).WriteAsync(export, default);
                Assert.Equal(generated.Export, export.ToArray());
                Assert.Equal(await db.Statements.CountAsync(), await db.Revisions.CountAsync(r => r.RecordType == RecordType.Statement));
                Assert.Equal(await db.Statements.CountAsync(), await db.SearchDocuments.CountAsync(d => d.Type == Web.Search.SearchRecordType.Statement));
            }
        }
        finally
        {
            PostgresServer.Shared.DropDatabase(database);
        }
    }
}
