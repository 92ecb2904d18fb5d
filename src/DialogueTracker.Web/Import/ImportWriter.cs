using System.Globalization;
using DialogueTracker.Web.Data;
using DialogueTracker.Web.Model;
using Microsoft.EntityFrameworkCore;

namespace DialogueTracker.Web.Import;

/// <summary>
/// Writes, inside the import's transaction, what there can be hundreds of thousands of: new statements with their
/// topic links and citations, and revisions. Everything else the importer saves through EF Core.
/// </summary>
public sealed class ImportWriter(DialogueDbContext db) : IAsyncDisposable
{
    /// <summary>From this many new statements in a part, the search index is filled once for the part instead of per statement.</summary>
    public const int SearchIndexBatch = 100;

    private RowInserter? _statements;
    private RowInserter? _statementTopics;
    private RowInserter? _citations;
    private RowInserter? _revisions;

    /// <summary>
    /// Inserts statements that are not in the database yet; each gets its id. Topic links go in before their statement,
    /// so the statement's search trigger writes its document once, topics included, rather than once per link
    /// (the import's transaction defers foreign keys to the commit for this).
    /// </summary>
    public async Task InsertStatementsAsync(IReadOnlyList<Statement> statements, CancellationToken cancellationToken)
    {
        if (statements.Count == 0)
        {
            return;
        }

        _statements ??= RowInserter.For<Statement>(db, includeKey: true);
        _statementTopics ??= RowInserter.ForLinks(db, "StatementTopics");
        _citations ??= RowInserter.For<Citation>(db, includeKey: false);

        var firstId = await NextStatementIdAsync(cancellationToken);
        var searchTrigger = statements.Count >= SearchIndexBatch ? await SuspendSearchTriggerAsync(cancellationToken) : null;
        var id = firstId;
        foreach (var statement in statements)
        {
            statement.Id = id++;
            statement.RoundId = statement.Round?.Id;
            foreach (var topic in statement.Topics)
            {
                await _statementTopics.InsertAsync(p => p.Name == "StatementsId" ? statement.Id : topic.Id, cancellationToken);
            }

            await _statements.InsertAsync(statement, cancellationToken);
            foreach (var citation in statement.Citations)
            {
                citation.StatementId = statement.Id;
                citation.SourceId = citation.Source.Id;
                await _citations.InsertAsync(citation, cancellationToken);
            }
        }

        if (searchTrigger is not null)
        {
            await IndexAndResumeAsync(searchTrigger, firstId, id - 1, cancellationToken);
        }
    }

    public async Task InsertRevisionsAsync(IEnumerable<Revision> revisions, CancellationToken cancellationToken)
    {
        _revisions ??= RowInserter.For<Revision>(db, includeKey: false);
        foreach (var revision in revisions)
        {
            await _revisions.InsertAsync(revision, cancellationToken);
        }
    }

    /// <summary>
    /// The search index (FTS5) writes a new segment for every statement that adds to it, which makes filling it
    /// row by row several times slower than one INSERT ... SELECT. So for a large part the trigger that feeds it
    /// (SearchDocuments_Insert, migration AddSearchIndex) is dropped inside the transaction and recreated from its own SQL
    /// afterwards; a rollback brings it back too. Only new documents are written meanwhile: nothing is deleted.
    /// </summary>
    private async Task<string> SuspendSearchTriggerAsync(CancellationToken cancellationToken)
    {
        var sql = await db.Database.SqlQueryRaw<string>(
            "SELECT sql AS Value FROM sqlite_master WHERE type = 'trigger' AND name = 'SearchDocuments_Insert'").SingleAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync("DROP TRIGGER SearchDocuments_Insert", cancellationToken);
        return sql;
    }

    /// <summary>Does for the new statements' documents what the dropped trigger does for each, then recreates it.</summary>
    private async Task IndexAndResumeAsync(string triggerSql, int firstId, int lastId, CancellationToken cancellationToken)
    {
        // A statement's search document has id 4 × its id + 1; đ and Đ are folded as the trigger folds them.
        await db.Database.ExecuteSqlRawAsync(string.Create(CultureInfo.InvariantCulture, $"""
            INSERT INTO SearchIndex (rowid, Title, Body, Topics)
            SELECT Id, {Fold("Title")}, {Fold("Body")}, {Fold("Topics")} FROM SearchDocuments
            WHERE Id BETWEEN {firstId * 4L + 1} AND {lastId * 4L + 1} AND Type = 'statement';
            UPDATE SearchIndexVersion SET Version = Version + 1;
            """), cancellationToken);
        await db.Database.ExecuteSqlRawAsync(triggerSql, cancellationToken);
    }

    private static string Fold(string column) => $"replace(replace({column}, 'đ', 'd'), 'Đ', 'D')";

    /// <summary>The next id AUTOINCREMENT would give: never one a deleted statement had.</summary>
    private async Task<int> NextStatementIdAsync(CancellationToken cancellationToken) =>
        await db.Database.SqlQueryRaw<int>("""
            SELECT max(ifnull((SELECT seq FROM sqlite_sequence WHERE name = 'Statements'), 0), ifnull((SELECT max(Id) FROM Statements), 0)) + 1 AS Value
            """).SingleAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        foreach (var inserter in new[] { _statements, _statementTopics, _citations, _revisions })
        {
            if (inserter is not null)
            {
                await inserter.DisposeAsync();
            }
        }
    }
}
