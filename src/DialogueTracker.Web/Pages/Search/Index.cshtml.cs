using System.Globalization;
using DialogueTracker.Web.Search;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;

namespace DialogueTracker.Web.Pages.Search;

public sealed class IndexModel(SearchRequestParser parser, SearchQuery search) : PageModel
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
        }
    }

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
