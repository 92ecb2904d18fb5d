using DialogueTracker.Web.Data;
using DialogueTracker.Web.Model;
using Microsoft.EntityFrameworkCore;

namespace DialogueTracker.Web.Import;

/// <summary>
/// Loads a <see cref="Dataset"/> into the database: validated first, then written in one transaction,
/// all or nothing. Records are matched on their stable keys, so importing the same file twice changes nothing.
/// Every record whose content changes gets a revision. The seed data, imports and editors' saves all go through here.
/// </summary>
public sealed partial class DatasetImporter(DialogueDbContext db, ILogger<DatasetImporter> logger)
{
    private readonly List<Touched> _touched = [];
    private ImportOptions _options = ImportOptions.Default;

    public Task<ImportResult> ImportAsync(Dataset dataset, bool dryRun, CancellationToken cancellationToken = default) =>
        ImportAsync(dataset, ImportOptions.Default with { DryRun = dryRun }, cancellationToken);

    public async Task<ImportResult> ImportAsync(Dataset dataset, ImportOptions options, CancellationToken cancellationToken = default)
    {
        _options = options;
        _touched.Clear();
        var problems = new DatasetValidator(await LoadExistingKeysAsync(dataset, cancellationToken)).Validate(dataset);
        if (problems.Count > 0)
        {
            return new ImportResult(problems, 0, 0);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            var sources = await ApplySourcesAsync(dataset.Sources, cancellationToken);
            var topics = await ApplyTopicsAsync(dataset.Topics, sources, cancellationToken);
            var mechanisms = await ApplyMechanismsAsync(dataset.Mechanisms, sources, cancellationToken);
            var rounds = await ApplyRoundsAsync(dataset.Rounds, mechanisms, topics, sources, cancellationToken);
            var statements = await ApplyStatementsAsync(dataset.Statements, rounds, topics, sources, cancellationToken);
            await ApplyConcernsAsync(dataset.Concerns, rounds, statements, topics, sources, cancellationToken);

            var conflicts = _touched.Where(t => t.Conflict).Select(t => new ImportProblem($"{EnumNames.ToName(t.Type)} ({t.Key})", "version",
                "someone else saved this record after you opened it")).ToList();
            if (conflicts.Count > 0)
            {
                return await AbandonAsync(transaction, conflicts, isConflict: true, cancellationToken);
            }

            // New records get their ids on the first save; revisions, which name them, on the second.
            await db.SaveChangesAsync(cancellationToken);
            var changed = RecordRevisions();
            await db.SaveChangesAsync(cancellationToken);

            var added = _touched.Count(t => t.Before is null);
            var written = _touched.ToDictionary(t => (t.Type, t.Key), t => (t.Entity.Id, t.Entity.Version));
            if (options.DryRun)
            {
                await transaction.RollbackAsync(cancellationToken);
                db.ChangeTracker.Clear();
            }
            else
            {
                await transaction.CommitAsync(cancellationToken);
                if (added + changed > 0)
                {
                    logger.LogInformation("Imported dataset: {Added} records added, {Changed} changed", added, changed);
                }
            }

            return new ImportResult([], added, changed) { Written = written };
        }
        catch (DbUpdateConcurrencyException)
        {
            return await AbandonAsync(transaction, [new ImportProblem("dataset", "version", "someone else saved one of these records at the same moment")], isConflict: true, cancellationToken);
        }
        // A full disk or a read-only file is not the import's fault: that goes on up as a 503.
        catch (DbUpdateException ex) when (!DatabaseUnavailable.Is(ex))
        {
            return await AbandonAsync(transaction, [new ImportProblem("dataset", null, $"the database refused the import: {ex.InnerException?.Message ?? ex.Message}")], isConflict: false, cancellationToken);
        }
    }

    private async Task<ImportResult> AbandonAsync(
        Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction, List<ImportProblem> problems, bool isConflict, CancellationToken cancellationToken)
    {
        await transaction.RollbackAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return new ImportResult(problems, 0, 0) { IsConflict = isConflict };
    }

