using DialogueTracker.Web.Model;

namespace DialogueTracker.Web.Import;

/// <summary>
/// Checks a whole dataset before anything is written: every problem is reported with its record and field,
/// so one dry run finds them all. Records may come in parts (<see cref="Add(Dataset)"/>, then <see cref="Finish"/>), so a large
/// file is checked without being held whole; a reference to a record later in the file is checked at the end.
/// </summary>
public sealed partial class DatasetValidator
{
    private readonly List<ImportProblem> _problems = [];
    private readonly HashSet<string> _sourceKeys;
    private readonly HashSet<string> _topicSlugs;
    private readonly Dictionary<string, HashSet<string>> _seriesByMechanism;
    private readonly HashSet<string> _roundKeys;
    private readonly HashSet<string> _statementKeys;
    private readonly IReadOnlyDictionary<(string Mechanism, string Series, int Number), string> _roundNumbers;

    // What the whole file must be seen for: keys met so far in each collection, references not yet resolved,
    // topic parents (for cycles) and round numbers (for clashes).
    private readonly Dictionary<string, HashSet<string>> _seen = [];
    private readonly Dictionary<string, HashSet<string>> _duplicates = [];
    private readonly Dictionary<string, int> _counts = [];
    private readonly List<Reference> _unresolved = [];
    private readonly List<TopicRecord> _topics = [];
    private readonly List<RoundRecord> _numberedRounds = [];
    private readonly Dictionary<string, (string? Mechanism, string? Series, int? Number)> _roundNumbering = [];
    private string? _wrongFormat;
    private bool _hasNulls;

    /// <param name="existing">Keys already in the database, which records may refer to.</param>
    public DatasetValidator(ExistingKeys existing)
    {
        _sourceKeys = new(existing.Sources, StringComparer.Ordinal);
        _topicSlugs = new(existing.Topics, StringComparer.Ordinal);
        _roundKeys = new(existing.Rounds, StringComparer.Ordinal);
        _statementKeys = new(StringComparer.Ordinal);
        _roundNumbers = existing.RoundNumbers;
        _seriesByMechanism = existing.SeriesByMechanism.ToDictionary(
            p => p.Key, p => new HashSet<string>(p.Value, StringComparer.Ordinal), StringComparer.Ordinal);
    }

    public IReadOnlyList<ImportProblem> Validate(Dataset dataset)
    {
        Add(dataset);
        return Finish();
    }

    /// <summary>Checks the next records of the file; indexes count on from the records before.</summary>
    public void Add(Dataset part)
    {
        if (_wrongFormat is not null || part.Format != Dataset.CurrentFormat)
        {
            _wrongFormat ??= part.Format;
            return;
        }

        if (_hasNulls)
        {
            return;
        }

        if (NullItems(part) is { Count: > 0 } nulls)
        {
            // Nothing else is checked: the checks read every item.
            _problems.AddRange(nulls);
            _hasNulls = true;
            return;
        }

        // Keys first, so records may refer to ones defined later in the same part.
        foreach (var s in part.Sources) { if (s.Key is not null) { _sourceKeys.Add(s.Key); } }
        foreach (var t in part.Topics) { if (t.Slug is not null) { _topicSlugs.Add(t.Slug); } }
        foreach (var r in part.Rounds) { if (r.Key is not null) { _roundKeys.Add(r.Key); } }
        foreach (var s in part.Statements) { if (s.Key is not null) { _statementKeys.Add(s.Key); } }
        foreach (var m in part.Mechanisms.Where(m => m.Slug is not null))
        {
            var series = _seriesByMechanism.TryGetValue(m.Slug!, out var known) ? known : _seriesByMechanism[m.Slug!] = new(StringComparer.Ordinal);
            series.UnionWith(m.Series.Select(s => s.Slug).OfType<string>());
        }

        foreach (var (i, source) in Number("sources", part.Sources, s => s.Key))
        {
            ValidateSource($"sources[{i}] ({source.Key})", source);
        }

        foreach (var (i, topic) in Number("topics", part.Topics, t => t.Slug))
        {
            ValidateTopic($"topics[{i}] ({topic.Slug})", topic);
            _topics.Add(topic);
        }

        foreach (var (i, mechanism) in Number("mechanisms", part.Mechanisms, m => m.Slug))
        {
            ValidateMechanism($"mechanisms[{i}] ({mechanism.Slug})", mechanism);
        }

        foreach (var (i, round) in Number("rounds", part.Rounds, r => r.Key))
        {
            ValidateRound($"rounds[{i}] ({round.Key})", round);
            if (round.Key is not null)
            {
                _roundNumbering.TryAdd(round.Key, (round.Mechanism, round.Series, round.Number));
            }

            if (round.Number is not null && round.Series is not null)
            {
                _numberedRounds.Add(round);
            }
        }

        foreach (var (i, statement) in Number("statements", part.Statements, s => s.Key))
        {
            ValidateStatement($"statements[{i}] ({statement.Key})", statement);
        }

        foreach (var (i, concern) in Number("concerns", part.Concerns, c => c.Key))
        {
            ValidateConcern($"concerns[{i}] ({concern.Key})", concern);
        }
    }

