using System.Globalization;
using DialogueTracker.Web.Data;
using DialogueTracker.Web.Model;
using DialogueTracker.Web.Localization;
using Microsoft.EntityFrameworkCore;

namespace DialogueTracker.Web.Search;

/// <summary>
/// Runs a search for the page and the API: the matching documents, filtered, counted by facet, ranked, one page of
/// them with snippets. The index is asked for the ids of the matches only (one scan, nothing scored); filters and facets
/// are then applied in memory over <see cref="SearchFacetTable"/>, and <see cref="SearchRanking"/> scores only what the
/// page needs. See docs/decisions/0005-search-without-scoring-every-match.md.
/// </summary>
public sealed class SearchQuery(
    DialogueDbContext db, ISearchIndex index, SearchMatcher matcher, SearchRanking ranking, SearchFacetTableCache facetTables, SearchResultCache cache, Labels labels)
{
    /// <summary>How many topics the topic facet lists: the most frequent ones.</summary>
    public const int TopicFacetSize = 15;

    public async Task<SearchResults> RunAsync(SearchRequest request, CancellationToken cancellationToken)
    {
        var filter = request.Filter;
        var version = await index.VersionAsync(cancellationToken);
        // Facet labels are in the reader's language, so the language is part of the key.
        var key = (version, CultureInfo.CurrentUICulture.Name, string.Join(' ', request.Terms), request.Type,
            filter.MechanismSlug, filter.TopicSlug, filter.Party, filter.From, filter.To, request.Page, request.PageSize);
        if (cache.TryGet(key, out var cached))
        {
            return cached!;
        }

        var results = await SearchAsync(request, version, cancellationToken);
        cache.Set(key, results);
        return results;
    }

    private async Task<SearchResults> SearchAsync(SearchRequest request, long version, CancellationToken cancellationToken)
    {
        var table = await facetTables.GetAsync(version, ct => SearchFacetTable.LoadAsync(db, index, version, ct), cancellationToken);
        var matches = await matcher.MatchAsync(table, request.Terms, titlesOnly: false, cancellationToken);
        var filtered = await FilterAsync(table, matches, request, cancellationToken);
        var total = filtered.Length;
        if (total == 0)
        {
            return new SearchResults([], 0, SearchFacets.None);
        }

        var facets = await FacetsAsync(table, filtered, cancellationToken);
        var skip = (request.Page - 1) * request.PageSize;
        if (skip >= total)
        {
            return new SearchResults([], total, facets);
        }

        var ranked = await ranking.PageAsync(request.Terms, table, matches, filtered, skip, request.PageSize, cancellationToken);
        var ids = ranked.Select(m => m.DocumentId).ToList();
        var documents = await db.SearchDocuments.AsNoTracking()
            .Where(d => ids.Contains(d.Id))
            .Select(d => new { d.Id, d.Type, d.RecordId, d.Slug, d.Label, d.Date, d.Party })
            .ToDictionaryAsync(d => d.Id, cancellationToken);
        var snippets = await index.SnippetsAsync(request.Terms, ids, cancellationToken);

        var pageHits = ranked.Where(m => documents.ContainsKey(m.DocumentId)).Select(m =>
        {
            var p = documents[m.DocumentId];
            return new SearchHit(p.Type, p.RecordId, UrlOf(p.Type, p.RecordId, p.Slug), p.Label, p.Date, p.Party,
                SnippetHtml.Render(snippets.GetValueOrDefault(p.Id) ?? p.Label), m.Score);
        }).ToList();
        return new SearchResults(pageHits, total, facets);
    }

    public string TypeLabel(SearchRecordType type) => labels[type switch
    {
        SearchRecordType.Round => "Round",
        SearchRecordType.Statement => "Statement",
        SearchRecordType.Topic => "Topic",
        SearchRecordType.Concern => "Concern",
        _ => "Source",
    }];

    private static string UrlOf(SearchRecordType type, int id, string? slug) => type switch
    {
        SearchRecordType.Round => $"/rounds/{id}",
        SearchRecordType.Statement => $"/statements/{id}",
        SearchRecordType.Topic => $"/topics/{slug}",
        SearchRecordType.Concern => $"/concerns/{id}",
        _ => $"/sources/{id}",
    };

    /// <summary>The matches (positions in the table) that pass the request's filters, in the same order.</summary>
    private async Task<int[]> FilterAsync(SearchFacetTable table, int[] matches, SearchRequest request, CancellationToken cancellationToken)
    {
        var filter = request.Filter;
        if (request.Type is null && filter.Party is null && filter.MechanismSlug is null && filter.TopicIds is null && filter.From is null && filter.To is null)
        {
            return matches;
        }

        var mechanism = SearchFacetTable.NoMechanism;
        if (filter.MechanismSlug is { } slug)
        {
            var id = await db.Mechanisms.AsNoTracking().Where(m => m.Slug == slug).Select(m => (int?)m.Id).FirstOrDefaultAsync(cancellationToken);
            if (id is null)
            {
                return [];
            }

            mechanism = id.Value;
        }

        // Only statements have a party, as on the timeline.
        var party = filter.Party is { } p ? (sbyte)p : SearchFacetTable.NoParty;
        var topics = filter.TopicIds is { } topicIds ? new HashSet<int>(topicIds) : null;
        // Undated records (topics, most sources) drop out when a date bound is set, as on the timeline.
        var from = filter.From?.Earliest.DayNumber;
        var to = filter.To?.Latest.DayNumber;

        var kept = new List<int>(matches.Length);
        foreach (var position in matches)
        {
            if ((request.Type is { } type && table.Types[position] != type)
                || (filter.Party is not null && table.Parties[position] != party)
                || (filter.MechanismSlug is not null && table.Mechanisms[position] != mechanism)
                || (from is { } earliest && (table.Dates[position] == SearchFacetTable.NoDate || table.Dates[position] < earliest))
                || (to is { } latest && (table.Dates[position] == SearchFacetTable.NoDate || table.Dates[position] > latest))
                || (topics is not null && !HasAny(table.Topics(position), topics)))
            {
                continue;
            }

            kept.Add(position);
        }

        return [.. kept];
    }

    private static bool HasAny(ReadOnlySpan<int> topics, HashSet<int> wanted)
    {
        foreach (var topic in topics)
        {
            if (wanted.Contains(topic))
            {
                return true;
            }
        }

        return false;
    }

    private async Task<SearchFacets> FacetsAsync(SearchFacetTable table, int[] filtered, CancellationToken cancellationToken)
    {
        // Counted in arrays indexed by value: a search may count tens of thousands of matches.
        var types = new int[Enum.GetValues<SearchRecordType>().Length];
        var parties = new int[Enum.GetValues<Party>().Length];
        var mechanismCounts = new int[table.MaxMechanismId + 1];
        var years = new int[table.MaxYear - table.MinYear + 1];
        var topicCounts = new int[table.MaxTopicId + 1];
        foreach (var position in filtered)
        {
            types[(int)table.Types[position]]++;
            if (table.Parties[position] != SearchFacetTable.NoParty)
            {
                parties[table.Parties[position]]++;
            }

            if (table.Mechanisms[position] != SearchFacetTable.NoMechanism)
            {
                mechanismCounts[table.Mechanisms[position]]++;
            }

            if (table.Years[position] != SearchFacetTable.NoYear)
            {
                years[table.Years[position] - table.MinYear]++;
            }

            foreach (var topic in table.Topics(position))
            {
                topicCounts[topic]++;
            }
        }

        var topTopics = NonZero(topicCounts).OrderByDescending(t => t.Count).ThenBy(t => t.Value).Take(TopicFacetSize).ToList();
        var mechanisms = await db.Mechanisms.AsNoTracking().ToDictionaryAsync(m => m.Id, cancellationToken);
        // Topic names come with the table: renaming a topic rewrites documents, so the table is read again.
        var topics = table.TopicsById;
        var vietnamese = Cultures.CurrentIsVietnamese;

        return new SearchFacets(
            Type: Describe(NonZero(types), t => (EnumNames.ToName((SearchRecordType)t), TypeLabel((SearchRecordType)t))),
            Party: Describe(NonZero(parties), p => (EnumNames.ToName((Party)p), labels.Party((Party)p))),
            Mechanism: Describe(NonZero(mechanismCounts).Where(m => mechanisms.ContainsKey(m.Value)),
                id => (mechanisms[id].Slug, vietnamese ? mechanisms[id].NameVi : mechanisms[id].NameEn)),
            Topic: [.. topTopics.Where(t => topics.ContainsKey(t.Value))
                .Select(t => new FacetValue(topics[t.Value].Slug, vietnamese ? topics[t.Value].NameVi : topics[t.Value].NameEn, t.Count))],
            Year: [.. NonZero(years).OrderByDescending(y => y.Value)
                .Select(y => (Year: y.Value + table.MinYear, y.Count))
                .Select(y => new FacetValue(y.Year.ToString("D4", CultureInfo.InvariantCulture), y.Year.ToString(CultureInfo.InvariantCulture), y.Count))]);
    }

    private static IEnumerable<(int Value, int Count)> NonZero(int[] counts) =>
        counts.Select((count, value) => (Value: value, Count: count)).Where(c => c.Count > 0);

    private static List<FacetValue> Describe(IEnumerable<(int Value, int Count)> counts, Func<int, (string Value, string Label)> describe) =>
        [.. counts
            .Select(c => (Described: describe(c.Value), c.Count))
            .OrderByDescending(c => c.Count).ThenBy(c => c.Described.Label, StringComparer.Ordinal)
            .Select(c => new FacetValue(c.Described.Value, c.Described.Label, c.Count))];
}