    /// <summary>Compares each touched record with how it was; a changed one gets a new version and a revision.</summary>
    private int RecordRevisions()
    {
        var changed = 0;
        foreach (var touched in _touched)
        {
            var after = touched.Snapshot();
            if (after == touched.Before)
            {
                continue;
            }

            if (touched.Before is not null)
            {
                changed++;
                touched.Entity.Version = Guid.NewGuid();
            }

            db.Revisions.Add(new Revision
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

        return changed;
    }

    private void Touch(RecordType type, string key, IEditableRecord entity, bool isNew, Func<string> snapshot)
    {
        var conflict = !isNew && _options.ExpectedVersions.TryGetValue((type, key), out var expected) && expected != entity.Version;
        _touched.Add(new Touched(type, key, entity, isNew ? null : snapshot(), snapshot, conflict));
    }

    private async Task<ExistingKeys> LoadExistingKeysAsync(Dataset dataset, CancellationToken cancellationToken)
    {
        // Null records are the validator's to report; skip them here.
        var namedStatements = dataset.Concerns.OfType<ConcernRecord>().SelectMany(c => c.Mentions).OfType<MentionRecord>()
            .Select(m => m.Statement).OfType<string>().Distinct().ToList();
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
            Statements = namedStatements.Count == 0 ? [] : await db.Statements.IgnoreQueryFilters()
                .Where(s => EF.Parameter(namedStatements).Contains(s.Key)).Select(s => s.Key).ToListAsync(cancellationToken),
        };
    }

    private async Task<Dictionary<string, Source>> ApplySourcesAsync(List<SourceRecord> records, CancellationToken cancellationToken)
    {
        var sources = await db.Sources.IgnoreQueryFilters().ToDictionaryAsync(s => s.Key, cancellationToken);
        foreach (var record in records)
        {
            var isNew = !sources.ContainsKey(record.Key!);
            var source = FindOrAdd(sources, record.Key!, key => new Source { Key = key, Language = record.Language! });
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
            var isNew = !rounds.ContainsKey(record.Key!);
            var round = FindOrAdd(rounds, record.Key!, key => new Round { Key = key, TitleEn = record.TitleEn!, Mechanism = mechanism });
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

    private async Task<Dictionary<string, Statement>> ApplyStatementsAsync(
        List<StatementRecord> records,
        Dictionary<string, Round> rounds,
        Dictionary<string, Topic> topics,
        Dictionary<string, Source> sources,
        CancellationToken cancellationToken)
    {
        var keys = records.Select(s => s.Key!).ToList();
        var statements = await db.Statements.IgnoreQueryFilters().Include(s => s.Round).Include(s => s.Topics).Include(s => s.Citations)
            .Where(s => EF.Parameter(keys).Contains(s.Key))
            .ToDictionaryAsync(s => s.Key, cancellationToken);
        foreach (var record in records)
        {
            var isNew = !statements.ContainsKey(record.Key!);
            var statement = FindOrAdd(statements, record.Key!, key => new Statement { Key = key, TitleEn = record.TitleEn!, Language = record.Language! });
            Touch(RecordType.Statement, statement.Key, statement, isNew, () => RecordSnapshots.ToJson(RecordSnapshots.ToRecord(statement)));
            statement.Date = ParseDate(record.Date);
            statement.DateNote = record.DateNote;
            statement.Party = EnumNames.Parse<Party>(record.Party!);
            statement.PartyName = record.PartyName;
            statement.Speaker = record.Speaker;
            statement.SpeakerRole = record.SpeakerRole;
            statement.Occasion = record.Occasion;
            statement.InResponseTo = record.InResponseTo;

            // A statement may name a round that is already in the database but not in this file.
            statement.Round = record.Round is null ? null : rounds.GetValueOrDefault(record.Round)
                ?? await db.Rounds.IgnoreQueryFilters().SingleAsync(r => r.Key == record.Round, cancellationToken);
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
            SyncTopics(statement.Topics, record.Topics, topics);
            SyncCitations(statement.Citations, record.Citations, sources);
        }

        return statements;
    }

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
    private void SyncCitations(List<Citation> current, List<CitationRecord> wanted, Dictionary<string, Source> sources)
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
            db.Citations.Remove(stale);
        }
    }

    private static PartialDate? ParseDate(string? text) => text is null ? null : PartialDate.Parse(text);

    /// <summary>A record this import wrote to, with how it read before.</summary>
    private sealed record Touched(RecordType Type, string Key, IEditableRecord Entity, string? Before, Func<string> Snapshot, bool Conflict);
}
