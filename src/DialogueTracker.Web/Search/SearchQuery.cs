using System.Globalization;
using DialogueTracker.Web.Data;
using DialogueTracker.Web.Model;
using DialogueTracker.Web.Localization;
using Microsoft.EntityFrameworkCore;

namespace DialogueTracker.Web.Search;

/// <summary>
/// Runs a search for the page and the API: the matching documents, filtered, counted by facet, ranked, one
/// page of them with snippets. Each step is one SQL query over the index's matches, so cost follows the number
/// of matches, not the size of the database.
/// </summary>
public sealed class SearchQuery(DialogueDbContext db, ISearchIndex index, SearchResultCache cache, Labels labels)
{
    /// <summary>How many topics the topic facet lists: the most frequent ones.</summary>
    public const int TopicFacetSize = 15;

    public async Task<SearchResults> RunAsync(SearchRequest request, CancellationToken cancellationToken)
    {
        var filter = request.Filter;
        // Facet labels are in the reader's language, so the language is part of the key.
        var key = (await index.VersionAsync(cancellationToken), CultureInfo.CurrentUICulture.Name, string.Join(' ', request.Terms), request.Type,
            filter.MechanismSlug, filter.TopicSlug, filter.Party, filter.From, filter.To, request.Page, request.PageSize);
        if (cache.TryGet(key, out var cached))
        {
            return cached!;
        }

        var results = await SearchAsync(request, cancellationToken);
        cache.Set(key, results);
        return results;
    }

    private async Task<SearchResults> SearchAsync(SearchRequest request, CancellationToken cancellationToken)
    {
        var documents = Filter(db.SearchDocuments.AsNoTracking(), request);
        var hits = from m in index.Match(request.Terms, ranked: false)
                   join d in documents on m.DocumentId equals d.Id
                   select d;

        // Every facet but topics from one grouped count; each document has one value of each.
        var groups = await hits
            .GroupBy(d => new { d.Type, d.Party, d.MechanismId, d.Year })
            .Select(g => new { g.Key.Type, g.Key.Party, g.Key.MechanismId, g.Key.Year, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var total = groups.Sum(g => g.Count);
        if (total == 0)
        {
            return new SearchResults([], 0, SearchFacets.None);
        }

        var topicCounts = await (
                from d in hits
                join t in db.SearchDocumentTopics on d.Id equals t.DocumentId
                group t by t.TopicId into g
                select new { TopicId = g.Key, Count = g.Count() })
            .OrderByDescending(t => t.Count).ThenBy(t => t.TopicId)
            .Take(TopicFacetSize)
            .ToListAsync(cancellationToken);

        var mechanisms = await db.Mechanisms.AsNoTracking().ToDictionaryAsync(m => m.Id, cancellationToken);
        var topicIds = topicCounts.Select(t => t.TopicId).ToList();
        var topics = await db.Topics.AsNoTracking().Where(t => topicIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, cancellationToken);

        var facets = new SearchFacets(
            Type: Count(groups.Select(g => (g.Type as SearchRecordType?, g.Count)), t => (EnumNames.ToName(t), TypeLabel(t))),
            Party: Count(groups.Select(g => (g.Party, g.Count)), p => (EnumNames.ToName(p), labels.Party(p))),
            Mechanism: Count(groups.Select(g => (g.MechanismId, g.Count)), id => (mechanisms[id].Slug, Cultures.CurrentIsVietnamese ? mechanisms[id].NameVi : mechanisms[id].NameEn)),
            Topic: [.. topicCounts.Where(t => topics.ContainsKey(t.TopicId))
                .Select(t => new FacetValue(topics[t.TopicId].Slug, Cultures.CurrentIsVietnamese ? topics[t.TopicId].NameVi : topics[t.TopicId].NameEn, t.Count))],
            Year: [.. groups.Where(g => g.Year is not null).GroupBy(g => g.Year!.Value).OrderByDescending(g => g.Key)
                .Select(g => new FacetValue(g.Key.ToString("D4", CultureInfo.InvariantCulture), g.Key.ToString(CultureInfo.InvariantCulture), g.Sum(x => x.Count)))]);

        var skip = (request.Page - 1) * request.PageSize;
        if (skip >= total)
        {
            return new SearchResults([], total, facets);
        }

        var ranked = from m in index.Match(request.Terms, ranked: true)
                     join d in documents on m.DocumentId equals d.Id
                     select new { Document = d, m.Score };
        var page = await ranked
            .OrderByDescending(h => h.Score).ThenBy(h => h.Document.Id)
            .Skip(skip).Take(request.PageSize)
            .Select(h => new { h.Document.Id, h.Document.Type, h.Document.RecordId, h.Document.Slug, h.Document.Label, h.Document.Date, h.Document.Party, h.Score })
            .ToListAsync(cancellationToken);
        var snippets = await index.SnippetsAsync(request.Terms, [.. page.Select(p => p.Id)], cancellationToken);

        var pageHits = page.Select(p => new SearchHit(
            p.Type, p.RecordId, UrlOf(p.Type, p.RecordId, p.Slug), p.Label, p.Date, p.Party,
            SnippetHtml.Render(snippets.GetValueOrDefault(p.Id) ?? p.Label), p.Score)).ToList();
        return new SearchResults(pageHits, total, facets);
    }

    public string TypeLabel(SearchRecordType type) => labels[type switch
    {
        SearchRecordType.Round => "Round",
        SearchRecordType.Statement => "Statement",
        SearchRecordType.Topic => "Topic",
        _ => "Source",
    }];

    private static string UrlOf(SearchRecordType type, int id, string? slug) => type switch
    {
        SearchRecordType.Round => $"/rounds/{id}",
        SearchRecordType.Statement => $"/statements/{id}",
        SearchRecordType.Topic => $"/topics/{slug}",
        _ => $"/sources/{id}",
    };

    private IQueryable<SearchDocument> Filter(IQueryable<SearchDocument> documents, SearchRequest request)
    {
        var filter = request.Filter;
        if (request.Type is { } type)
        {
            documents = documents.Where(d => d.Type == type);
        }

        // Only statements have a party, as on the timeline.
        if (filter.Party is { } party)
        {
            documents = documents.Where(d => d.Party == party);
        }

        if (filter.MechanismSlug is { } slug)
        {
            documents = documents.Where(d => db.Mechanisms.Any(m => m.Id == d.MechanismId && m.Slug == slug));
        }

        if (filter.TopicIds is { } topicIds)
        {
            documents = documents.Where(d => db.SearchDocumentTopics.Any(t => t.DocumentId == d.Id && topicIds.Contains(t.TopicId)));
        }

        // Undated records (topics, most sources) drop out when a date bound is set, as on the timeline.
        if (filter.From is { } from)
        {
            var earliest = from.Earliest;
            documents = documents.Where(d => d.DateEarliest >= earliest);
        }

        if (filter.To is { } to)
        {
            var latest = to.Latest;
            documents = documents.Where(d => d.DateEarliest <= latest);
        }

        return documents;
    }

    private static List<FacetValue> Count<T>(IEnumerable<(T? Value, int Count)> counts, Func<T, (string Value, string Label)> describe)
        where T : struct => [.. counts
            .Where(c => c.Value is not null)
            .GroupBy(c => c.Value!.Value)
            .Select(g => (Described: describe(g.Key), Count: g.Sum(c => c.Count)))
            .OrderByDescending(c => c.Count).ThenBy(c => c.Described.Label, StringComparer.Ordinal)
            .Select(c => new FacetValue(c.Described.Value, c.Described.Label, c.Count))];
}
