using System.Globalization;
using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using DialogueTracker.Web.Model;
using DialogueTracker.Web.Timeline;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.EntityFrameworkCore;

namespace DialogueTracker.Web.Feeds;

/// <summary>
/// Atom feeds of new and changed rounds and statements (site-wide, per topic, per mechanism, per party),
/// and an iCalendar of rounds dated to the day.
/// </summary>
public static class FeedEndpoints
{
    public const string AtomType = "application/atom+xml";

    public static void MapFeeds(this IEndpointRouteBuilder routes)
    {
        var feeds = routes.MapGroup("/feeds").WithTags("Feeds");
        feeds.MapGet("/atom.xml", (HttpContext context, FeedQuery query, CancellationToken ct) =>
                AtomAsync(context, query, RecordFilter.None, "DialogueTracker: new and changed records", ct))
            .WithSummary("Atom feed of new and changed rounds and statements.");
        feeds.MapGet("/topics/{slug}.xml", async (string slug, HttpContext context, FeedQuery query, FilterParser parser, CancellationToken ct) =>
                await FilteredAsync(context, query, parser, $"DialogueTracker: topic {slug}", topic: slug, ct: ct))
            .WithSummary("Atom feed for one topic (and its narrower topics).");
        feeds.MapGet("/mechanisms/{slug}.xml", async (string slug, HttpContext context, FeedQuery query, FilterParser parser, CancellationToken ct) =>
                await FilteredAsync(context, query, parser, $"DialogueTracker: mechanism {slug}", mechanism: slug, ct: ct))
            .WithSummary("Atom feed for one mechanism.");
        feeds.MapGet("/parties/{party}.xml", async (string party, HttpContext context, FeedQuery query, FilterParser parser, CancellationToken ct) =>
                await FilteredAsync(context, query, parser, $"DialogueTracker: statements by {party}", party: party, ct: ct))
            .WithSummary("Atom feed of one party's statements.");
        routes.MapGet("/calendar.ics", CalendarAsync).WithTags("Feeds").WithSummary("iCalendar of rounds dated to the day.");
    }

    private static async Task<IResult> FilteredAsync(
        HttpContext context, FeedQuery query, FilterParser parser, string title,
        string? topic = null, string? mechanism = null, string? party = null, CancellationToken ct = default)
    {
        var (filter, errors) = await parser.ParseAsync(mechanism, topic, party, null, null, ct);
        return errors.Count > 0
            ? Results.NotFound()
            : await AtomAsync(context, query, filter, title, ct);
    }

    private static async Task<IResult> AtomAsync(HttpContext context, FeedQuery query, RecordFilter filter, string title, CancellationToken ct)
    {
        var request = context.Request;
        var site = $"{request.Scheme}://{request.Host}{request.PathBase}";
        var self = UriHelper.BuildAbsolute(request.Scheme, request.Host, request.PathBase, request.Path);
        var items = await query.LatestAsync(filter, ct);

        var feed = new SyndicationFeed(title, "The EU–Viet Nam political and human-rights dialogue, recorded with its sources.", new Uri(site + "/"))
        {
            Id = self,
            LastUpdatedTime = items.Count > 0 ? items[0].At : DateTimeOffset.UnixEpoch,
            Generator = "DialogueTracker",
            Items = [.. items.Select(item => Entry(item, site))],
        };
        feed.Links.Add(new SyndicationLink(new Uri(self), "self", title, AtomType, 0));
        feed.Authors.Add(new SyndicationPerson { Name = "DialogueTracker editors" });

        var output = new StringBuilder();
        using (var writer = XmlWriter.Create(output, new XmlWriterSettings { Encoding = Encoding.UTF8, Indent = true }))
        {
            feed.SaveAsAtom10(writer);
        }

        return Results.Text(output.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal), AtomType, Encoding.UTF8);
    }

    private static SyndicationItem Entry(FeedItem item, string site)
    {
        var url = $"{site}/{(item.Type == RecordType.Round ? "rounds" : "statements")}/{item.Id}";
        var verb = item.Action == RevisionAction.Create ? "New" : "Changed";
        var date = item.Date is { } d ? $" ({d.Format(CultureInfo.GetCultureInfo("en-GB"))})" : "";
        var entry = new SyndicationItem($"{verb}: {item.Title}{date}", item.Summary ?? item.Title, new Uri(url), $"{url}#revision-{item.RevisionId}", item.At);
        entry.Summary = new TextSyndicationContent(item.Summary ?? item.Title, TextSyndicationContentKind.Plaintext);
        entry.Content = null;
        return entry;
    }

    private static async Task<IResult> CalendarAsync(HttpContext context, Data.DialogueDbContext db, CancellationToken ct)
    {
        var request = context.Request;
        var site = $"{request.Scheme}://{request.Host}{request.PathBase}";
        var rounds = await db.Rounds.AsNoTracking().Include(r => r.Mechanism).ToListAsync(ct);

        var calendar = new Ical.Net.Calendar { ProductId = "-//DialogueTracker//EU-Viet Nam dialogue//EN" };
        calendar.AddProperty("X-WR-CALNAME", "EU–Viet Nam dialogue rounds");
        // Only rounds known to the day go in: a month or a year is not a calendar date.
        foreach (var round in rounds.Where(r => r.Date is { Precision: DatePrecision.Day }).OrderBy(r => r.DateEarliest))
        {
            var date = round.Date!.Value;
            calendar.Events.Add(new CalendarEvent
            {
                Uid = $"round-{round.Key}@dialoguetracker",
                Summary = round.TitleEn,
                Description = (round.SummaryEn ?? round.TitleEn) + (date.IsQualified ? " (The date is partly inferred; see the record.)" : ""),
                Location = round.Place,
                DtStart = new CalDateTime(date.Earliest),
                DtEnd = new CalDateTime(date.Latest.AddDays(1)),
                Url = new Uri($"{site}/rounds/{round.Id}"),
                Categories = [round.Mechanism.NameEn],
            });
        }

        return Results.Text(new CalendarSerializer().SerializeToString(calendar) ?? "", "text/calendar", Encoding.UTF8);
    }
}
