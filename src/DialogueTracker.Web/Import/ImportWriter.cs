using System.Globalization;
using DialogueTracker.Web.Data;
using DialogueTracker.Web.Model;
using Microsoft.EntityFrameworkCore;

namespace DialogueTracker.Web.Import;

/// <summary>
/// Writes, inside the import's transaction, what there can be thousands or hundreds of thousands of: new sources, new
/// rounds and statements with their topic links and citations, and revisions. Everything else the importer saves
/// through EF Core.
/// </summary>
public sealed class ImportWriter(DialogueDbContext db, IImportDatabase database) : IAsyncDisposable
{
    /// <summary>From this many new records at once, their search documents are written together rather than one by one.</summary>
    public const int SearchIndexBatch = 100;

    // FTS5's 'hashsize' for a bulk fill, and its default (fts5_config.c, FTS5_DEFAULT_HASHSIZE).
    internal const int BulkHashSize = 64 * 1024 * 1024;
    private const int DefaultHashSize = 1024 * 1024;

    // What a kind of record's search document takes: its insert trigger, how that trigger picks the record (replaced
    // by a range of ids), the document's type and id (4 × the record's id + offset), other insert triggers that write the
    // same document, the link table that files it under topics, and whether the full-text index is filled at the end
    // (statements, sources) or by the trigger on the documents as they are written (rounds: EF Core has saved topics
    // and may save more records after them, whose documents that trigger must index).
    private static readonly SearchDocuments StatementDocuments = new(
        "Statements", "Statements_Search_Insert", "WHERE s.Id = new.Id;", "statement", 1, ["StatementTopics_Search_Insert"], ("StatementTopics", "StatementsId"), IndexedAtEnd: true);
    private static readonly SearchDocuments SourceDocuments = new("Sources", "Sources_Search_Insert", "WHERE o.Id = new.Id;", "source", 3, [], null, IndexedAtEnd: true);
    private static readonly SearchDocuments RoundDocuments = new(
        "Rounds", "Rounds_Search_Insert", "WHERE r.Id = new.Id;", "round", 0, ["RoundTopics_Search_Insert"], ("RoundTopics", "RoundsId"), IndexedAtEnd: false);

    private RowInserter? _statements;
    private RowInserter? _statementTopics;
    private RowInserter? _citations;
    private RowInserter? _sources;
    private RowInserter? _rounds;
    private RowInserter? _roundTopics;
    private RowInserter? _revisions;

    // Records (type, first and last id) whose search documents are written but not yet in the full-text index; in a bulk
    // load, the statements whose documents are handed to the index built beside it.
    private readonly List<(SearchDocuments Kind, int First, int Last)> _unindexed = [];

    /// <summary>
    /// Inserts sources that are not in the database yet; each gets its id, and its original's (which may be another new
    /// source: foreign keys are checked at the commit).
    /// </summary>
    public async Task InsertSourcesAsync(IReadOnlyList<Source> sources, CancellationToken cancellationToken)
    {
        if (sources.Count == 0)
        {
            return;
        }

        _sources ??= RowInserter.For<Source>(db, includeKey: true);
        var firstId = await database.ReserveIdsAsync(db.Database, SourceDocuments.Table, sources.Count, cancellationToken);
        var id = firstId;
        foreach (var source in sources)
        {
            source.Id = id++;
        }

        var suspended = database.BatchesSearchDocuments && sources.Count >= SearchIndexBatch ? await SuspendSearchTriggersAsync(SourceDocuments, cancellationToken) : null;
        var deferred = sources.Count >= SearchIndexBatch && await database.DeferDocumentsAsync(db.Database, cancellationToken);
        foreach (var source in sources)
        {
            source.OriginalId = source.Original?.Id;
            await _sources.InsertAsync(source, cancellationToken);
        }

        if (suspended is not null)
        {
            await WriteDocumentsAndResumeAsync(SourceDocuments, suspended, firstId, id - 1, cancellationToken);
            if (database.BulkSearchIndex is null)
            {
                // Indexed at once, not at the end: EF Core goes on saving around new sources, and they are few. (A bulk
                // load's index is built from every document as it is at the end.)
                await FillIndexAsync(cancellationToken);
            }
        }

        if (deferred)
        {
            await database.WriteDeferredDocumentsAsync(db.Database, SourceDocuments.Table, firstId, id - 1, cancellationToken);
        }
    }

