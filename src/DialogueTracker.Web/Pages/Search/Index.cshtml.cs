using System.Globalization;
using DialogueTracker.Web.Data;
using DialogueTracker.Web.Localization;
using DialogueTracker.Web.Search;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace DialogueTracker.Web.Pages.Search;

public sealed class IndexModel(SearchRequestParser parser, SearchQuery search, DialogueDbContext db) : PageModel
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Type { get; set; }
    [BindProperty(SupportsGet = true)] public string? Mechanism { get; set; }
    [BindProperty(SupportsGet = true)] public string? Topic { get; set; }
    [BindProperty(SupportsGet = true)] public string? Party { get; set; }
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }

    public SearchResults? Results { get; private set; }
    public int CurrentPage { get; private set; } = 1;
    public int PageCount => Results is null ? 1 : Math.Max(1, (int)Math.Ceiling(Results.TotalCount / (double)PageSize));

    /// <summary>Result titles in the reader's language where the record has one, by type and id.</summary>
    public IReadOnlyDictionary<(SearchRecordType, int), LocalizedText> Titles { get; private set; } = new Dictionary<(SearchRecordType, int), LocalizedText>();

    public string TypeLabel(SearchRecordType type) => search.TypeLabel(type);

    public bool IsFiltered => new[] { Type, Mechanism, Topic, Party, From, To }.Any(v => !string.IsNullOrWhiteSpace(v));

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        // Read by hand: Razor Pages keeps the "page" route value for the page's own name.
        var pageText = Request.Query["page"].ToString();
        if (int.TryParse(pageText, out var page) && page is >= 1 and <= 100_000)
        {
            CurrentPage = page;
        }

        // An empty box is an invitation to search, not an error.
        if (string.IsNullOrWhiteSpace(Q))
        {
            return;
        }

        var (terms, type, filter, errors) = await parser.ParseAsync(Q, Type, Mechanism, Topic, Party, From, To, cancellationToken);
        foreach (var (field, messages) in errors)
        {
            foreach (var message in messages)
            {
                ModelState.AddModelError(char.ToUpperInvariant(field[0]) + field[1..], message);
            }
        }

        if (errors.Count == 0)
        {
            Results = await search.RunAsync(new SearchRequest(terms, filter, type, CurrentPage, PageSize), cancellationToken);
            Titles = await TitlesAsync(Results.Hits, cancellationToken);
        }
    }

    /// <summary>The index labels results in English; a page's worth of titles is looked up in both languages.</summary>
    private async Task<Dictionary<(SearchRecordType, int), LocalizedText>> TitlesAsync(IReadOnlyList<SearchHit> hits, CancellationToken cancellationToken)
    {
        var ids = hits.ToLookup(h => h.Type, h => h.Id);
        var roundIds = ids[SearchRecordType.Round].ToList();
        var statementIds = ids[SearchRecordType.Statement].ToList();
        var topicIds = ids[SearchRecordType.Topic].ToList();
        var rounds = await db.Rounds.AsNoTracking().Where(r => roundIds.Contains(r.Id)).Select(r => new { r.Id, r.TitleEn, r.TitleVi }).ToListAsync(cancellationToken);
        var statements = await db.Statements.AsNoTracking().Where(s => statementIds.Contains(s.Id)).Select(s => new { s.Id, s.TitleEn, s.TitleVi }).ToListAsync(cancellationToken);
        var topics = await db.Topics.AsNoTracking().Where(t => topicIds.Contains(t.Id)).Select(t => new { t.Id, t.NameEn, t.NameVi }).ToListAsync(cancellationToken);
        var concernIds = ids[SearchRecordType.Concern].ToList();
        var concerns = await db.Concerns.AsNoTracking().Where(c => concernIds.Contains(c.Id)).Select(c => new { c.Id, c.TitleEn, c.TitleVi }).ToListAsync(cancellationToken);
        return rounds.Select(r => ((SearchRecordType.Round, r.Id), LocalizedText.Pick(r.TitleEn, r.TitleVi)!))
            .Concat(statements.Select(s => ((SearchRecordType.Statement, s.Id), LocalizedText.Pick(s.TitleEn, s.TitleVi)!)))
            .Concat(topics.Select(t => ((SearchRecordType.Topic, t.Id), LocalizedText.Pick(t.NameEn, t.NameVi)!)))
            .Concat(concerns.Select(c => ((SearchRecordType.Concern, c.Id), LocalizedText.Pick(c.TitleEn, c.TitleVi)!)))
            .ToDictionary(p => p.Item1, p => p.Item2);
    }

    /// <summary>This search's matching rounds or statements as CSV (the first 1,000 results).</summary>
    public string CsvUrl(string records) => QueryHelpers.AddQueryString($"/api/v1/export/{records}.csv",
        new Dictionary<string, string?> { ["q"] = Q, ["mechanism"] = Mechanism, ["topic"] = Topic, ["party"] = Party, ["from"] = From, ["to"] = To }
            .Where(p => !string.IsNullOrWhiteSpace(p.Value)));

    /// <summary>This search with one parameter set to <paramref name="value"/> (or removed when null), from the first page.</summary>
    public string UrlWith(string name, string? value) => UrlFor(1, new Dictionary<string, string?> { [name] = value });

    /// <summary>This search narrowed to one year.</summary>
    public string UrlForYear(string year) => UrlFor(1, new Dictionary<string, string?> { ["from"] = year, ["to"] = year });

    public string UrlWithoutFilters() => UrlFor(1, new Dictionary<string, string?>
    {
        ["type"] = null, ["mechanism"] = null, ["topic"] = null, ["party"] = null, ["from"] = null, ["to"] = null,
    });

    public string UrlFor(int page, IReadOnlyDictionary<string, string?>? changes = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["q"] = Q,
            ["type"] = Type,
            ["mechanism"] = Mechanism,
            ["topic"] = Topic,
            ["party"] = Party,
            ["from"] = From,
            ["to"] = To,
        };
        foreach (var (name, value) in changes ?? new Dictionary<string, string?>())
        {
            values[name] = value;
        }

        var query = values.Where(v => !string.IsNullOrWhiteSpace(v.Value));
        if (page > 1)
        {
            query = query.Append(new("page", page.ToString(CultureInfo.InvariantCulture)));
        }

        return QueryHelpers.AddQueryString("/search", query);
    }
}
