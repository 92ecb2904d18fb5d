using System.Threading.Channels;
using DialogueTracker.Web.Data;
using DialogueTracker.Web.Model;
using Microsoft.EntityFrameworkCore;

namespace DialogueTracker.Web.Import;

/// <summary>
/// Loads a dataset into the database: validated first, then written in one transaction, all or nothing.
/// Records are matched on their stable keys, so importing the same file twice changes nothing.
/// Every record whose content changes gets a revision. The seed data, imports and editors' saves all go through here.
/// Statements, which may number hundreds of thousands, are written part by part with change tracking cleared in
/// between, new ones through <see cref="ImportWriter"/>, so memory follows the size of a part, not of the file.
/// </summary>
public sealed partial class DatasetImporter(DialogueDbContext db, IImportDatabase importDatabase, ILogger<DatasetImporter> logger)
{
    private readonly List<Touched> _touched = [];
    private readonly List<Round> _newRounds = [];
    private readonly List<Statement> _newStatements = [];
    private readonly Dictionary<(RecordType Type, string Key), (int Id, Guid Version)> _written = [];
    private ImportOptions _options = ImportOptions.Default;
    private References? _references;
    private int _added;
    private int _changed;

    public Task<ImportResult> ImportAsync(Dataset dataset, bool dryRun, CancellationToken cancellationToken = default) =>
        ImportAsync(dataset, ImportOptions.Default with { DryRun = dryRun }, cancellationToken);

    public Task<ImportResult> ImportAsync(Dataset dataset, ImportOptions options, CancellationToken cancellationToken = default) =>
        ImportAsync(DatasetInput.Of(dataset), options, cancellationToken);

