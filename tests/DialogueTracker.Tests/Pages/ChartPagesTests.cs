namespace DialogueTracker.Tests.Pages;

public class ChartPagesTests(DialogueTrackerFactory factory) : IClassFixture<DialogueTrackerFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task The_overview_maps_topics_by_year_with_a_text_alternative()
    {
        var page = await _client.GetPageAsync("/overview");

        var heatmap = page.QuerySelector("svg.heatmap")!;
        Assert.Equal("img", heatmap.GetAttribute("role"));
        Assert.NotEmpty(page.QuerySelector("#heatmap-title").Text());
        var cells = heatmap.QuerySelectorAll("rect.cell:not(.empty-cell) title").Select(t => t.Text()).ToList();
        Assert.Contains("Human rights, 2012: 2 records", cells);
        Assert.Contains("Climate change, 2012: 1 record", cells);
        // Only the undated EU statement names the death penalty, so it has no row.
        Assert.DoesNotContain(heatmap.QuerySelectorAll(".label"), l => l.Text() == "Death penalty");

        var table = page.QuerySelector(".heatmap-figure table.data")!;
        var humanRights = table.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector("th").Text() == "Human rights");
        Assert.Equal(["1", "2", "1", "1"], humanRights.QuerySelectorAll("td").Select(td => td.Text()).Where(t => t.Length > 0));
        Assert.Equal(["2003", "2012", "2020", "2021"], table.QuerySelectorAll("thead th").Skip(1).Select(th => th.Text()));
    }

    [Fact]
    public async Task The_overview_counts_rounds_by_mechanism_and_statements_by_party()
    {
        var page = await _client.GetPageAsync("/overview");

        var mechanisms = page.QuerySelector("#mechanisms-chart")!.Text();
        Assert.Contains("EU–Viet Nam Human Rights Dialogue: 3", mechanisms, StringComparison.Ordinal);
        Assert.Contains("EU–Viet Nam Vice-Ministerial Political Consultations: 1", mechanisms, StringComparison.Ordinal);
        Assert.Equal("EU: 3, Viet Nam: 1", page.QuerySelector("#parties-chart").Text().Split(": ", 2)[1]);
        Assert.Contains(page.QuerySelectorAll("svg.bar-chart a"), a => a.GetAttribute("href") == "/?party=viet-nam");
    }

    [Fact]
    public async Task The_overview_speaks_vietnamese_too()
    {
        var page = await _client.GetPageAsync("/overview?culture=vi");

        Assert.Equal("Tổng quan", page.QuerySelector("h1").Text());
        Assert.Contains(page.QuerySelectorAll("svg.heatmap rect.cell title"), t => t.Text() == "Nhân quyền, 2012: 2 mục");
    }

    [Fact]
    public async Task A_topic_page_charts_its_records_per_year()
    {
        var page = await _client.GetPageAsync("/topics/human-rights");

        var chart = page.QuerySelector("svg.year-chart")!;
        Assert.Equal("Records per year: 2003: 1, 2012: 2, 2020: 1, 2021: 1", chart.QuerySelector("title").Text());
        Assert.Equal(19, chart.QuerySelectorAll("rect.bar").Length);
        Assert.Contains("2 undated records are not in the chart.", page.QuerySelector(".hint").Text(), StringComparison.Ordinal);
        var rows = page.QuerySelectorAll(".chart table.data tbody tr").Select(r => r.Text()).ToList();
        Assert.Equal(4, rows.Count);
    }
}