    /// <summary>
    /// Whether the records added so far could be written as they stand: no problem found yet, and every reference made so
    /// far resolves. An import that writes while this checks (<see cref="DatasetImporter"/>) writes only while it holds.
    /// </summary>
    public bool IsSoundSoFar()
    {
        if (_wrongFormat is not null || _hasNulls || _problems.Count > 0 || _duplicates.Count > 0)
        {
            return false;
        }

        // Keys are only ever added, so a reference that resolves now still resolves at the end.
        _unresolved.RemoveAll(r => r.Resolves(this));
        if (_unresolved.Count > 0)
        {
            return false;
        }

        CheckTopicCycles(_topics);
        CheckRoundNumbersUnique(_numberedRounds);
        if (_problems.Count == 0)
        {
            return true;
        }

        // Finish finds them again, once the whole file is in.
        _problems.Clear();
        return false;
    }

    /// <summary>Statements already in the database that records may name (concerns' mentions do).</summary>
    public void KnowStatements(IEnumerable<string> keys) => _statementKeys.UnionWith(keys);

    /// <summary>The checks that need the whole file; then every problem found.</summary>
    public IReadOnlyList<ImportProblem> Finish()
    {
        if (_wrongFormat is not null)
        {
            return [new ImportProblem("dataset", "format", $"unsupported format '{_wrongFormat}'; expected '{Dataset.CurrentFormat}'")];
        }

        if (_hasNulls)
        {
            return _problems;
        }

        foreach (var reference in _unresolved.Where(r => !r.Resolves(this)))
        {
            Add(reference.Record, reference.Field, reference.Message);
        }

        foreach (var (collection, keys) in _duplicates)
        {
            foreach (var key in keys)
            {
                Add($"{collection} ({key})", null, "duplicate key");
            }
        }

        CheckTopicCycles(_topics);
        CheckRoundNumbersUnique(_numberedRounds);
        return _problems;
    }

    /// <summary>Each record with its index in the whole file, noting keys met twice.</summary>
    private IEnumerable<(int Index, T Record)> Number<T>(string collection, List<T> records, Func<T, string?> keyOf)
    {
        var seen = _seen.TryGetValue(collection, out var s) ? s : _seen[collection] = new(StringComparer.Ordinal);
        var start = _counts.GetValueOrDefault(collection);
        _counts[collection] = start + records.Count;
        for (var i = 0; i < records.Count; i++)
        {
            if (keyOf(records[i]) is { } key && !seen.Add(key))
            {
                (_duplicates.TryGetValue(collection, out var d) ? d : _duplicates[collection] = new(StringComparer.Ordinal)).Add(key);
            }

            yield return (start + i, records[i]);
        }
    }

