using System.Net;
using System.Text;
using DialogueTracker.Tests.Pages;
using DialogueTracker.Web.Model;
using Microsoft.EntityFrameworkCore;

namespace DialogueTracker.Tests.Export;

public class ImportPageTests(DialogueTrackerFactory factory) : IClassFixture<DialogueTrackerFactory>
{
    private static async Task<AngleSharp.Dom.IDocument> UploadAsync(EditorSession admin, string fileName, string content, bool dryRun)
    {
        var form = await admin.GetPageAsync("/admin/import");
        var token = form.QuerySelector("form.import-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var body = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(dryRun ? "true" : "false"), "DryRun" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(content)), "Upload", fileName },
        };
        using var response = await admin.Client.PostAsync("/admin/import", body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await HtmlTestExtensions.ParseAsync(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_admin_uploads_a_file_dry_run_first()
    {
        var admin = await EditorSession.SignedInAsync(factory, Roles.Admin);
        const string dataset = """
            { "format": "dialoguetracker/1", "topics": [ { "slug": "uploaded-topic", "nameEn": "Uploaded", "nameVi": "Tải lên",
              "citations": [ { "source": "seed-vi-eu-delegation-dialogue-page", "quote": "q" } ] } ] }
            """;

        var dry = await UploadAsync(admin, "topics.json", dataset, dryRun: true);
        Assert.Contains("Nothing was written", dry.QuerySelector(".import-result").Text(), StringComparison.Ordinal);
        await using (var scope = factory.CreateScope(out var db))
        {
            Assert.False(await db.Topics.AnyAsync(t => t.Slug == "uploaded-topic"));
        }

        var real = await UploadAsync(admin, "topics.json", dataset, dryRun: false);
        Assert.Contains("1 record(s) added", real.QuerySelector(".import-result").Text(), StringComparison.Ordinal);
        await using (var scope = factory.CreateScope(out var db))
        {
            Assert.True(await db.Topics.AnyAsync(t => t.Slug == "uploaded-topic"));
        }
    }

    [Fact]
    public async Task A_bad_file_lists_its_problems_and_writes_nothing()
    {
        var admin = await EditorSession.SignedInAsync(factory, Roles.Admin);

        var page = await UploadAsync(admin, "rounds.json", """{ "format": "dialoguetracker/1", "rounds": [ { "key": "x", "mechanism": "nope", "kind": "round", "titleEn": "t", "date": "2020-13" } ] }""", dryRun: false);

        var rows = page.QuerySelectorAll(".import-result tbody tr").Select(r => r.Text()).ToList();
        Assert.Contains(rows, r => r.Contains("mechanism", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains("date", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains("citations", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Editors_cannot_import()
    {
        var editor = await EditorSession.SignedInAsync(factory, Roles.Editor);

        using var response = await editor.Client.GetAsync("/admin/import");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/denied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }
}