    /// <summary>
    /// Inserts statements that are not in the database yet, with their topic links and citations; each gets its id.
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

        var firstId = await database.ReserveIdsAsync(db.Database, StatementDocuments.Table, statements.Count, cancellationToken);
        var suspended = database.BatchesSearchDocuments && statements.Count >= SearchIndexBatch ? await SuspendSearchTriggersAsync(StatementDocuments, cancellationToken) : null;
        var deferred = statements.Count >= SearchIndexBatch && await database.DeferDocumentsAsync(db.Database, cancellationToken);
        var id = firstId;
        foreach (var statement in statements)
        {
            statement.Id = id++;
            statement.RoundId = statement.Round?.Id;
            await InsertWithLinksAsync(_statements, statement, _statementTopics, "StatementsId", statement.Id, statement.Topics, statement.Citations,
                citation => citation.StatementId = statement.Id, cancellationToken);
        }

        if (suspended is not null)
        {
            await WriteDocumentsAndResumeAsync(StatementDocuments, suspended, firstId, id - 1, cancellationToken);
        }

        if (deferred)
        {
            await database.WriteDeferredDocumentsAsync(db.Database, StatementDocuments.Table, firstId, id - 1, cancellationToken);
        }
    }

    /// <summary>
    /// Inserts rounds that are not in the database yet, with their topic links and citations; each gets its id. What
    /// they refer to (mechanisms, series, topics, sources) has its id by now: EF Core saves those first. Through EF Core,
    /// 500 rounds took 0.3 s to insert and as long again to track. Where the engine does not batch search documents,
    /// its triggers write each round's, as when EF Core saved rounds: there are far fewer rounds than statements.
    /// </summary>
    public async Task InsertRoundsAsync(IReadOnlyList<Round> rounds, CancellationToken cancellationToken)
    {
        if (rounds.Count == 0)
        {
            return;
        }

        _rounds ??= RowInserter.For<Round>(db, includeKey: true);
        _roundTopics ??= RowInserter.ForLinks(db, "RoundTopics");
        _citations ??= RowInserter.For<Citation>(db, includeKey: false);

        var firstId = await database.ReserveIdsAsync(db.Database, RoundDocuments.Table, rounds.Count, cancellationToken);
        var suspended = database.BatchesSearchDocuments && rounds.Count >= SearchIndexBatch ? await SuspendSearchTriggersAsync(RoundDocuments, cancellationToken) : null;
        var id = firstId;
        foreach (var round in rounds)
        {
            round.Id = id++;
            round.MechanismId = round.Mechanism.Id;
            round.SeriesId = round.Series?.Id;
            await InsertWithLinksAsync(_rounds, round, _roundTopics, "RoundsId", round.Id, round.Topics, round.Citations,
                citation => citation.RoundId = round.Id, cancellationToken);
        }

        if (suspended is not null)
        {
            await WriteDocumentsAndResumeAsync(RoundDocuments, suspended, firstId, id - 1, cancellationToken);
        }
    }

    /// <summary>
    /// One record with its topic links and citations. The links go in before the record: with the search triggers on, its
    /// document is then written once, topics included, rather than once per link (foreign keys are checked at the commit).
    /// </summary>
    private async Task InsertWithLinksAsync(
        RowInserter records, object record, RowInserter links, string recordColumn, int id, List<Topic> topics, List<Citation> citations,
        Action<Citation> citeFrom, CancellationToken cancellationToken)
    {
        foreach (var topic in topics)
        {
            await links.InsertAsync(p => p.Name == recordColumn ? id : topic.Id, cancellationToken);
        }

        await records.InsertAsync(record, cancellationToken);
        foreach (var citation in citations)
        {
            citeFrom(citation);
            citation.SourceId = citation.Source.Id;
            await _citations!.InsertAsync(citation, cancellationToken);
        }
    }

    /// <summary>
    /// Adds the documents of the records inserted in large batches to the full-text index. In a bulk load, that is the
    /// index built beside the import (<see cref="SqliteBulkSearchIndex"/>), which by now has every statement's document
    /// and here gets every other, then takes the index's place.
    /// </summary>
    public async Task IndexNewDocumentsAsync(CancellationToken cancellationToken)
    {
        if (database.BulkSearchIndex is { } bulk)
        {
            await bulk.FinishAsync(_unindexed.Count == 0 ? "1" : $"NOT ({Ranges()})", cancellationToken);
            _unindexed.Clear();
            return;
        }

        await FillIndexAsync(cancellationToken);
    }

    /// <summary>
    /// Adds the documents of the records inserted in large batches to the full-text index, in one statement: FTS5
    /// merges its segments as it goes, so one INSERT ... SELECT for the whole import costs half what one per part does.
    /// Until then nothing may delete or rewrite those documents (FTS5 would be told to remove words it never had);
    /// nothing does: an import touches each statement once (a dataset's keys are unique), and after a part is written
    /// nothing but later parts' own statements is saved.
    /// </summary>
    private async Task FillIndexAsync(CancellationToken cancellationToken)
    {
        if (_unindexed.Count == 0)
        {
            return;
        }

        // đ and Đ are folded as SearchDocuments_Insert folds them.
        var ranges = Ranges();
        // FTS5 gathers new terms in memory and writes a segment each time they pass 'hashsize' (1 MB by default),
        // then merges the segments: with 64 MB it writes a few large segments instead of hundreds of small ones, and the
        // fill of 100,000 statements takes half the time. Put back afterwards, as it is kept in the index's config.
        var sql = $"""
            INSERT INTO SearchIndex (SearchIndex, rank) VALUES ('hashsize', {BulkHashSize});
            INSERT INTO SearchIndex (rowid, Title, Body, Topics)
            SELECT Id, {Fold("Title")}, {Fold("Body")}, {Fold("Topics")} FROM SearchDocuments WHERE {ranges};
            INSERT INTO SearchIndex (SearchIndex, rank) VALUES ('hashsize', {DefaultHashSize});
            UPDATE SearchIndexVersion SET Version = Version + 1;
            """;
        await db.Database.ExecuteSqlRawAsync(sql, cancellationToken);
        _unindexed.Clear();
    }

    /// <summary>The search documents of every range in <see cref="_unindexed"/>.</summary>
    private string Ranges() => string.Join(" OR ", _unindexed.Select(r => Range(r.Kind, r.First, r.Last)));

    /// <summary>The search documents of one kind's records with ids from first to last.</summary>
    private static string Range(SearchDocuments kind, int firstId, int lastId) => string.Create(CultureInfo.InvariantCulture,
        $"(Type = '{kind.Type}' AND Id BETWEEN {firstId * 4L + kind.Offset} AND {lastId * 4L + kind.Offset})");

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
    /// built once per topic link and once for the statement, and FTS5 writes a new segment for every record that adds
    /// to it. So for a large batch the insert triggers involved are dropped inside the transaction, the batch's
    /// documents are written set-based (with the record trigger's own SQL, over the batch's ids instead of one), and the
    /// triggers are recreated from their own SQL; a rollback brings them back too. Returns null, leaving the triggers
    /// be, if the record trigger no longer has the shape this relies on.
    /// </summary>
    private async Task<IReadOnlyList<SearchTrigger>?> SuspendSearchTriggersAsync(SearchDocuments kind, CancellationToken cancellationToken)
    {
        string[] names = [kind.Trigger, .. kind.IndexedAtEnd ? ["SearchDocuments_Insert"] : Array.Empty<string>(), .. kind.AlsoWriting];
        var triggers = await db.Database.SqlQueryRaw<SearchTrigger>(
            "SELECT name AS Name, sql AS Sql FROM sqlite_master WHERE type = 'trigger' AND name IN (SELECT value FROM json_each({0}))",
            System.Text.Json.JsonSerializer.Serialize(names)).ToListAsync(cancellationToken);
        var recordTrigger = triggers.SingleOrDefault(t => t.Name == kind.Trigger);
        if (triggers.Count != names.Length || recordTrigger is null || !recordTrigger.Sql.Contains(kind.OneRecord, StringComparison.Ordinal)
            || Documents(kind, recordTrigger, 1, 1).Contains("new.", StringComparison.Ordinal))
        {
            return null;
        }

        // The names are the ones above, not input.
        foreach (var drop in triggers.Select(t => "DROP TRIGGER " + t.Name))
        {
            await db.Database.ExecuteSqlRawAsync(drop, cancellationToken);
        }

        return triggers;
    }

    /// <summary>
    /// Does for the new records what the dropped record and link triggers do for each one, except, for kinds indexed at
    /// the end, the full-text index, which <see cref="IndexNewDocumentsAsync"/> fills once at the end; then recreates the triggers.
    /// </summary>
    private async Task WriteDocumentsAndResumeAsync(
        SearchDocuments kind, IReadOnlyList<SearchTrigger> triggers, int firstId, int lastId, CancellationToken cancellationToken)
    {
        if (kind.Links is var (table, recordColumn))
        {
            // A document is filed under each of its record's topics, as the link trigger files it.
            await db.Database.ExecuteSqlRawAsync(string.Create(CultureInfo.InvariantCulture, $"""
                INSERT OR IGNORE INTO SearchDocumentTopics (TopicId, DocumentId)
                SELECT TopicsId, {recordColumn} * 4 + {kind.Offset} FROM {table} WHERE {recordColumn} BETWEEN {firstId} AND {lastId};
                """), cancellationToken);
        }

        await db.Database.ExecuteSqlRawAsync(Documents(kind, triggers.Single(t => t.Name == kind.Trigger), firstId, lastId), cancellationToken);
        foreach (var trigger in triggers)
        {
            await db.Database.ExecuteSqlRawAsync(trigger.Sql, cancellationToken);
        }

        if (!kind.IndexedAtEnd)
        {
            return;
        }

        if (database.BulkSearchIndex is { } bulk)
        {
            if (kind != StatementDocuments)
            {
                // A bulk load's index gets every other document at the end, as it is then.
                return;
            }

            // Statements, the bulk of a bulk load, are indexed beside it part by part.
            await bulk.AddAsync(Range(kind, firstId, lastId), cancellationToken);
        }

        if (_unindexed.Count > 0 && _unindexed[^1].Kind == kind && _unindexed[^1].Last == firstId - 1)
        {
            _unindexed[^1] = (kind, _unindexed[^1].First, lastId);
        }
        else
        {
            _unindexed.Add((kind, firstId, lastId));
        }
    }

    /// <summary>The record trigger's body, for the records with ids from first to last instead of the new one.</summary>
    private static string Documents(SearchDocuments kind, SearchTrigger trigger, int firstId, int lastId)
    {
        var body = trigger.Sql[(trigger.Sql.IndexOf(" BEGIN", StringComparison.Ordinal) + " BEGIN".Length)..trigger.Sql.LastIndexOf("END", StringComparison.Ordinal)];
        var range = kind.OneRecord.Replace("= new.Id;", string.Create(CultureInfo.InvariantCulture, $"BETWEEN {firstId} AND {lastId};"), StringComparison.Ordinal);
        return body.Replace(kind.OneRecord, range, StringComparison.Ordinal);
    }

    /// <summary>A column's text with đ and Đ folded, as SearchDocuments_Insert folds them for the full-text index.</summary>
    internal static string Fold(string column) => $"replace(replace({column}, 'đ', 'd'), 'Đ', 'D')";

    /// <summary>A trigger as sqlite_master holds it.</summary>
    internal sealed record SearchTrigger(string Name, string Sql);

    /// <summary>How one kind of record's search documents are written; see the fields above.</summary>
    private sealed record SearchDocuments(
        string Table, string Trigger, string OneRecord, string Type, int Offset, string[] AlsoWriting, (string Table, string RecordColumn)? Links, bool IndexedAtEnd);

    public async ValueTask DisposeAsync()
    {
        foreach (var inserter in new[] { _sources, _rounds, _roundTopics, _statements, _statementTopics, _citations, _revisions })
        {
            if (inserter is not null)
            {
                await inserter.DisposeAsync();
            }
        }
    }
}
