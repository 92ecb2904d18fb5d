using DialogueTracker.Web.Data;
using DialogueTracker.Web.Model;
using DialogueTracker.Web.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace DialogueTracker.Web.Timeline;

/// <summary>Turns the raw query values people type or send into a <see cref="RecordFilter"/>, or says which are wrong.</summary>
public sealed class FilterParser(DialogueDbContext db, IStringLocalizer<SharedResource> localizer)
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
                errors["mechanism"] = [localizer["There is no mechanism '{0}'. See /api/v1/mechanisms for the slugs.", mechanism]];
            }
        }

        if (!string.IsNullOrWhiteSpace(topic))
        {
            topic = topic.Trim();
            var ids = await TopicWithDescendantsAsync(topic, cancellationToken);
            if (ids is null)
            {
                errors["topic"] = [localizer["There is no topic '{0}'. See /api/v1/topics for the slugs.", topic]];
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
                errors["party"] = [localizer["'{0}' is not a party; use one of: {1}.", party, string.Join(", ", EnumNames.All<Party>())]];
            }
        }

        filter = filter with { From = ParseDate("from", from, errors), To = ParseDate("to", to, errors) };
        if (filter.From is { } start && filter.To is { } end && end.Latest < start.Earliest)
        {
            errors["to"] = [localizer["'to' ({0}) is before 'from' ({1}).", end, start]];
        }

        return (filter, errors);
    }

    private PartialDate? ParseDate(string name, string? text, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (PartialDate.TryParse(text, out var date, out var error))
        {
            return date;
        }

        // The parser's reason stays in English; the advice around it is translated.
        errors[name] = [localizer["{0}. Use a date such as 2003, 2020-02 or 2020-02-19.", error!]];
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