    private void ValidateSource(string record, SourceRecord source)
    {
        RequireKey(record, "key", source.Key);
        RequireLanguage(record, "language", source.Language);
        CheckEnum<SourceKind>(record, "kind", source.Kind, required: true);
        CheckDate(record, "publishedOn", source.PublishedOn);
        if (source.Url is not null && !IsWebUrl(source.Url))
        {
            Add(record, "url", $"'{source.Url}' is not an absolute http or https URL");
        }

        if (source.Original is not null && source.Original == source.Key)
        {
            Add(record, "original", $"unknown source '{source.Original}'");
        }
        else if (source.Original is not null && !_sourceKeys.Contains(source.Original))
        {
            Refer(new Reference(record, "original", $"unknown source '{source.Original}'", Sources: source.Original));
        }
    }

    private void ValidateTopic(string record, TopicRecord topic)
    {
        RequireKey(record, "slug", topic.Slug);
        Require(record, "nameEn", topic.NameEn);
        Require(record, "nameVi", topic.NameVi);
        if (topic.Parent is not null && !_topicSlugs.Contains(topic.Parent))
        {
            Refer(new Reference(record, "parent", $"unknown topic '{topic.Parent}'", Topics: topic.Parent));
        }

        ValidateCitations(record, topic.Citations);
    }

    private void ValidateMechanism(string record, MechanismRecord mechanism)
    {
        RequireKey(record, "slug", mechanism.Slug);
        Require(record, "nameEn", mechanism.NameEn);
        Require(record, "nameVi", mechanism.NameVi);
        CheckDate(record, "startDate", mechanism.StartDate);
        CheckUnique($"{record}.series", mechanism.Series.Select(s => s.Slug));
        for (var i = 0; i < mechanism.Series.Count; i++)
        {
            var series = mechanism.Series[i];
            var seriesRecord = $"{record}.series[{i}]";
            RequireKey(seriesRecord, "slug", series.Slug);
            Require(seriesRecord, "nameEn", series.NameEn);
            Require(seriesRecord, "nameVi", series.NameVi);
            CheckDate(seriesRecord, "startDate", series.StartDate);
        }

        ValidateCitations(record, mechanism.Citations);
    }

    private void ValidateRound(string record, RoundRecord round)
    {
        RequireKey(record, "key", round.Key);
        Require(record, "titleEn", round.TitleEn);
        CheckEnum<RoundKind>(record, "kind", round.Kind, required: true);
        CheckDate(record, "date", round.Date);
        if (string.IsNullOrWhiteSpace(round.Mechanism))
        {
            Add(record, "mechanism", "is required");
        }
        else
        {
            Refer(new Reference(record, "mechanism", $"unknown mechanism '{round.Mechanism}'", Mechanism: round.Mechanism));
            if (round.Series is not null)
            {
                Refer(new Reference(record, "series", $"mechanism '{round.Mechanism}' has no numbering series '{round.Series}'", Mechanism: round.Mechanism, Series: round.Series));
            }
        }

        if (round.Number is not null && round.Series is null)
        {
            Add(record, "number", "a round number needs the numbering series it belongs to");
        }
        else if (round.Number is < 1)
        {
            Add(record, "number", "must be 1 or more");
        }

        CheckTopics(record, round.Topics);
        ValidateCitations(record, round.Citations);
    }

    private void ValidateStatement(string record, StatementRecord statement)
    {
        RequireKey(record, "key", statement.Key);
        Require(record, "titleEn", statement.TitleEn);
        RequireLanguage(record, "language", statement.Language);
        CheckEnum<Party>(record, "party", statement.Party, required: true);
        CheckDate(record, "date", statement.Date);
        if (statement.Round is not null && !_roundKeys.Contains(statement.Round))
        {
            Refer(new Reference(record, "round", $"unknown round '{statement.Round}'", Rounds: statement.Round));
        }

        CheckTopics(record, statement.Topics);
        ValidateCitations(record, statement.Citations);
    }

