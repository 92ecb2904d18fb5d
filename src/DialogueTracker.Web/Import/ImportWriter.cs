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
    /// <summary>From this many new statements in a part, their search documents are written for the part at once rather than one by one.</summary>
    public const int SearchIndexBatch = 100;

    // How the statement trigger picks the statement it writes the document of; replaced by a range of ids.
    private const string OneStatement = "WHERE s.Id = new.Id;";

    private RowInserter? _statements;
    private RowInserter? _statementTopics;
    private RowInserter? _citations;
    private RowInserter? _revisions;

    // Statements (first and last id) whose search documents are written but not yet in the full-text index.
    private readonly List<(int First, int Last)> _unindexed = [];

    /// <summary>
    /// Inserts statements that are not in the database yet; each gets its id. Topic links go in before their statement,
    /// so that, when the search triggers run, the statement's document is written once, topics included, rather than
    /// once per link (the import's transaction defers foreign keys to the commit for this).
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
        var suspended = statements.Count >= SearchIndexBatch ? await SuspendSearchTriggersAsync(cancellationToken) : null;
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

        if (suspended is not null)
        {
            await WriteDocumentsAndResumeAsync(suspended, firstId, id - 1, cancellationToken);
        }
    }

    /// <summary>
    /// Adds the documents of the statements inserted in large parts to the full-text index, in one statement: FTS5
    /// merges its segments as it goes, so one INSERT ... SELECT for the whole import costs half what one per part does.
    /// Until then nothing may delete those documents (FTS5 would be told to remove words it never had); nothing does,
    /// since later parts only touch their own statements and a dataset's keys are unique.
    /// </summary>
    public async Task IndexNewStatementsAsync(CancellationToken cancellationToken)
    {
        if (_unindexed.Count == 0)
        {
            return;
        }

        // A statement's search document has id 4 × its id + 1; đ and Đ are folded as SearchDocuments_Insert folds them.
        var ranges = string.Join(" OR ", _unindexed.Select(r => string.Create(CultureInfo.InvariantCulture, $"Id BETWEEN {r.First * 4L + 1} AND {r.Last * 4L + 1}")));
        var sql = $"""
            INSERT INTO SearchIndex (rowid, Title, Body, Topics)
            SELECT Id, {Fold("Title")}, {Fold("Body")}, {Fold("Topics")} FROM SearchDocuments
            WHERE Type = 'statement' AND ({ranges});
            UPDATE SearchIndexVersion SET Version = Version + 1;
            """;
        await db.Database.ExecuteSqlRawAsync(sql, cancellationToken);
        _unindexed.Clear();
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
    /// The search triggers (migration AddSearchIndex) cost tens of microseconds per row: a new statement's document is
    /// built once per topic link and once for the statement, and FTS5 writes a new segment for every statement that
    /// adds to it. So for a large part the three insert triggers involved are dropped inside the transaction, the part's
    /// documents are written set-based (with the statement trigger's own SQL, over the part's ids instead of one),
    /// and the triggers are recreated from their own SQL; a rollback brings them back too. Returns null, leaving the
    /// triggers be, if the statement trigger no longer has the shape this relies on.
    /// </summary>
    private async Task<IReadOnlyList<SearchTrigger>?> SuspendSearchTriggersAsync(CancellationToken cancellationToken)
    {
        var triggers = await db.Database.SqlQueryRaw<SearchTrigger>("""
            SELECT name AS Name, sql AS Sql FROM sqlite_master WHERE type = 'trigger'
            AND name IN ('StatementTopics_Search_Insert', 'Statements_Search_Insert', 'SearchDocuments_Insert')
            """).ToListAsync(cancellationToken);
        var statementTrigger = triggers.SingleOrDefault(t => t.Name == "Statements_Search_Insert");
        if (triggers.Count != 3 || statementTrigger is null || !statementTrigger.Sql.Contains(OneStatement, StringComparison.Ordinal)
            || StatementDocuments(statementTrigger, 1, 1).Contains("new.", StringComparison.Ordinal))
        {
            return null;
        }

        // The names are the three above, not input.
        foreach (var drop in triggers.Select(t => "DROP TRIGGER " + t.Name))
        {
            await db.Database.ExecuteSqlRawAsync(drop, cancellationToken);
        }

        return triggers;
    }

    /// <summary>
    /// Does for the new statements what the dropped triggers do for each one, except the full-text index, which
    /// <see cref="IndexNewStatementsAsync"/> fills once at the end; then recreates the triggers.
    /// </summary>
    private async Task WriteDocumentsAndResumeAsync(IReadOnlyList<SearchTrigger> triggers, int firstId, int lastId, CancellationToken cancellationToken)
    {
        // A statement's search document has id 4 × its id + 1 and is filed under each of its topics.
        await db.Database.ExecuteSqlRawAsync(string.Create(CultureInfo.InvariantCulture, $"""
            INSERT OR IGNORE INTO SearchDocumentTopics (TopicId, DocumentId)
            SELECT TopicsId, StatementsId * 4 + 1 FROM StatementTopics WHERE StatementsId BETWEEN {firstId} AND {lastId};
            {StatementDocuments(triggers.Single(t => t.Name == "Statements_Search_Insert"), firstId, lastId)}
            """), cancellationToken);
        foreach (var trigger in triggers)
        {
            await db.Database.ExecuteSqlRawAsync(trigger.Sql, cancellationToken);
        }

        if (_unindexed.Count > 0 && _unindexed[^1].Last == firstId - 1)
        {
            _unindexed[^1] = (_unindexed[^1].First, lastId);
        }
        else
        {
            _unindexed.Add((firstId, lastId));
        }
    }

    /// <summary>The statement trigger's body, for the statements with ids from first to last instead of the new one.</summary>
    private static string StatementDocuments(SearchTrigger trigger, int firstId, int lastId)
    {
        var body = trigger.Sql[(trigger.Sql.IndexOf(" BEGIN", StringComparison.Ordinal) + " BEGIN".Length)..trigger.Sql.LastIndexOf("END", StringComparison.Ordinal)];
        return body.Replace(OneStatement, string.Create(CultureInfo.InvariantCulture, $"WHERE s.Id BETWEEN {firstId} AND {lastId};"), StringComparison.Ordinal);
    }

    private static string Fold(string column) => $"replace(replace({column}, 'đ', 'd'), 'Đ', 'D')";

    /// <summary>The next id AUTOINCREMENT would give: never one a deleted statement had.</summary>
    private async Task<int> NextStatementIdAsync(CancellationToken cancellationToken) =>
        await db.Database.SqlQueryRaw<int>("""
            SELECT max(ifnull((SELECT seq FROM sqlite_sequence WHERE name = 'Statements'), 0), ifnull((SELECT max(Id) FROM Statements), 0)) + 1 AS Value
            """).SingleAsync(cancellationToken);

    /// <summary>A trigger as sqlite_master holds it.</summary>
    private sealed record SearchTrigger(string Name, string Sql);

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
