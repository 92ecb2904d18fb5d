using DialogueTracker.Web.Data;
using DialogueTracker.Web.Localization;
using DialogueTracker.Web.Model;
using DialogueTracker.Web.Pages.Shared;
using DialogueTracker.Web.Timeline;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace DialogueTracker.Web.Pages.Timeline;

public sealed class IndexModel(DialogueDbContext db, FilterParser parser, TimelineQuery timeline, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)] public string? Mechanism { get; set; }
    [BindProperty(SupportsGet = true)] public string? Topic { get; set; }
    [BindProperty(SupportsGet = true)] public string? Party { get; set; }
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }

    public IReadOnlyList<TimelineEntry> Entries { get; private set; } = [];
    public int TotalCount { get; private set; }
    public int CurrentPage { get; private set; } = 1;
    public int PageCount => Math.Max(1, (int)Math.Ceiling(TotalCount / (double)PageSize));
    public bool IsFiltered { get; private set; }
    public IReadOnlyList<Mechanism> Mechanisms { get; private set; } = [];
    public IReadOnlyList<(Topic Topic, int Depth)> Topics { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Mechanisms = await db.Mechanisms.AsNoTracking().OrderBy(m => m.NameEn).ToListAsync(cancellationToken);
        Topics = TopicTree.Flatten(await db.Topics.AsNoTracking().ToListAsync(cancellationToken));

        var (filter, errors) = await parser.ParseAsync(Mechanism, Topic, Party, From, To, cancellationToken);
        foreach (var (field, messages) in errors)
        {
            foreach (var message in messages)
            {
                ModelState.AddModelError(char.ToUpperInvariant(field[0]) + field[1..], message);
            }
        }

        // Read by hand: Razor Pages keeps the "page" route value for the page's own name.
        var pageText = Request.Query["page"].ToString();
        if (int.TryParse(pageText, out var page) && page >= 1)
        {
            CurrentPage = page;
        }
        else if (pageText.Length > 0)
        {
            ModelState.AddModelError("page", localizer["'{0}' is not a page number; showing the first page.", pageText]);
        }

        IsFiltered = !filter.IsEmpty;
        (Entries, TotalCount) = await timeline.GetPageAsync(filter, CurrentPage, PageSize, cancellationToken);
    }

    /// <summary>The CSV download of this view's rounds or statements, with the same filters.</summary>
    public string CsvUrl(string records) =>
        QueryHelpers.AddQueryString($"/api/v1/export/{records}.csv", Filters().Where(v => !string.IsNullOrWhiteSpace(v.Value)));

    private Dictionary<string, string?> Filters() => new()
    {
        ["mechanism"] = Mechanism,
        ["topic"] = Topic,
        ["party"] = Party,
        ["from"] = From,
        ["to"] = To,
    };

    /// <summary>The address of this same view on another page, so paging keeps the filters.</summary>
    public string UrlFor(int page)
    {
        var query = Filters().Where(v => !string.IsNullOrWhiteSpace(v.Value)).Append(new("page", page.ToString(CultureInfo.InvariantCulture)));
        return QueryHelpers.AddQueryString("/", query);
    }
}