    private void ValidateCitations(string record, List<CitationRecord> citations)
    {
        if (citations.Count == 0)
        {
            Add(record, "citations", "a record needs at least one source");
        }

        for (var i = 0; i < citations.Count; i++)
        {
            var source = citations[i].Source;
            if (string.IsNullOrWhiteSpace(source))
            {
                Add(record, $"citations[{i}].source", "is required");
            }
            else if (!_sourceKeys.Contains(source))
            {
                Refer(new Reference(record, $"citations[{i}].source", $"unknown source '{source}'", Sources: source));
            }

            if ((citations[i].ClaimField is null) != (citations[i].ClaimValue is null))
            {
                Add(record, $"citations[{i}]", "claimField and claimValue go together");
            }
        }
    }

    private void CheckTopics(string record, List<string> topics)
    {
        foreach (var slug in topics.Where(slug => !_topicSlugs.Contains(slug)))
        {
            Refer(new Reference(record, "topics", $"unknown topic '{slug}'", Topics: slug));
        }
    }

    private void CheckTopicCycles(List<TopicRecord> topics)
    {
        var parents = topics.Where(t => t.Slug is not null).GroupBy(t => t.Slug!).ToDictionary(g => g.Key, g => g.First().Parent);
        foreach (var slug in parents.Keys)
        {
            var seen = new HashSet<string> { slug };
            for (var parent = parents[slug]; parent is not null; parent = parents.GetValueOrDefault(parent))
            {
                if (!seen.Add(parent))
                {
                    Add($"topics ({slug})", "parent", "topics form a cycle");
                    break;
                }
            }
        }
    }

    private void CheckRoundNumbersUnique(List<RoundRecord> rounds)
    {
        // Against the database: a number held by another round, unless this file gives that round another number.
        var renumbered = _roundNumbering;
        foreach (var round in rounds.Where(r => r.Number is not null && r.Series is not null && r.Mechanism is not null))
        {
            if (_roundNumbers.TryGetValue((round.Mechanism!, round.Series!, round.Number!.Value), out var holder)
                && holder != round.Key
                && (!renumbered.TryGetValue(holder, out var holderNow) || holderNow == (round.Mechanism, round.Series, round.Number)))
            {
                Add($"rounds ({round.Key})", "number",
                    $"round number {round.Number} is already used in series '{round.Series}' of '{round.Mechanism}' (by '{holder}')");
            }
        }

        var duplicates = rounds
            .Where(r => r.Number is not null && r.Series is not null)
            .GroupBy(r => (r.Mechanism, r.Series, r.Number))
            .Where(g => g.Count() > 1);
        foreach (var group in duplicates)
        {
            Add($"rounds ({string.Join(", ", group.Select(r => r.Key))})", "number",
                $"round number {group.Key.Number} is used more than once in series '{group.Key.Series}'");
        }
    }

    /// <summary>A reference to something not known yet waits for the end of the file, which may define it later.</summary>
    private void Refer(Reference reference)
    {
        if (!reference.Resolves(this))
        {
            _unresolved.Add(reference);
        }
    }

    private void CheckUnique(string collection, IEnumerable<string?> keys)
    {
        foreach (var key in keys.OfType<string>().GroupBy(k => k).Where(g => g.Count() > 1).Select(g => g.Key))
        {
            Add($"{collection} ({key})", null, "duplicate key");
        }
    }

    private void CheckDate(string record, string field, string? value)
    {
        if (value is not null && !PartialDate.TryParse(value, out _, out var error))
        {
            Add(record, field, error!);
        }
    }

    private void CheckEnum<TEnum>(string record, string field, string? value, bool required) where TEnum : struct, Enum
    {
        if (value is null)
        {
            if (required)
            {
                Add(record, field, $"is required (one of: {string.Join(", ", EnumNames.All<TEnum>())})");
            }
        }
        else if (!EnumNames.TryParse<TEnum>(value, out _))
        {
            Add(record, field, $"'{value}' is not one of: {string.Join(", ", EnumNames.All<TEnum>())}");
        }
    }

    private void RequireKey(string record, string field, string? key)
    {
        if (string.IsNullOrWhiteSpace(key))
        {
            Add(record, field, "is required");
        }
        else if (!Keys.IsValid(key))
        {
            Add(record, field, $"'{key}' must be lower-case letters, digits and hyphens");
        }
    }