    public async Task<ImportResult> ImportAsync(DatasetInput input, ImportOptions options, CancellationToken cancellationToken = default)
    {
        _options = options;

        // The connection is held for the whole import, so settings made for it stay on it and are put back on it.
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var tuning = await importDatabase.TuneForImportAsync(db.Database, cancellationToken);
            return await ImportInOnePassAsync(input, cancellationToken) ?? await ImportInTwoPassesAsync(input, cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// Reads the input once: it is checked part by part on another thread, a part or two ahead of the writing, and each
    /// part is written as soon as everything checked so far is sound. A problem anywhere stops the writing; the check
    /// goes on to the end, so every problem is reported, and the transaction is rolled back. Returns null, having
    /// written nothing, when the input's order does not allow this (a record refers to one further on, or records other
    /// than statements and concerns come after statements) and it is otherwise sound: it is then read twice.
    /// </summary>
    private async Task<ImportResult?> ImportInOnePassAsync(DatasetInput input, CancellationToken cancellationToken)
    {
        Reset();
        var validator = new DatasetValidator(await LoadExistingKeysAsync(cancellationToken));
        var checkedParts = Channel.CreateBounded<CheckedPart>(new BoundedChannelOptions(2) { SingleReader = true, SingleWriter = true });
        var newStatementReferences = new TaskCompletionSource<References?>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var checking = Task.Run(() => CheckAheadAsync(input, validator, checkedParts.Writer, newStatementReferences.Task, stop.Token), stop.Token);
        try
        {
            return await WriteAsync(
                checkedParts.Reader.ReadAllAsync(cancellationToken),
                firstStatementsApplied: () => newStatementReferences.TrySetResult(_references),
                finishCheck: async () =>
                {
                    var (concerns, forwardedAll) = await checking;
                    var problems = await FinishCheckAsync(validator, concerns, cancellationToken);
                    return new CheckedInput(problems, concerns, ReadAgain: problems.Count == 0 && !forwardedAll);
                },
                cancellationToken);
        }
        finally
        {
            // The writing may have stopped first (a conflict, the database), and the check is stopped with it; what the
            // check met on its own (broken JSON) the writing met too, through the channel.
            await stop.CancelAsync();
            try
            {
                await checking;
            }
            catch (Exception ex) when (ex is OperationCanceledException or System.Text.Json.JsonException or ChannelClosedException)
            {
            }
        }
    }

    /// <summary>The whole input checked first, without writing; then read again and written.</summary>
    private async Task<ImportResult> ImportInTwoPassesAsync(DatasetInput input, CancellationToken cancellationToken)
    {
        Reset();
        var (problems, others) = await ValidateAsync(input, cancellationToken);
        if (problems.Count > 0)
        {
            return new ImportResult(problems, 0, 0);
        }

        var statements = input.ReadAsync(DatasetSections.Statements, cancellationToken).Where(part => part.Statements.Count > 0);
        var parts = statements.Prepend(others).Select(part => new CheckedPart(part));
        var written = await WriteAsync(parts, firstStatementsApplied: () => { },
            finishCheck: () => Task.FromResult(new CheckedInput([], others.Concerns, ReadAgain: false)), cancellationToken);
        return written!;
    }

    /// <summary>
    /// Runs on its own thread: reads the input, checks each part, and hands on what may be written: first the records
    /// other than statements, whole, then the statements part by part. Returns the concerns (checked last, once the
    /// statements they name are known) and whether every part was handed on. After the first part of statements, which
    /// the writing side applies itself, statements go mapped with their snapshots, as if all new, once that side has
    /// the records they refer to (<paramref name="newStatementReferences"/>; null when that first part held statements
    /// already in the database): that work is done here, beside the writing.
    /// </summary>
    private static async Task<(List<ConcernRecord> Concerns, bool ForwardedAll)> CheckAheadAsync(
        DatasetInput input, DatasetValidator validator, ChannelWriter<CheckedPart> forward,
        Task<References?> newStatementReferences, CancellationToken cancellationToken)
    {
        var others = new Dataset();
        var concerns = new List<ConcernRecord>();
        var forwarding = true;
        var othersSent = false;
        var statementsSent = false;
        try
        {
            await foreach (var part in input.ReadAsync(DatasetSections.All, cancellationToken))
            {
                validator.Add(part with { Concerns = [] });
                concerns.AddRange(part.Concerns);
                var hasOthers = part.Sources.Count + part.Topics.Count + part.Mechanisms.Count + part.Rounds.Count > 0;
                if (othersSent && hasOthers)
                {
                    // The statements already written were written without these.
                    forwarding = false;
                }
                else if (!othersSent)
                {
                    others.Sources.AddRange(part.Sources);
                    others.Topics.AddRange(part.Topics);
                    others.Mechanisms.AddRange(part.Mechanisms);
                    others.Rounds.AddRange(part.Rounds);
                }

                if (part.Statements.Count == 0 || !forwarding)
                {
                    continue;
                }

                forwarding = validator.IsSoundSoFar();
                if (forwarding)
                {
                    if (!othersSent)
                    {
                        await forward.WriteAsync(new CheckedPart(others), cancellationToken);
                        othersSent = true;
                    }

                    var references = statementsSent ? await newStatementReferences.WaitAsync(cancellationToken) : null;
                    var statements = new Dataset { Format = part.Format, Statements = part.Statements };
                    await forward.WriteAsync(new CheckedPart(statements, references is null ? null : MapNewStatements(part.Statements, references)), cancellationToken);
                    statementsSent = true;
                }
            }

            if (forwarding && !othersSent && validator.IsSoundSoFar())
            {
                await forward.WriteAsync(new CheckedPart(others), cancellationToken);
                othersSent = true;
            }

            forward.Complete();
            return (concerns, forwarding && othersSent);
        }
        catch (Exception ex)
        {
            // Broken JSON, or the import cancelled: the writing side meets it as it reads on.
            forward.TryComplete(ex);
            throw;
        }
    }

    /// <summary>The checks that need the whole input, the concerns' among them; every problem found.</summary>
    private async Task<IReadOnlyList<ImportProblem>> FinishCheckAsync(DatasetValidator validator, List<ConcernRecord> concerns, CancellationToken cancellationToken)
    {
        validator.KnowStatements(await ExistingStatementKeysAsync(concerns, cancellationToken));
        validator.Add(new Dataset { Concerns = concerns });
        return validator.Finish();
    }

    private void Reset()
    {
        _touched.Clear();
        _newRounds.Clear();
        _newStatements.Clear();
        _written.Clear();
        _references = null;
        (_added, _changed) = (0, 0);
        db.ChangeTracker.Clear();
    }

    /// <summary>What the check of the whole input found, once the writing has had every part it was given.</summary>
    private sealed record CheckedInput(IReadOnlyList<ImportProblem> Problems, List<ConcernRecord> Concerns, bool ReadAgain);

    /// <summary>
    /// Writes in one transaction, all or nothing: the first part holds the records other than statements, applied whole
    /// (they are few beside statements and may refer to one another in any order); the parts after it, statements.
    /// Then the check of the whole input decides: any problem, and nothing is written; otherwise the concerns go in and
    /// it commits. Returns null, having written nothing, when the check says the input must be read again.
    /// </summary>
    private async Task<ImportResult?> WriteAsync(
        IAsyncEnumerable<CheckedPart> parts, Action firstStatementsApplied, Func<Task<CheckedInput>> finishCheck, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await using var writer = new ImportWriter(db, importDatabase);
        try
        {
            // New statements' topic links are written before the statements (see ImportWriter), so foreign keys
            // are checked at the commit.
            await importDatabase.BeginAsync(db.Database, cancellationToken);

            var first = true;
            var statementsApplied = false;
            await foreach (var part in parts)
            {
                if (first)
                {
                    first = false;
                    var others = part.Records;
                    var sources = await ApplySourcesAsync(others.Sources, writer, cancellationToken);
                    var topics = await ApplyTopicsAsync(others.Topics, sources, cancellationToken);
                    var mechanisms = await ApplyMechanismsAsync(others.Mechanisms, sources, cancellationToken);
                    await ApplyRoundsAsync(others.Rounds, mechanisms, topics, sources, cancellationToken);
                    if (await SaveAsync(writer, cancellationToken) is { } conflicts)
                    {
                        return await AbandonAsync(transaction, conflicts, isConflict: true, cancellationToken);
                    }

                    continue;
                }

                await ApplyStatementsAsync(part, cancellationToken);
                if (!statementsApplied)
                {
                    statementsApplied = true;
                    firstStatementsApplied();
                }

                if (await SaveAsync(writer, cancellationToken) is { } statementConflicts)
                {
                    return await AbandonAsync(transaction, statementConflicts, isConflict: true, cancellationToken);
                }
            }

            var check = await finishCheck();
            if (check.Problems.Count > 0 || check.ReadAgain)
            {
                await transaction.RollbackAsync(cancellationToken);
                db.ChangeTracker.Clear();
                return check.ReadAgain ? null : new ImportResult(check.Problems, 0, 0);
            }

            // Concerns name rounds and statements, so they come last; they are few, and go through EF Core whole.
            if (check.Concerns.Count > 0)
            {
                await ApplyConcernsAsync(check.Concerns, cancellationToken);
                if (await SaveAsync(writer, cancellationToken) is { } concernConflicts)
                {
                    return await AbandonAsync(transaction, concernConflicts, isConflict: true, cancellationToken);
                }
            }

            await writer.IndexNewDocumentsAsync(cancellationToken);
            await importDatabase.FinishBeforeCommitAsync(db.Database, cancellationToken);
            if (_options.DryRun)
            {
                await transaction.RollbackAsync(cancellationToken);
            }
            else
            {
                await transaction.CommitAsync(cancellationToken);
                if (_added + _changed > 0)
                {
                    logger.LogInformation("Imported dataset: {Added} records added, {Changed} changed", _added, _changed);
                }
            }

            return new ImportResult([], _added, _changed) { Written = new Dictionary<(RecordType, string), (int, Guid)>(_written) };
        }
        catch (DbUpdateConcurrencyException)
        {
            return await AbandonAsync(transaction, [new ImportProblem("dataset", "version", "someone else saved one of these records at the same moment")], isConflict: true, cancellationToken);
        }
        // A full disk or a read-only file is not the import's fault: that goes on up as a 503.
        catch (Exception ex) when (ex is DbUpdateException or System.Data.Common.DbException && !DatabaseUnavailable.Is(ex))
        {
            var message = ex is DbUpdateException { InnerException: { } inner } ? inner.Message : ex.Message;
            return await AbandonAsync(transaction, [new ImportProblem("dataset", null, $"the database refused the import: {message}")], isConflict: false, cancellationToken);
        }
        catch (System.Text.Json.JsonException ex)
        {
            // Broken JSON met while writing (the check reads ahead), or a file that changed between two reads.
            return await AbandonAsync(transaction, [DatasetReader.ToProblem(ex)], isConflict: false, cancellationToken);
        }
    }

    /// <summary>Every problem in the dataset, read part by part, and the records other than statements, kept.</summary>
    private async Task<(IReadOnlyList<ImportProblem> Problems, Dataset Others)> ValidateAsync(DatasetInput input, CancellationToken cancellationToken)
    {
        var validator = new DatasetValidator(await LoadExistingKeysAsync(cancellationToken));
        var others = new Dataset();
        try
        {
            // Concerns are checked last, once the statements their mentions name are known.
            await foreach (var part in input.ReadAsync(DatasetSections.All, cancellationToken))
            {
                validator.Add(part with { Concerns = [] });
                others.Sources.AddRange(part.Sources);
                others.Topics.AddRange(part.Topics);
                others.Mechanisms.AddRange(part.Mechanisms);
                others.Rounds.AddRange(part.Rounds);
                others.Concerns.AddRange(part.Concerns);
            }
        }
        catch (System.Text.Json.JsonException ex)
        {
            return ([DatasetReader.ToProblem(ex)], others);
        }

        validator.KnowStatements(await ExistingStatementKeysAsync(others.Concerns, cancellationToken));
        validator.Add(new Dataset { Concerns = others.Concerns });
        return (validator.Finish(), others);
    }

    /// <summary>
    /// Writes what the records applied since the last save changed, with their revisions, then lets go of them.
    /// Returns the conflicts instead, when a record changed since the version an editor started from.
    /// </summary>
    private async Task<List<ImportProblem>?> SaveAsync(ImportWriter writer, CancellationToken cancellationToken)
    {
        var conflicts = _touched.Where(t => t.Conflict).Select(t => new ImportProblem($"{EnumNames.ToName(t.Type)} ({t.Key})", "version",
            "someone else saved this record after you opened it")).ToList();
        if (conflicts.Count > 0)
        {
            return conflicts;
        }

        // Records get their ids on the first save; revisions, which name them, after; new versions on the second save.
        // A part of new statements only leaves EF Core nothing to save: the writer writes them. New rounds go in after
        // the first save, which gives what they refer to its ids.
        var tracked = _touched.Any(t => t.Type != RecordType.Statement || t.Before is not null);
        if (tracked)
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        await writer.InsertRoundsAsync(_newRounds, cancellationToken);
        await writer.InsertStatementsAsync(_newStatements, cancellationToken);
        var revisions = RecordRevisions();
        if (tracked)
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        await writer.InsertRevisionsAsync(revisions, cancellationToken);

        _added += _touched.Count(t => t.Before is null);
        foreach (var t in _touched)
        {
            _written[(t.Type, t.Key)] = (t.Entity.Id, t.Entity.Version);
        }

        _touched.Clear();
        _newRounds.Clear();
        _newStatements.Clear();
        db.ChangeTracker.Clear();
        return null;
    }

    private async Task<ImportResult> AbandonAsync(
        Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction, List<ImportProblem> problems, bool isConflict, CancellationToken cancellationToken)
    {
        await transaction.RollbackAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return new ImportResult(problems, 0, 0) { IsConflict = isConflict };
    }

    /// <summary>Compares each touched record with how it was; a changed one gets a new version and a revision.</summary>
    private List<Revision> RecordRevisions()
    {
        var revisions = new List<Revision>();
        foreach (var touched in _touched)
        {
            var after = touched.Snapshot();
            if (after == touched.Before)
            {
                continue;
            }

            if (touched.Before is not null)
            {
                _changed++;
                touched.Entity.Version = Guid.NewGuid();
            }

            revisions.Add(new Revision
            {
                RecordType = touched.Type,
                RecordId = touched.Entity.Id,
                RecordKey = touched.Key,
                Action = _options.Action ?? (touched.Before is null ? RevisionAction.Create : RevisionAction.Import),
                UserId = _options.Author.UserId,
                UserName = _options.Author.Name,
                Summary = _options.Summary,
                Before = touched.Before,
                After = after,
            });
        }

        return revisions;
    }

    private void Touch(RecordType type, string key, IEditableRecord entity, bool isNew, Func<string> snapshot)
    {
        var conflict = !isNew && _options.ExpectedVersions.TryGetValue((type, key), out var expected) && expected != entity.Version;
        _touched.Add(new Touched(type, key, entity, isNew ? null : snapshot(), snapshot, conflict));
    }

    /// <summary>The statements in the database that concerns' mentions name.</summary>
    private async Task<List<string>> ExistingStatementKeysAsync(List<ConcernRecord> concerns, CancellationToken cancellationToken)
    {
        // Null records are the validator's to report; skip them here.
        var named = concerns.OfType<ConcernRecord>().SelectMany(c => c.Mentions).OfType<MentionRecord>()
            .Select(m => m.Statement).OfType<string>().Distinct().ToList();
        return named.Count == 0 ? [] : await db.Statements.IgnoreQueryFilters()
            .Where(s => EF.Parameter(named).Contains(s.Key)).Select(s => s.Key).ToListAsync(cancellationToken);
    }

    private async Task<ExistingKeys> LoadExistingKeysAsync(CancellationToken cancellationToken)
    {
        var series = await db.RoundSeries.Select(s => new { Mechanism = s.Mechanism.Slug, s.Slug }).ToListAsync(cancellationToken);
        var mechanisms = await db.Mechanisms.Select(m => m.Slug).ToListAsync(cancellationToken);
        var numbers = await db.Rounds.IgnoreQueryFilters()
            .Where(r => r.Number != null && r.Series != null)
            .Select(r => new { Mechanism = r.Mechanism.Slug, Series = r.Series!.Slug, Number = r.Number!.Value, r.Key })
            .ToListAsync(cancellationToken);
        return new ExistingKeys(
            await db.Sources.IgnoreQueryFilters().Select(s => s.Key).ToListAsync(cancellationToken),
            await db.Topics.IgnoreQueryFilters().Select(t => t.Slug).ToListAsync(cancellationToken),
            await db.Rounds.IgnoreQueryFilters().Select(r => r.Key).ToListAsync(cancellationToken),
            mechanisms.ToDictionary(m => m, m => series.Where(s => s.Mechanism == m).Select(s => s.Slug).ToArray()))
        {
            RoundNumbers = numbers.ToDictionary(n => (n.Mechanism, n.Series, n.Number), n => n.Key),
        };
    }

    private async Task<Dictionary<string, Source>> ApplySourcesAsync(List<SourceRecord> records, ImportWriter writer, CancellationToken cancellationToken)
    {
        var sources = await db.Sources.IgnoreQueryFilters().ToDictionaryAsync(s => s.Key, cancellationToken);
        var created = new List<Source>();
        foreach (var record in records)
        {
            var isNew = !sources.TryGetValue(record.Key!, out var source);
            if (source is null)
            {
                source = sources[record.Key!] = new Source { Key = record.Key!, Language = record.Language! };
                created.Add(source);
            }

            Touch(RecordType.Source, source.Key, source, isNew, () => RecordSnapshots.ToJson(RecordSnapshots.ToRecord(source)));
            source.Title = record.Title;
            source.Publisher = record.Publisher;
            source.Url = record.Url;
            source.PublishedOn = ParseDate(record.PublishedOn);
            source.Language = record.Language!;
            source.Kind = EnumNames.Parse<SourceKind>(record.Kind!);
            source.Notes = record.Notes;
        }

        // Originals in a second pass: a repost may come before its original in the file.
        foreach (var record in records)
        {
            var source = sources[record.Key!];
            source.Original = record.Original is null ? null : sources[record.Original];
            if (record.Original is null)
            {
                source.OriginalId = null;
            }
        }

        // New sources go in past change tracking (there may be thousands), then are attached as they now are, so that
        // EF Core saves what refers to them (citations, originals) as references to rows that exist.
        await writer.InsertSourcesAsync(created, cancellationToken);
        foreach (var source in created)
        {
            db.Attach(source);
        }

        return sources;
    }

    private async Task<Dictionary<string, Topic>> ApplyTopicsAsync(
        List<TopicRecord> records, Dictionary<string, Source> sources, CancellationToken cancellationToken)
    {
        var topics = await db.Topics.IgnoreQueryFilters().Include(t => t.Citations).ToDictionaryAsync(t => t.Slug, cancellationToken);
        foreach (var record in records)
        {
            var isNew = !topics.ContainsKey(record.Slug!);
            var topic = FindOrAdd(topics, record.Slug!, slug => new Topic { Slug = slug, NameEn = record.NameEn!, NameVi = record.NameVi! });
            Touch(RecordType.Topic, topic.Slug, topic, isNew, () => RecordSnapshots.ToJson(RecordSnapshots.ToRecord(topic)));
            topic.NameEn = record.NameEn!;
            topic.NameVi = record.NameVi!;
            topic.DescriptionEn = record.DescriptionEn;
            topic.DescriptionVi = record.DescriptionVi;
            SyncCitations(topic.Citations, record.Citations, sources);
        }

        foreach (var record in records)
        {
            var topic = topics[record.Slug!];
            topic.Parent = record.Parent is null ? null : topics[record.Parent];
            if (record.Parent is null)
            {
                topic.ParentId = null;
            }
        }

        return topics;
    }

    private async Task<Dictionary<string, Mechanism>> ApplyMechanismsAsync(
        List<MechanismRecord> records, Dictionary<string, Source> sources, CancellationToken cancellationToken)
    {
        var mechanisms = await db.Mechanisms.Include(m => m.Series).Include(m => m.Citations)
            .ToDictionaryAsync(m => m.Slug, cancellationToken);
        foreach (var record in records)
        {
            var mechanism = FindOrAdd(mechanisms, record.Slug!, slug => new Mechanism { Slug = slug, NameEn = record.NameEn!, NameVi = record.NameVi! });
            mechanism.NameEn = record.NameEn!;
            mechanism.NameVi = record.NameVi!;
            mechanism.DescriptionEn = record.DescriptionEn;
            mechanism.DescriptionVi = record.DescriptionVi;
            mechanism.StartDate = ParseDate(record.StartDate);
            foreach (var seriesRecord in record.Series)
            {
                var series = mechanism.Series.FirstOrDefault(s => s.Slug == seriesRecord.Slug);
                if (series is null)
                {
                    series = new RoundSeries { Slug = seriesRecord.Slug!, NameEn = seriesRecord.NameEn!, NameVi = seriesRecord.NameVi! };
                    mechanism.Series.Add(series);
                }

                series.NameEn = seriesRecord.NameEn!;
                series.NameVi = seriesRecord.NameVi!;
                series.DescriptionEn = seriesRecord.DescriptionEn;
                series.DescriptionVi = seriesRecord.DescriptionVi;
                series.StartDate = ParseDate(seriesRecord.StartDate);
            }

            SyncCitations(mechanism.Citations, record.Citations, sources);
        }

        return mechanisms;
    }

    private async Task<Dictionary<string, Round>> ApplyRoundsAsync(
        List<RoundRecord> records,
        Dictionary<string, Mechanism> mechanisms,
        Dictionary<string, Topic> topics,
        Dictionary<string, Source> sources,
        CancellationToken cancellationToken)
    {
        var keys = records.Select(r => r.Key!).ToList();
        var rounds = await db.Rounds.IgnoreQueryFilters().Include(r => r.Topics).Include(r => r.Citations)
            // One JSON array parameter, not one parameter per key: a large import would pass SQLite's limit.
            .Where(r => EF.Parameter(keys).Contains(r.Key))
            .ToDictionaryAsync(r => r.Key, cancellationToken);
        foreach (var record in records)
        {
            var mechanism = mechanisms[record.Mechanism!];
            var isNew = !rounds.TryGetValue(record.Key!, out var round);
            if (round is null)
            {
                // Kept out of change tracking: the writer inserts new rounds (see SaveAsync).
                round = rounds[record.Key!] = new Round { Key = record.Key!, TitleEn = record.TitleEn!, Mechanism = mechanism };
                _newRounds.Add(round);
            }

            Touch(RecordType.Round, round.Key, round, isNew, () => RecordSnapshots.ToJson(RecordSnapshots.ToRecord(round)));
            round.Mechanism = mechanism;
            round.Kind = EnumNames.Parse<RoundKind>(record.Kind!);
            round.Series = record.Series is null ? null : mechanism.Series.Single(s => s.Slug == record.Series);
            if (round.Series is null)
            {
                round.SeriesId = null;
            }

            round.Number = record.Number;
            round.NumberNote = record.NumberNote;
            round.Date = ParseDate(record.Date);
            round.DateNote = record.DateNote;
            round.Place = record.Place;
            round.TitleEn = record.TitleEn!;
            round.TitleVi = record.TitleVi;
            round.SummaryEn = record.SummaryEn;
            round.SummaryVi = record.SummaryVi;
            SyncTopics(round.Topics, record.Topics, topics);
            SyncCitations(round.Citations, record.Citations, sources);
        }

        return rounds;
    }

    /// <summary>
    /// Applies one part of the statements. What they refer to is loaded for the part (the rounds, topics and sources
    /// are in the database by now); new statements are kept out of change tracking and written by the <see cref="ImportWriter"/>.
    /// </summary>
    private async Task ApplyStatementsAsync(CheckedPart part, CancellationToken cancellationToken)
    {
        var records = part.Records.Statements;
        var keys = records.Select(s => s.Key!).ToList();
        // One JSON array parameter, not one parameter per key: a large part would pass SQLite's limit. The keys alone
        // first: into a new database, or for new records, there is nothing to load with its topics and citations.
        var existing = await db.Statements.IgnoreQueryFilters().Where(s => EF.Parameter(keys).Contains(s.Key)).Select(s => s.Key).ToListAsync(cancellationToken);
        if (existing.Count == 0 && part.New is { } mapped)
        {
            // Mapped and snapshotted by the check, on its own thread (see CheckAheadAsync).
            foreach (var (statement, snapshot) in mapped)
            {
                _newStatements.Add(statement);
                Touch(RecordType.Statement, statement.Key, statement, isNew: true, () => snapshot);
            }

            return;
        }

        var roundKeys = records.Where(s => s.Round is not null).Select(s => s.Round!).Distinct().ToList();
        var sourceKeys = records.SelectMany(s => s.Citations).Select(c => c.Source!).Distinct().ToList();
        var statements = existing.Count == 0 ? [] : await db.Statements.IgnoreQueryFilters().Include(s => s.Round).Include(s => s.Topics)
            .Include(s => s.Citations).ThenInclude(c => c.Source)
            .Where(s => EF.Parameter(existing).Contains(s.Key))
            .ToDictionaryAsync(s => s.Key, cancellationToken);
        References references;
        if (statements.Count > 0)
        {
            // Changed statements are saved by EF Core, so what they refer to is loaded tracked, for this part.
            references = new References(
                await db.Rounds.IgnoreQueryFilters().Where(r => EF.Parameter(roundKeys).Contains(r.Key)).ToDictionaryAsync(r => r.Key, cancellationToken),
                await db.Sources.IgnoreQueryFilters().Where(s => EF.Parameter(sourceKeys).Contains(s.Key)).ToDictionaryAsync(s => s.Key, cancellationToken),
                await db.Topics.IgnoreQueryFilters().ToDictionaryAsync(t => t.Slug, cancellationToken));
        }
        else
        {
            references = await LoadReferencesAsync(cancellationToken);
        }

        foreach (var record in records)
        {
            var isNew = !statements.TryGetValue(record.Key!, out var statement);
            if (statement is null)
            {
                statement = NewStatement(record);
                _newStatements.Add(statement);
            }

            Touch(RecordType.Statement, statement.Key, statement, isNew, () => RecordSnapshots.ToJson(RecordSnapshots.ToRecord(statement)));
            db.Citations.RemoveRange(Apply(statement, record, references));
        }
    }

    /// <summary>
    /// New statements need only the ids of what they refer to (the writer writes them): every round, source and topic,
    /// loaded untracked once for the whole import, as they are all in the database before the first statement.
    /// </summary>
    private async Task<References> LoadReferencesAsync(CancellationToken cancellationToken) =>
        _references ??= new References(
            await db.Rounds.IgnoreQueryFilters().AsNoTracking().ToDictionaryAsync(r => r.Key, cancellationToken),
            await db.Sources.IgnoreQueryFilters().AsNoTracking().ToDictionaryAsync(s => s.Key, cancellationToken),
            await db.Topics.IgnoreQueryFilters().AsNoTracking().ToDictionaryAsync(t => t.Slug, cancellationToken));

    private static Statement NewStatement(StatementRecord record) => new() { Key = record.Key!, TitleEn = record.TitleEn!, Language = record.Language! };

    /// <summary>
    /// A checked part's statements mapped as new ones, with their snapshots; the writing side uses them only if none is
    /// in the database (it asks, as for any part). Touches nothing but its arguments, so the check's thread can run it
    /// while the writing goes on.
    /// </summary>
    private static List<(Statement Statement, string Snapshot)> MapNewStatements(List<StatementRecord> records, References references) =>
        [.. records.Select(record =>
        {
            var statement = NewStatement(record);
            Apply(statement, record, references);
            return (statement, RecordSnapshots.ToJson(RecordSnapshots.ToRecord(statement)));
        })];

    /// <summary>Sets a statement as its record says; returns the citations it no longer has, for the caller to delete.</summary>
    private static List<Citation> Apply(Statement statement, StatementRecord record, References references)
    {
        statement.Date = ParseDate(record.Date);
        statement.DateNote = record.DateNote;
        statement.Party = EnumNames.Parse<Party>(record.Party!);
        statement.PartyName = record.PartyName;
        statement.Speaker = record.Speaker;
        statement.SpeakerRole = record.SpeakerRole;
        statement.Occasion = record.Occasion;
        statement.InResponseTo = record.InResponseTo;
        statement.Round = record.Round is null ? null : references.Rounds[record.Round];
        if (record.Round is null)
        {
            statement.RoundId = null;
        }

        statement.TitleEn = record.TitleEn!;
        statement.TitleVi = record.TitleVi;
        statement.SummaryEn = record.SummaryEn;
        statement.SummaryVi = record.SummaryVi;
        statement.Quote = record.Quote;
        statement.Language = record.Language!;
        SyncTopics(statement.Topics, record.Topics, references.Topics);
        return MatchCitations(statement.Citations, record.Citations, references.Sources);
    }

    /// <summary>Every round, source and topic by key: what statements refer to.</summary>
    private sealed record References(Dictionary<string, Round> Rounds, Dictionary<string, Source> Sources, Dictionary<string, Topic> Topics);

    /// <summary>A part of the input on its way to be written; new statements may come mapped already.</summary>
    private sealed record CheckedPart(Dataset Records, List<(Statement Statement, string Snapshot)>? New = null);

    private TEntity FindOrAdd<TEntity>(Dictionary<string, TEntity> byKey, string key, Func<string, TEntity> create)
        where TEntity : class
    {
        if (!byKey.TryGetValue(key, out var entity))
        {
            entity = create(key);
            db.Add(entity);
            byKey[key] = entity;
        }

        return entity;
    }

    private static void SyncTopics(List<Topic> current, List<string> wanted, Dictionary<string, Topic> topics)
    {
        var wantedTopics = wanted.Distinct().Select(slug => topics[slug]).ToList();
        current.RemoveAll(t => !wantedTopics.Contains(t));
        current.AddRange(wantedTopics.Where(t => !current.Contains(t)));
    }

    /// <summary>Keeps citations that are already there unchanged, so a re-import writes nothing.</summary>
    private void SyncCitations(List<Citation> current, List<CitationRecord> wanted, Dictionary<string, Source> sources) =>
        db.Citations.RemoveRange(MatchCitations(current, wanted, sources));

    /// <summary>
    /// Keeps citations that are already there unchanged, so a re-import writes nothing; adds the new ones; returns those
    /// no longer wanted, taken out of <paramref name="current"/>.
    /// </summary>
    private static List<Citation> MatchCitations(List<Citation> current, List<CitationRecord> wanted, Dictionary<string, Source> sources)
    {
        var unmatched = current.ToList();
        foreach (var record in wanted)
        {
            var source = sources[record.Source!];
            var match = unmatched.FirstOrDefault(c =>
                (c.Source == source || (source.Id != 0 && c.SourceId == source.Id))
                && c.Quote == record.Quote && c.Locator == record.Locator
                && c.ClaimField == record.ClaimField && c.ClaimValue == record.ClaimValue);
            if (match is not null)
            {
                unmatched.Remove(match);
                continue;
            }

            current.Add(new Citation
            {
                Source = source,
                Quote = record.Quote,
                Locator = record.Locator,
                ClaimField = record.ClaimField,
                ClaimValue = record.ClaimValue,
            });
        }

        foreach (var stale in unmatched)
        {
            current.Remove(stale);
        }

        return unmatched;
    }

    private static PartialDate? ParseDate(string? text) => text is null ? null : PartialDate.Parse(text);

    /// <summary>A record this import wrote to, with how it read before.</summary>
    private sealed record Touched(RecordType Type, string Key, IEditableRecord Entity, string? Before, Func<string> Snapshot, bool Conflict);
}
