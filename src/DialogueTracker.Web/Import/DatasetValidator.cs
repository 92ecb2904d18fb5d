using DialogueTracker.Web.Model;

namespace DialogueTracker.Web.Import;

/// <summary>
/// Checks a whole dataset before anything is written: every problem is reported with its record and field,
/// so one dry run finds them all.
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

    /// <param name="existing">Keys already in the database, which records may refer to.</param>
    public DatasetValidator(ExistingKeys existing)
    {
        _sourceKeys = new(existing.Sources, StringComparer.Ordinal);
        _topicSlugs = new(existing.Topics, StringComparer.Ordinal);
        _roundKeys = new(existing.Rounds, StringComparer.Ordinal);
        _statementKeys = new(existing.Statements, StringComparer.Ordinal);
        _roundNumbers = existing.RoundNumbers;
        _seriesByMechanism = existing.SeriesByMechanism.ToDictionary(
            p => p.Key, p => new HashSet<string>(p.Value, StringComparer.Ordinal), StringComparer.Ordinal);
    }

    public IReadOnlyList<ImportProblem> Validate(Dataset dataset)
    {
        if (dataset.Format != Dataset.CurrentFormat)
        {
            Add("dataset", "format", $"unsupported format '{dataset.Format}'; expected '{Dataset.CurrentFormat}'");
            return _problems;
        }

        if (NullItems(dataset) is { Count: > 0 } nulls)
        {
            _problems.AddRange(nulls);
            return _problems;
        }

        // Keys first, so records may refer to ones defined later in the same file.
        foreach (var s in dataset.Sources) { if (s.Key is not null) { _sourceKeys.Add(s.Key); } }
        foreach (var t in dataset.Topics) { if (t.Slug is not null) { _topicSlugs.Add(t.Slug); } }
        foreach (var r in dataset.Rounds) { if (r.Key is not null) { _roundKeys.Add(r.Key); } }
        foreach (var s in dataset.Statements) { if (s.Key is not null) { _statementKeys.Add(s.Key); } }
        foreach (var m in dataset.Mechanisms.Where(m => m.Slug is not null))
        {
            var series = _seriesByMechanism.TryGetValue(m.Slug!, out var known) ? known : _seriesByMechanism[m.Slug!] = new(StringComparer.Ordinal);
            series.UnionWith(m.Series.Select(s => s.Slug).OfType<string>());
        }

        CheckUnique("sources", dataset.Sources.Select(s => s.Key));
        CheckUnique("topics", dataset.Topics.Select(t => t.Slug));
        CheckUnique("mechanisms", dataset.Mechanisms.Select(m => m.Slug));
        CheckUnique("rounds", dataset.Rounds.Select(r => r.Key));
        CheckUnique("statements", dataset.Statements.Select(s => s.Key));
        CheckUnique("concerns", dataset.Concerns.Select(c => c.Key));

        for (var i = 0; i < dataset.Sources.Count; i++)
        {
            ValidateSource($"sources[{i}] ({dataset.Sources[i].Key})", dataset.Sources[i]);
        }

        for (var i = 0; i < dataset.Topics.Count; i++)
        {
            ValidateTopic($"topics[{i}] ({dataset.Topics[i].Slug})", dataset.Topics[i]);
        }

        CheckTopicCycles(dataset.Topics);

        for (var i = 0; i < dataset.Mechanisms.Count; i++)
        {
            ValidateMechanism($"mechanisms[{i}] ({dataset.Mechanisms[i].Slug})", dataset.Mechanisms[i]);
        }

        for (var i = 0; i < dataset.Rounds.Count; i++)
        {
            ValidateRound($"rounds[{i}] ({dataset.Rounds[i].Key})", dataset.Rounds[i]);
        }

        CheckRoundNumbersUnique(dataset.Rounds);

        for (var i = 0; i < dataset.Statements.Count; i++)
        {
            ValidateStatement($"statements[{i}] ({dataset.Statements[i].Key})", dataset.Statements[i]);
        }

        for (var i = 0; i < dataset.Concerns.Count; i++)
        {
            ValidateConcern($"concerns[{i}] ({dataset.Concerns[i].Key})", dataset.Concerns[i]);
        }

        return _problems;
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

        if (source.Original is not null && (!_sourceKeys.Contains(source.Original) || source.Original == source.Key))
        {
            Add(record, "original", $"unknown source '{source.Original}'");
        }
    }

    private void ValidateTopic(string record, TopicRecord topic)
    {
        RequireKey(record, "slug", topic.Slug);
        Require(record, "nameEn", topic.NameEn);
        Require(record, "nameVi", topic.NameVi);
        if (topic.Parent is not null && !_topicSlugs.Contains(topic.Parent))
        {
            Add(record, "parent", $"unknown topic '{topic.Parent}'");
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
        else if (!_seriesByMechanism.TryGetValue(round.Mechanism, out var series))
        {
            Add(record, "mechanism", $"unknown mechanism '{round.Mechanism}'");
        }
        else if (round.Series is not null && !series.Contains(round.Series))
        {
            Add(record, "series", $"mechanism '{round.Mechanism}' has no numbering series '{round.Series}'");
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
            Add(record, "round", $"unknown round '{statement.Round}'");
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
                Add(record, $"citations[{i}].source", $"unknown source '{source}'");
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
            Add(record, "topics", $"unknown topic '{slug}'");
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
        var renumbered = rounds.Where(r => r.Key is not null).GroupBy(r => r.Key!).ToDictionary(g => g.Key, g => (g.First().Mechanism, g.First().Series, g.First().Number));
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
}
