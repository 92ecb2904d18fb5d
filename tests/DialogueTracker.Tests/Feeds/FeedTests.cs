using System.Net;
using System.ServiceModel.Syndication;
using System.Xml;
using System.Xml.Linq;
using DialogueTracker.Tests.Pages;
using Ical.Net;

namespace DialogueTracker.Tests.Feeds;

public class FeedTests(DialogueTrackerFactory factory) : IClassFixture<DialogueTrackerFactory>
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private readonly HttpClient _client = factory.CreateClient();

    private async Task<(SyndicationFeed Feed, XDocument Xml)> GetFeedAsync(string url)
    {
        using var response = await _client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        using var reader = XmlReader.Create(new StringReader(text));
        return (SyndicationFeed.Load(reader), XDocument.Parse(text));
    }

    [Fact]
    public async Task The_site_feed_is_valid_atom_with_the_seeded_records()
    {
        var (feed, xml) = await GetFeedAsync("/feeds/atom.xml");

        // What Atom 1.0 requires of a feed and of each entry: id, title, updated; a self link; entries with a link.
        var root = xml.Root!;
        Assert.Equal(Atom + "feed", root.Name);
        Assert.False(string.IsNullOrEmpty(root.Element(Atom + "id")?.Value));
        Assert.NotNull(root.Element(Atom + "updated"));
        Assert.Contains(root.Elements(Atom + "link"), l => (string?)l.Attribute("rel") == "self");
        var entries = root.Elements(Atom + "entry").ToList();
        Assert.Equal(8, entries.Count);
        Assert.All(entries, e =>
        {
            Assert.False(string.IsNullOrEmpty(e.Element(Atom + "id")?.Value));
            Assert.False(string.IsNullOrEmpty(e.Element(Atom + "title")?.Value));
            Assert.NotNull(e.Element(Atom + "updated"));
            Assert.NotNull(e.Element(Atom + "link"));
        });
        Assert.Equal(entries.Count, entries.Select(e => e.Element(Atom + "id")!.Value).Distinct().Count());
        Assert.Contains(feed.Items, i => i.Title.Text == "New: 9th round of the EU–Viet Nam Human Rights Dialogue (19 February 2020)");
    }

    [Theory]
    [InlineData("/feeds/topics/death-penalty.xml", 1)]
    [InlineData("/feeds/mechanisms/human-rights-dialogue.xml", 3)]
    [InlineData("/feeds/parties/viet-nam.xml", 1)]
    public async Task Narrower_feeds_hold_only_their_records(string url, int expected)
    {
        var (feed, _) = await GetFeedAsync(url);

        Assert.Equal(expected, feed.Items.Count());
    }

    [Theory]
    [InlineData("/feeds/topics/no-such-topic.xml")]
    [InlineData("/feeds/parties/martians.xml")]
    public async Task Unknown_feeds_are_404(string url) =>
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync(url)).StatusCode);

    [Fact]
    public async Task Pages_link_their_feeds()
    {
        var topic = await _client.GetPageAsync("/topics/death-penalty");
        var timeline = await _client.GetPageAsync("/?mechanism=human-rights-dialogue");

        var feeds = topic.QuerySelectorAll("link[rel=alternate][type='application/atom+xml']").Select(l => l.GetAttribute("href")).ToList();
        Assert.Equal(["/feeds/atom.xml", "/feeds/topics/death-penalty.xml"], feeds);
        Assert.Contains(timeline.QuerySelectorAll("link[rel=alternate][type='application/atom+xml']"), l => l.GetAttribute("href") == "/feeds/mechanisms/human-rights-dialogue.xml");
    }

    [Fact]
    public async Task The_calendar_holds_the_rounds_known_to_the_day_and_parses_back()
    {
        using var response = await _client.GetAsync("/calendar.ics");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        var calendar = Calendar.Load(text)!;
        var round = Assert.Single(calendar.Events);
        Assert.Equal("9th round of the EU–Viet Nam Human Rights Dialogue", round.Summary);
        Assert.Equal(new DateOnly(2020, 2, 19), DateOnly.FromDateTime(round.DtStart!.Value));
        Assert.False(round.DtStart.HasTime);
        Assert.Contains("DTSTART;VALUE=DATE:20200219", text, StringComparison.Ordinal);
    }
}