    private void Require(string record, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(record, field, "is required");
        }
    }

    private void RequireLanguage(string record, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(record, field, "is required (a BCP 47 tag such as en, vi or fr)");
        }
        else if (!Keys.IsLanguageTag(value))
        {
            Add(record, field, $"'{value}' is not a BCP 47 language tag such as en, vi or fr");
        }
    }

    /// <summary>JSON can put null where a record, a citation or a slug belongs: each is a problem, named before anything reads it.</summary>
    private static List<ImportProblem> NullItems(Dataset dataset)
    {
        var problems = new List<ImportProblem>();
        void Check<T>(string record, string list, List<T> items)
        {
            for (var i = 0; i < items.Count; i++)
            {
                if (items[i] is null)
                {
                    problems.Add(new ImportProblem(record, $"{list}[{i}]", "is null"));
                }
            }
        }

        Check("dataset", "sources", dataset.Sources);
        Check("dataset", "topics", dataset.Topics);
        Check("dataset", "mechanisms", dataset.Mechanisms);
        Check("dataset", "rounds", dataset.Rounds);
        Check("dataset", "statements", dataset.Statements);
        for (var i = 0; i < dataset.Topics.Count; i++)
        {
            Check($"topics[{i}]", "citations", dataset.Topics[i]?.Citations ?? []);
        }

        for (var i = 0; i < dataset.Mechanisms.Count; i++)
        {
            Check($"mechanisms[{i}]", "series", dataset.Mechanisms[i]?.Series ?? []);
            Check($"mechanisms[{i}]", "citations", dataset.Mechanisms[i]?.Citations ?? []);
        }

        for (var i = 0; i < dataset.Rounds.Count; i++)
        {
            Check($"rounds[{i}]", "topics", dataset.Rounds[i]?.Topics ?? []);
            Check($"rounds[{i}]", "citations", dataset.Rounds[i]?.Citations ?? []);
        }

        for (var i = 0; i < dataset.Statements.Count; i++)
        {
            Check($"statements[{i}]", "topics", dataset.Statements[i]?.Topics ?? []);
            Check($"statements[{i}]", "citations", dataset.Statements[i]?.Citations ?? []);
        }

        Check("dataset", "concerns", dataset.Concerns);
        for (var i = 0; i < dataset.Concerns.Count; i++)
        {
            var concern = dataset.Concerns[i];
            Check($"concerns[{i}]", "topics", concern?.Topics ?? []);
            Check($"concerns[{i}]", "citations", concern?.Citations ?? []);
            Check($"concerns[{i}]", "mentions", concern?.Mentions ?? []);
            Check($"concerns[{i}]", "statusHistory", concern?.StatusHistory ?? []);
            for (var j = 0; j < (concern?.Mentions.Count ?? 0); j++)
            {
                Check($"concerns[{i}].mentions[{j}]", "citations", concern!.Mentions[j]?.Citations ?? []);
            }

            for (var j = 0; j < (concern?.StatusHistory.Count ?? 0); j++)
            {
                Check($"concerns[{i}].statusHistory[{j}]", "citations", concern!.StatusHistory[j]?.Citations ?? []);
            }
        }

        return problems;
    }

    private static bool IsWebUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    private void Add(string record, string? field, string message) => _problems.Add(new(record, field, message));

    /// <summary>A record naming another by key: a source, topic, round, mechanism or a mechanism's series.</summary>
    private sealed record Reference(string Record, string Field, string Message,
        string? Sources = null, string? Topics = null, string? Rounds = null, string? Mechanism = null, string? Series = null)
    {
        public bool Resolves(DatasetValidator v) => Mechanism is not null
            // A series of an unknown mechanism is not reported again: the mechanism's own reference says so.
            ? v._seriesByMechanism.TryGetValue(Mechanism, out var series) ? Series is null || series.Contains(Series) : Series is not null
            : (Sources is null || v._sourceKeys.Contains(Sources))
                && (Topics is null || v._topicSlugs.Contains(Topics))
                && (Rounds is null || v._roundKeys.Contains(Rounds));
    }
}
