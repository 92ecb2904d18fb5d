using DialogueTracker.Web.Concerns;
using DialogueTracker.Web.Data;
using DialogueTracker.Web.Model;
using DialogueTracker.Web.Timeline;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using DialogueTracker.Web.Localization;

namespace DialogueTracker.Web.Pages.Concerns;

public sealed class IndexModel(ConcernQuery concerns, FilterParser parser, DialogueDbContext db, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "party")]
    public string? Party { get; set; }

    [BindProperty(SupportsGet = true, Name = "topic")]
    public string? Topic { get; set; }

    [BindProperty(SupportsGet = true, Name = "status")]
    public string? Status { get; set; }

    public IReadOnlyList<ConcernThread> Concerns { get; private set; } = [];

    /// <summary>Topics that some concern is about, for the filter's choices.</summary>
    public IReadOnlyList<Topic> Topics { get; private set; } = [];

    public Dictionary<string, string[]> Errors { get; private set; } = [];

    public bool IsFiltered => !string.IsNullOrWhiteSpace(Party) || !string.IsNullOrWhiteSpace(Topic) || !string.IsNullOrWhiteSpace(Status);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var (filter, errors) = await parser.ParseAsync(null, Topic, Party, null, null, cancellationToken);
        ConcernStatus? status = null;
        if (!string.IsNullOrWhiteSpace(Status))
        {
            if (EnumNames.TryParse<ConcernStatus>(Status, out var value))
            {
                status = value;
            }
            else
            {
                errors["status"] = [localizer["'{0}' is not a status; use one of: {1}.", Status, string.Join(", ", EnumNames.All<ConcernStatus>())]];
            }
        }

        Errors = errors;
        Topics = await db.Topics.AsNoTracking().Where(t => t.Concerns.Any()).OrderBy(t => t.NameEn).ToListAsync(cancellationToken);
        if (errors.Count == 0)
        {
            Concerns = await concerns.ListAsync(filter.Party, filter.TopicIds, status, cancellationToken);
        }
        else
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
    }
}
