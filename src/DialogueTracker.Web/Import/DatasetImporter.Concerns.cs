using DialogueTracker.Web.Concerns;
using DialogueTracker.Web.Model;
using Microsoft.EntityFrameworkCore;

namespace DialogueTracker.Web.Import;

public sealed partial class DatasetImporter
{
    /// <summary>
    /// Concerns come last, after the statements their mentions name. What they refer to (sources, topics, rounds,
    /// statements) is loaded by key, tracked: the earlier stages' entities may have been cleared from tracking since.
    /// </summary>
    private async Task ApplyConcernsAsync(List<ConcernRecord> records, CancellationToken cancellationToken)
    {
        if (records.Count == 0)
        {
            return;
        }

        var keys = records.Select(c => c.Key!).ToList();
        var concerns = await ConcernQueries.ForSnapshot(db.Concerns.IgnoreQueryFilters())
            .Where(c => EF.Parameter(keys).Contains(c.Key))
            .ToDictionaryAsync(c => c.Key, cancellationToken);

        var mentions = records.SelectMany(c => c.Mentions).ToList();
        var sourceKeys = records.SelectMany(c => c.Citations)
            .Concat(mentions.SelectMany(m => m.Citations))
            .Concat(records.SelectMany(c => c.StatusHistory).SelectMany(s => s.Citations))
            .Select(c => c.Source).Concat(mentions.Select(m => m.Report)).OfType<string>().Distinct().ToList();
        var topicSlugs = records.SelectMany(c => c.Topics).Distinct().ToList();
        var roundKeys = mentions.Select(m => m.Round).OfType<string>().Distinct().ToList();
        var statementKeys = mentions.Select(m => m.Statement).OfType<string>().Distinct().ToList();
        var sources = await db.Sources.IgnoreQueryFilters().Where(s => EF.Parameter(sourceKeys).Contains(s.Key)).ToDictionaryAsync(s => s.Key, cancellationToken);
        var topics = await db.Topics.IgnoreQueryFilters().Where(t => EF.Parameter(topicSlugs).Contains(t.Slug)).ToDictionaryAsync(t => t.Slug, cancellationToken);
        var rounds = await db.Rounds.IgnoreQueryFilters().Where(r => EF.Parameter(roundKeys).Contains(r.Key)).ToDictionaryAsync(r => r.Key, cancellationToken);
        var statements = await db.Statements.IgnoreQueryFilters().Where(s => EF.Parameter(statementKeys).Contains(s.Key)).ToDictionaryAsync(s => s.Key, cancellationToken);

        foreach (var record in records)
        {
            var isNew = !concerns.ContainsKey(record.Key!);
            var concern = FindOrAdd(concerns, record.Key!, key => new Concern { Key = key, TitleEn = record.TitleEn! });
            Touch(RecordType.Concern, concern.Key, concern, isNew, () => RecordSnapshots.ToJson(RecordSnapshots.ToRecord(concern)));
            concern.RaisedBy = EnumNames.Parse<Party>(record.RaisedBy!);
            concern.AddressedTo = EnumNames.Parse<Party>(record.AddressedTo!);
            concern.TitleEn = record.TitleEn!;
            concern.TitleVi = record.TitleVi;
            concern.SummaryEn = record.SummaryEn;
            concern.SummaryVi = record.SummaryVi;
            SyncTopics(concern.Topics, record.Topics, topics);
            SyncCitations(concern.Citations, record.Citations, sources);
            SyncMentions(concern, record.Mentions, rounds, statements, sources);
            SyncStatusHistory(concern, record.StatusHistory, sources);
        }
    }

    /// <summary>Matches mentions on their keys, so a re-import leaves them (and their ids) as they are.</summary>
    private void SyncMentions(
        Concern concern, List<MentionRecord> records, Dictionary<string, Round> rounds, Dictionary<string, Statement> statements, Dictionary<string, Source> sources)
    {
        var byKey = concern.Mentions.ToDictionary(m => m.Key, StringComparer.Ordinal);
        foreach (var stale in concern.Mentions.Where(m => !records.Any(r => r.Key == m.Key)).ToList())
        {
            concern.Mentions.Remove(stale);
            db.ConcernMentions.Remove(stale);
        }

        foreach (var record in records)
        {
            if (!byKey.TryGetValue(record.Key!, out var mention))
            {
                mention = new ConcernMention { Key = record.Key! };
                concern.Mentions.Add(mention);
                byKey[mention.Key] = mention;
            }

            mention.Kind = EnumNames.Parse<MentionKind>(record.Kind!);
            mention.Party = EnumNames.Parse<Party>(record.Party!);
            mention.Date = ParseDate(record.Date);
            mention.DateNote = record.DateNote;
            mention.Round = record.Round is null ? null : rounds[record.Round];
            mention.Statement = record.Statement is null ? null : statements[record.Statement];
            mention.Report = record.Report is null ? null : sources[record.Report];
            if (record.Round is null) { mention.RoundId = null; }
            if (record.Statement is null) { mention.StatementId = null; }
            if (record.Report is null) { mention.ReportId = null; }
            mention.SummaryEn = record.SummaryEn;
            mention.SummaryVi = record.SummaryVi;
            mention.Quote = record.Quote;
            mention.Language = record.Language;
            SyncCitations(mention.Citations, record.Citations, sources);
        }

        // Answers in a second pass: a response may be listed before what it answers.
        foreach (var record in records)
        {
            var mention = byKey[record.Key!];
            mention.RespondsTo = record.RespondsTo is null ? null : byKey[record.RespondsTo];
            if (record.RespondsTo is null)
            {
                mention.RespondsToId = null;
            }
        }
    }

    /// <summary>Status entries have no keys of their own: they are matched in order, so a re-import changes nothing.</summary>
    private void SyncStatusHistory(Concern concern, List<StatusRecord> records, Dictionary<string, Source> sources)
    {
        var current = concern.StatusHistory.OrderBy(s => s.Id).ToList();
        foreach (var stale in current.Skip(records.Count))
        {
            concern.StatusHistory.Remove(stale);
            db.ConcernStatusChanges.Remove(stale);
        }

        for (var i = 0; i < records.Count; i++)
        {
            var entry = i < current.Count ? current[i] : null;
            if (entry is null)
            {
                entry = new ConcernStatusChange();
                concern.StatusHistory.Add(entry);
            }

            entry.Status = EnumNames.Parse<ConcernStatus>(records[i].Status!);
            entry.Date = ParseDate(records[i].Date);
            entry.DateNote = records[i].DateNote;
            entry.NoteEn = records[i].NoteEn;
            entry.NoteVi = records[i].NoteVi;
            SyncCitations(entry.Citations, records[i].Citations, sources);
        }
    }
}
