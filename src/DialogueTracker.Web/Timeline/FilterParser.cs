using DialogueTracker.Web.Data;
using DialogueTracker.Web.Model;
using Microsoft.EntityFrameworkCore;

namespace DialogueTracker.Web.Timeline;

/// <summary>Turns the raw query values people type or send into a <see cref="RecordFilter"/>, or says which are wrong.</summary>
public sealed class FilterParser(DialogueDbContext db)
{
    /// <returns>The filter, and the problems keyed by the parameter at fault (empty when all is well).</returns>
    public async Task<(RecordFilter Filter, Dictionary<string, string[]> Errors)> ParseAsync(
        string? mechanism, string? topic, string? party, string? from, string? to, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var filter = new RecordFilter();

        if (!string.IsNullOrWhiteSpace(mechanism))
        {
            mechanism = mechanism.Trim();
            if (await db.Mechanisms.AnyAsync(m => m.Slug == mechanism, cancellationToken))
            {
                filter = filter with { MechanismSlug = mechanism };
            }
            else
            {
                errors["mechanism"] = [$"There is no mechanism '{mechanism}'. See /api/v1/mechanisms for the slugs."];
            }
        }

        if (!string.IsNullOrWhiteSpace(topic))
        {
            topic = topic.Trim();
            var ids = await TopicWithDescendantsAsync(topic, cancellationToken);
            if (ids is null)
            {
                errors["topic"] = [$"There is no topic '{topic}'. See /api/v1/topics for the slugs."];
            }
            else
            {
                filter = filter with { TopicSlug = topic, TopicIds = ids };
            }
        }

        if (!string.IsNullOrWhiteSpace(party))
        {
            if (EnumNames.TryParse<Party>(party, out var value))
            {
                filter = filter with { Party = value };
            }
            else
            {
                errors["party"] = [$"'{party}' is not a party; use one of: {string.Join(", ", EnumNames.All<Party>())}."];
            }
        }

        filter = filter with { From = ParseDate("from", from, errors), To = ParseDate("to", to, errors) };
        if (filter.From is { } start && filter.To is { } end && end.Latest < start.Earliest)
        {
            errors["to"] = [$"'to' ({end}) is before 'from' ({start})."];
        }

        return (filter, errors);
    }

    private static PartialDate? ParseDate(string name, string? text, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (PartialDate.TryParse(text, out var date, out var error))
        {
            return date;
        }

        errors[name] = [$"{char.ToUpperInvariant(error![0])}{error[1..]}. Use a date such as 2003, 2020-02 or 2020-02-19."];
        return null;
    }

    private async Task<IReadOnlyCollection<int>?> TopicWithDescendantsAsync(string slug, CancellationToken cancellationToken)
    {
        // The topic tree is small: walk it in memory.
        var topics = await db.Topics.AsNoTracking().Select(t => new { t.Id, t.ParentId, t.Slug }).ToListAsync(cancellationToken);
        var root = topics.FirstOrDefault(t => t.Slug == slug);
        if (root is null)
        {
            return null;
        }

        var ids = new HashSet<int> { root.Id };
        for (var grew = true; grew;)
        {
            grew = false;
            foreach (var t in topics.Where(t => t.ParentId is { } p && ids.Contains(p) && !ids.Contains(t.Id)))
            {
                grew |= ids.Add(t.Id);
            }
        }

        return ids;
    }
}
