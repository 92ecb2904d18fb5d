using DialogueTracker.Web.Data;
using DialogueTracker.Web.Import;
using DialogueTracker.Web.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DialogueTracker.Tests.Import;

/// <summary>
/// The bulk import binds values itself (<see cref="RowInserter"/>); a row it writes must hold exactly what EF Core's
/// SaveChanges writes for the same record, type for type and byte for byte, or exports and queries would tell them apart.
/// </summary>
public sealed class RowInserterTests(DialogueTrackerFactory factory) : IClassFixture<DialogueTrackerFactory>
{
    // An offset and fractions of a second, where text formats differ if anything does.
    private static readonly DateTimeOffset Moment = new(2020, 2, 19, 9, 30, 15, 123, TimeSpan.FromHours(7));

    [Fact]
    public async Task A_statement_row_is_the_same_as_ef_core_writes()
    {
        var (ef, inserted) = await WriteBothAsync(
            key => new Statement
            {
                Key = key, Date = PartialDate.Parse("2020-02~"), DateNote = "month inferred", Party = Party.VietNam, PartyName = "MOFA",
                Speaker = "Lê Thị Thu Hằng", SpeakerRole = "Spokesperson", Occasion = "press conference", InResponseTo = "a question",
                TitleEn = "Title", TitleVi = "Tiêu đề 🙂", SummaryEn = "Summary", SummaryVi = "Tóm tắt", Quote = "“Words”\u0000 after a NUL", Language = "vi",
                Version = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e"), DeletedAt = Moment,
            },
            "Statements", db => RowInserter.For<Statement>(db, includeKey: false));

        Assert.Equal(ef, inserted);
    }

    [Fact]
    public async Task A_source_row_is_the_same_as_ef_core_writes()
    {
        var (ef, inserted) = await WriteBothAsync(
            key => new Source
            {
                Key = key, Title = "Tuyên bố", Publisher = "EU Delegation", Url = "https://example.org/a", PublishedOn = PartialDate.Parse("2020"),
                Language = "vi", Kind = SourceKind.PressRelease, Notes = "n", Version = Guid.Parse("7c9e6679-7425-40de-944b-e07fc1f90ae7"), DeletedAt = null,
            },
            "Sources", db => RowInserter.For<Source>(db, includeKey: false));

        Assert.Equal(ef, inserted);
    }

    [Fact]
    public async Task A_revision_row_is_the_same_as_ef_core_writes()
    {
        var (ef, inserted) = await WriteBothAsync(
            key => new Revision
            {
                RecordType = RecordType.Statement, RecordId = 7, RecordKey = key, Action = RevisionAction.Import, At = Moment,
                UserId = null, UserName = "import", Summary = "s", Before = null, After = "{\"a\":1}",
            },
            "Revisions", db => RowInserter.For<Revision>(db, includeKey: false));

        Assert.Equal(ef, inserted);
    }

    /// <summary>
    /// Saves one record through EF Core and one through the inserter (keys "ef-…" and "row-…"), and returns each row's
    /// columns as SQLite holds them (type and value), but for the id and the key.
    /// </summary>
    private async Task<(List<string> Ef, List<string> Inserted)> WriteBothAsync<T>(
        Func<string, T> make, string table, Func<DbContext, RowInserter> inserter) where T : class
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DialogueDbContext>();
        var suffix = Guid.NewGuid().ToString("N");
        await db.Database.OpenConnectionAsync();
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            db.Add(make("ef-" + suffix));
            await db.SaveChangesAsync();
            await using (var rows = inserter(db))
            {
                await rows.InsertAsync(make("row-" + suffix), default);
            }

            await transaction.CommitAsync();
        }

        var keyColumn = table == "Revisions" ? "RecordKey" : "Key";
        var columns = await db.Database.SqlQueryRaw<string>("SELECT name AS Value FROM pragma_table_info({0})", table).ToListAsync();
        var compared = columns.Where(c => c is not "Id" && c != keyColumn).ToList();
        Assert.NotEmpty(compared);
        async Task<List<string>> RowAsync(string key)
        {
            var cells = string.Join(" || '|' || ", compared.Select(c => $"typeof(\"{c}\") || ':' || ifnull(quote(\"{c}\"), '')"));
            // Table and column names come from the test and the schema, not from input.
            var sql = "SELECT " + cells + " AS Value FROM \"" + table + "\" WHERE \"" + keyColumn + "\" = {0}";
            var row = await db.Database.SqlQueryRaw<string>(sql, key).SingleAsync();
            return [.. row.Split('|')];
        }

        return (await RowAsync("ef-" + suffix), await RowAsync("row-" + suffix));
    }
}
