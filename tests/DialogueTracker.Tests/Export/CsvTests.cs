using System.Globalization;
using System.Net;
using System.Text;
using CsvHelper;
using DialogueTracker.Tests.Pages;
using DialogueTracker.Web.Cli;
using Microsoft.EntityFrameworkCore;

namespace DialogueTracker.Tests.Export;

public class CsvTests(DialogueTrackerFactory factory) : IClassFixture<DialogueTrackerFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private async Task<(byte[] Bytes, List<dynamic> Rows)> GetCsvAsync(string url)
    {
        using var response = await _client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        using var reader = new StreamReader(new MemoryStream(bytes), Encoding.UTF8);
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        return (bytes, csv.GetRecords<dynamic>().ToList());
    }

    [Fact]
    public async Task Rounds_download_as_csv_with_a_bom_and_vietnamese_intact()
    {
        var (bytes, rows) = await GetCsvAsync("/api/v1/export/rounds.csv");

        Assert.Equal([0xEF, 0xBB, 0xBF], bytes.Take(3));
        Assert.Equal(4, rows.Count);
        var ninth = rows.Single(r => r.Key == "hrd-2020-02-19");
        Assert.Equal("Vòng thứ 9 Đối thoại Nhân quyền EU–Việt Nam", (string)ninth.TitleVi);
        Assert.Equal("9", (string)ninth.Number);
        Assert.Equal("day", (string)ninth.DatePrecision);
        Assert.Equal("seed-vi-eu-delegation-dialogue-page", (string)ninth.Sources);
        Assert.Contains("Vòng thứ 9", (string)ninth.Citations, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Statements_download_filtered_like_the_timeline()
    {
        var (_, rows) = await GetCsvAsync("/api/v1/export/statements.csv?party=eu&topic=death-penalty");

        var row = Assert.Single(rows);
        Assert.Equal("eu-delegation-human-rights-priorities", (string)row.Key);
        Assert.Contains("death-penalty", ((string)row.Topics).Split(" | "));
    }

    [Fact]
    public async Task A_search_downloads_its_matching_records()
    {
        var (_, statements) = await GetCsvAsync("/api/v1/export/statements.csv?q=tu+do+ton+giao");
        var (_, rounds) = await GetCsvAsync("/api/v1/export/rounds.csv?q=vong+thu+9");

        Assert.Equal(["eu-delegation-human-rights-priorities", "vn-mofa-eu-hr-report-2020"], statements.Select(r => (string)r.Key).Order(StringComparer.Ordinal));
        Assert.Equal(["hrd-2020-02-19"], rounds.Select(r => (string)r.Key));
        var page = await _client.GetPageAsync("/search?q=tu+do+ton+giao");
        Assert.Contains(page.QuerySelectorAll(".downloads a"), a => a.GetAttribute("href") == "/api/v1/export/statements.csv?q=tu%20do%20ton%20giao");
    }

    [Fact]
    public async Task A_search_download_with_nothing_to_search_is_a_400_problem()
    {
        using var response = await _client.GetAsync("/api/v1/export/statements.csv?q=%22");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Bad_filters_on_a_download_are_a_400_problem()
    {
        using var response = await _client.GetAsync("/api/v1/export/rounds.csv?from=soon");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_timeline_offers_its_results_as_csv()
    {
        var page = await _client.GetPageAsync("/?party=viet-nam");

        Assert.Contains(page.QuerySelectorAll(".downloads a"), a => a.GetAttribute("href") == "/api/v1/export/statements.csv?party=viet-nam");
    }

    [Fact]
    public async Task A_downloaded_csv_imports_back_without_changes_and_an_edited_one_with_them()
    {
        var file = Path.Combine(Path.GetTempPath(), $"statements-{Guid.NewGuid():N}.csv");
        try
        {
            await File.WriteAllBytesAsync(file, await _client.GetByteArrayAsync("/api/v1/export/statements.csv"));
            await using var scope = factory.CreateScope(out var db);
            var revisions = await db.Revisions.CountAsync();

            Assert.Equal(0, await ImportCommand.RunAsync(factory.Services, [file]));
            Assert.Equal(revisions, await db.Revisions.CountAsync());

            var text = await File.ReadAllTextAsync(file);
            await File.WriteAllTextAsync(file, text.Replace("Le Thi Thu Hang", "Lê Thị Thu Hằng", StringComparison.Ordinal), new UTF8Encoding(true));
            Assert.Equal(0, await ImportCommand.RunAsync(factory.Services, [file]));
            Assert.Equal("Lê Thị Thu Hằng", await db.Statements.Where(s => s.Key == "vn-mofa-eu-hr-report-2020").Select(s => s.Speaker).SingleAsync());
            Assert.Equal(revisions + 1, await db.Revisions.CountAsync());
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task A_csv_in_neither_layout_is_refused()
    {
        var file = Path.Combine(Path.GetTempPath(), $"other-{Guid.NewGuid():N}.csv");
        try
        {
            await File.WriteAllTextAsync(file, "name,age\nAn,3\n");

            Assert.Equal(1, await ImportCommand.RunAsync(factory.Services, [file]));
        }
        finally
        {
            File.Delete(file);
        }
    }
}
