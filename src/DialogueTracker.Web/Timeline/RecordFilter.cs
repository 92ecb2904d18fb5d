using DialogueTracker.Web.Model;

namespace DialogueTracker.Web.Timeline;

/// <summary>
/// A checked set of list filters, shared by the timeline page and the API. Topic ids include the
/// chosen topic's descendants; dates compare by the earliest day a record's date can mean.
/// </summary>
public sealed record RecordFilter
{
    public static readonly RecordFilter None = new();

    public string? MechanismSlug { get; init; }
    public string? TopicSlug { get; init; }
    public IReadOnlyCollection<int>? TopicIds { get; init; }
    public Party? Party { get; init; }
    public PartialDate? From { get; init; }
    public PartialDate? To { get; init; }

    public bool IsEmpty => MechanismSlug is null && TopicIds is null && Party is null && From is null && To is null;

    public IQueryable<Round> Apply(IQueryable<Round> rounds)
    {
        if (MechanismSlug is not null)
        {
            rounds = rounds.Where(r => r.Mechanism.Slug == MechanismSlug);
        }

        if (TopicIds is { } topicIds)
        {
            // IN (the topics' records), not EXISTS per record: see the statements' filter below.
            var filed = rounds.SelectMany(r => r.Topics.Where(t => topicIds.Contains(t.Id)), (r, _) => r.Id);
            rounds = rounds.Where(r => filed.Contains(r.Id));
        }

        // Rounds are meetings of both sides; a party filter asks for what one side said.
        if (Party is not null)
        {
            rounds = rounds.Where(r => false);
        }

        return ApplyDates(rounds);
    }

    public IQueryable<Statement> Apply(IQueryable<Statement> statements)
    {
        if (MechanismSlug is not null)
        {
            statements = statements.Where(s => s.Round != null && s.Round.Mechanism.Slug == MechanismSlug);
        }

        if (TopicIds is { } topicIds)
        {
            // As IN (the statements filed under the topics), which SQLite reads from the links' index on the topic; as
            // EXISTS per statement (Topics.Any) it read every statement in the date range and probed its links:
            // 145 ms against a few for a topic and five years of 100,000 statements.
            var filed = statements.SelectMany(s => s.Topics.Where(t => topicIds.Contains(t.Id)), (s, _) => s.Id);
            statements = statements.Where(s => filed.Contains(s.Id));
        }

        if (Party is { } party)
        {
            statements = statements.Where(s => s.Party == party);
        }

        return ApplyDates(statements);
    }

    private IQueryable<T> ApplyDates<T>(IQueryable<T> records) where T : IDated
    {
        if (From is { } from)
        {
            var earliest = from.Earliest;
            records = records.Where(r => r.DateEarliest >= earliest);
        }

        if (To is { } to)
        {
            var latest = to.Latest;
            records = records.Where(r => r.DateEarliest <= latest);
        }

        return records;
    }
}
