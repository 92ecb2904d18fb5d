using System.Net;
using DialogueTracker.Web.Import;
using DialogueTracker.Web.Model;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DialogueTracker.Tests.Pages;

public class EditingTests(DialogueTrackerFactory factory) : IClassFixture<DialogueTrackerFactory>
{
    private static readonly Dictionary<string, string> NewRoundFields = new()
    {
        ["Input.Key"] = "vmpc-2019-test",
        ["Input.Mechanism"] = "vice-ministerial-political-consultations",
        ["Input.Kind"] = "consultation",
        ["Input.Date"] = "2019-05-20/2019-05-21",
        ["Input.TitleEn"] = "Political consultations in Brussels",
        ["Input.TitleVi"] = "Tham vấn chính trị tại Brussels",
        ["Input.Topics"] = "maritime-security",
        ["Input.Citations[0].Source"] = "seed-vi-eu-delegation-dialogue-page",
        ["Input.Citations[0].Quote"] = "Tham vấn Chính trị cấp Thứ trưởng",
        ["Input.EditSummary"] = "Added from the delegation page",
    };

    [Theory]
    [InlineData("/rounds/new")]
    [InlineData("/statements/1/edit")]
    [InlineData("/topics/new")]
    [InlineData("/sources/1/edit")]
    [InlineData("/account")]
    [InlineData("/admin/users")]
    public async Task Anonymous_visitors_are_sent_to_sign_in(string url)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/sign-in", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_editor_adds_a_round_with_a_citation_and_sees_it_with_its_revision()
    {
        var editor = await EditorSession.SignedInAsync(factory, Roles.Editor);

        using var saved = await editor.SubmitAsync("/rounds/new", "form.edit-form", NewRoundFields);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var location = saved.Headers.Location!.OriginalString;
        Assert.Matches(@"^/rounds/\d+$", location);
        var page = await editor.GetPageAsync(location);
        Assert.Equal("Political consultations in Brussels", page.QuerySelector("h1").Text());
        Assert.Contains("20–21 May 2019", page.QuerySelector("dl.facts").Text(), StringComparison.Ordinal);
        var timeline = await editor.GetPageAsync("/?from=2019&to=2019");
        Assert.Contains("Political consultations in Brussels", timeline.Texts(".event h3"));

        var history = await editor.GetPageAsync(page.QuerySelector(".record-tools a")!.GetAttribute("href")!);
        var revision = history.QuerySelector(".revision")!;
        Assert.Contains(editor.UserName, revision.QuerySelector("h2").Text(), StringComparison.Ordinal);
        Assert.Contains("Added from the delegation page", revision.Text(), StringComparison.Ordinal);
        Assert.Contains(history.QuerySelectorAll(".diff th"), th => th.Text() == "date");
    }

    [Fact]
    public async Task Problems_are_shown_next_to_their_fields_and_nothing_is_saved()
    {
        var editor = await EditorSession.SignedInAsync(factory, Roles.Editor);
        var fields = new Dictionary<string, string>(NewRoundFields)
        {
            ["Input.Key"] = "bad-round-form",
            ["Input.Date"] = "2021-02-30",
            ["Input.Series"] = "enhanced",
            ["Input.Mechanism"] = "human-rights-dialogue",
            ["Input.Number"] = "9",
            ["Input.Citations[0].Source"] = "",
            ["Input.Citations[0].Quote"] = "",
        };

        using var response = await editor.SubmitAsync("/rounds/new", "form.edit-form", fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await HtmlTestExtensions.ParseAsync(await response.Content.ReadAsStringAsync());
        Assert.Contains("no day 30", page.QuerySelector("[data-valmsg-for='Input.Date']").Text(), StringComparison.Ordinal);
        Assert.Contains("already used", page.QuerySelector("[data-valmsg-for='Input.Number']").Text(), StringComparison.Ordinal);
        Assert.Contains("source", page.QuerySelector("[data-valmsg-for='Input.Citations']").Text(), StringComparison.Ordinal);
        Assert.Equal("2021-02-30", page.QuerySelector("#Input_Date")!.GetAttribute("value"));
        await using var scope = factory.CreateScope(out var db);
        Assert.False(await db.Rounds.IgnoreQueryFilters().AnyAsync(r => r.Key == "bad-round-form"));
    }

    [Fact]
    public async Task Key_fields_offer_each_source_and_round_once_per_page_and_a_mistyped_key_is_refused_next_to_its_field()
    {
        var editor = await EditorSession.SignedInAsync(factory, Roles.Editor);
        await using (var scope = factory.CreateScope(out var db))
        {
            var sourceCount = await db.Sources.CountAsync();
            var roundCount = await db.Rounds.CountAsync();
            var form = await editor.GetPageAsync("/statements/new");
            // Several citation rows, one list: the page grows with the sources, not with sources times rows.
            Assert.True(form.QuerySelectorAll("input[list='source-choices']").Length > 1);
            Assert.Equal(sourceCount, form.QuerySelectorAll("datalist#source-choices option").Length);
            Assert.Equal(roundCount, form.QuerySelectorAll("datalist#round-choices option").Length);
            Assert.Equal("round-choices", form.QuerySelector("#Input_Round")!.GetAttribute("list"));
            Assert.Contains("seed-vi-eu-delegation-dialogue-page", form.QuerySelectorAll("datalist#source-choices option").Select(o => o.GetAttribute("value")));
        }

        using var response = await editor.SubmitAsync("/rounds/new", "form.edit-form", new Dictionary<string, string>(NewRoundFields)
        {
            ["Input.Key"] = "mistyped-source-key",
            ["Input.Citations[0].Source"] = "seed-vi-eu-delegation-dialogue-pag",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await HtmlTestExtensions.ParseAsync(await response.Content.ReadAsStringAsync());
        Assert.Equal("seed-vi-eu-delegation-dialogue-pag", page.QuerySelector("#citation-0-source")!.GetAttribute("value"));
        Assert.Contains("seed-vi-eu-delegation-dialogue-pag", page.QuerySelector(".citation-row .field-error")!.Text(), StringComparison.Ordinal);
        await using var check = factory.CreateScope(out var after);
        Assert.False(await after.Rounds.IgnoreQueryFilters().AnyAsync(r => r.Key == "mistyped-source-key"));
    }

    [Fact]
    public async Task A_url_that_is_not_http_is_refused_next_to_the_field()
    {
        var editor = await EditorSession.SignedInAsync(factory, Roles.Editor);

        using var response = await editor.SubmitAsync("/sources/new", "form.edit-form", new Dictionary<string, string>
        {
            ["Input.Title"] = "A dubious link", ["Input.Url"] = "javascript:alert(1)", ["Input.Language"] = "fr", ["Input.Kind"] = "web-page",
        });

        var page = await HtmlTestExtensions.ParseAsync(await response.Content.ReadAsStringAsync());
        Assert.Contains("http", page.QuerySelector("[data-valmsg-for='Input.Url']").Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_second_of_two_editors_is_refused_and_shown_the_other_version()
    {
        var first = await EditorSession.SignedInAsync(factory, Roles.Editor);
        var second = await EditorSession.SignedInAsync(factory, Roles.Editor);
        var id = await IdOfStatementAsync("vn-mofa-eu-hr-report-2020");
        var url = $"/statements/{id}/edit";
        var secondForm = await second.GetPageAsync(url);
        var staleVersion = secondForm.QuerySelector("#Input_Version")!.GetAttribute("value")!;

        using var firstSave = await first.SubmitAsync(url, "form.edit-form", new Dictionary<string, string> { ["Input.Occasion"] = "First editor's occasion" });
        Assert.Equal(HttpStatusCode.Redirect, firstSave.StatusCode);

        using var secondSave = await second.SubmitAsync(url, "form.edit-form",
            new Dictionary<string, string> { ["Input.Occasion"] = "Second editor's occasion", ["Input.Version"] = staleVersion });

        Assert.Equal(HttpStatusCode.OK, secondSave.StatusCode);
        var page = await HtmlTestExtensions.ParseAsync(await secondSave.Content.ReadAsStringAsync());
        Assert.Contains("Someone else saved this record", page.QuerySelector(".form-errors").Text(), StringComparison.Ordinal);
        Assert.Contains("First editor's occasion", page.QuerySelector(".their-version").Text(), StringComparison.Ordinal);
        var statement = await first.GetPageAsync($"/statements/{id}");
        Assert.Contains("First editor's occasion", statement.QuerySelector("dl.facts").Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_admins_delete_restore_and_revert()
    {
        var editor = await EditorSession.SignedInAsync(factory, Roles.Editor);
        var admin = await EditorSession.SignedInAsync(factory, Roles.Admin);
        using var created = await editor.SubmitAsync("/rounds/new", "form.edit-form", new Dictionary<string, string>(NewRoundFields) { ["Input.Key"] = "round-to-delete", ["Input.Date"] = "2018" });
        var id = int.Parse(created.Headers.Location!.OriginalString.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        using var renamed = await editor.SubmitAsync($"/rounds/{id}/edit", "form.edit-form", new Dictionary<string, string> { ["Input.TitleEn"] = "Renamed round" });
        Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);

        var editorPage = await editor.GetPageAsync($"/rounds/{id}/edit");
        Assert.Null(editorPage.QuerySelector("form.danger-zone"));
        using var refused = await editor.SubmitAsync($"/rounds/{id}/edit", "form.edit-form", new Dictionary<string, string>(), _ => true);
        using var forbidden = await editor.Client.PostAsync($"/rounds/{id}/edit?handler=Delete", new FormUrlEncodedContent([]));
        Assert.NotEqual(HttpStatusCode.Redirect, forbidden.StatusCode is HttpStatusCode.Redirect && forbidden.Headers.Location!.OriginalString == "/" ? HttpStatusCode.Redirect : HttpStatusCode.OK);

        using var deleted = await admin.SubmitAsync($"/rounds/{id}/edit", "form.danger-zone", new Dictionary<string, string>());
        Assert.Equal("/", deleted.Headers.Location!.OriginalString);
        await admin.GetPageAsync($"/rounds/{id}", HttpStatusCode.NotFound);
        var deletedList = await admin.GetPageAsync("/admin/deleted");
        Assert.Contains("round-to-delete", deletedList.QuerySelector("table").Text(), StringComparison.Ordinal);

        using var restored = await admin.SubmitAsync("/admin/deleted", $"form[action*='id={id}']", new Dictionary<string, string>());
        Assert.Equal("Renamed round", (await admin.GetPageAsync($"/rounds/{id}")).QuerySelector("h1").Text());

        // Revert to the first revision: the original title comes back, as a new revision.
        var history = await admin.GetPageAsync($"/history/round/{id}");
        var oldest = history.QuerySelectorAll(".revision").Last();
        using var reverted = await admin.SubmitAsync($"/history/round/{id}", $"#{oldest.Id} form", new Dictionary<string, string>());
        Assert.Equal("Political consultations in Brussels", (await admin.GetPageAsync($"/rounds/{id}")).QuerySelector("h1").Text());
        var actions = (await admin.GetPageAsync($"/history/round/{id}")).Texts(".revision h2 .badge");
        Assert.Equal(["Revert", "Restore", "Delete", "Update", "Create"], actions);
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        var editor = await EditorSession.SignedInAsync(factory, Roles.Editor);
        Assert.Equal(HttpStatusCode.OK, (await editor.Client.GetAsync("/account")).StatusCode);

        using var signedOut = await editor.SubmitAsync("/account", "nav.editor-nav form", new Dictionary<string, string>());

        Assert.Equal("/", signedOut.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await editor.Client.GetAsync("/account")).StatusCode);
    }

    [Fact]
    public async Task A_form_posted_without_its_antiforgery_token_is_refused()
    {
        var editor = await EditorSession.SignedInAsync(factory, Roles.Editor);

        using var response = await editor.Client.PostAsync("/rounds/new", new FormUrlEncodedContent(NewRoundFields));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Repeated_wrong_passwords_lock_the_account()
    {
        var (user, _) = await factory.CreateEditorAsync(Roles.Editor);
        var session = new EditorSession(factory);
        for (var i = 0; i < 5; i++)
        {
            using var _ = await session.SignInAsync(user.Email!, "wrong password, wrong password");
        }

        using var locked = await session.SignInAsync(user.Email!, DialogueTrackerFactory.TestPassword);

        Assert.Equal(HttpStatusCode.OK, locked.StatusCode);
        Assert.Contains("locked", await locked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Recent_changes_list_and_filter_revisions()
    {
        var editor = await EditorSession.SignedInAsync(factory, Roles.Editor);
        using var _ = await editor.SubmitAsync("/topics/new", "form.edit-form", new Dictionary<string, string>
        {
            ["Input.Slug"] = "press-freedom-test", ["Input.NameEn"] = "Press freedom", ["Input.NameVi"] = "Tự do báo chí", ["Input.Parent"] = "freedom-of-expression",
            ["Input.Citations[0].Source"] = "seed-en-spokesperson-eu-report-2020", ["Input.Citations[0].Quote"] = "Freedom of speech, press and information",
        });

        var all = await editor.GetPageAsync("/changes");
        var mine = await editor.GetPageAsync($"/changes?user={Uri.EscapeDataString(editor.UserName)}&type=topic");

        Assert.Contains("press-freedom-test", all.QuerySelector("table.changes").Text(), StringComparison.Ordinal);
        Assert.All(mine.QuerySelectorAll("table.changes tbody tr"), row => Assert.Contains(editor.UserName, row.Text(), StringComparison.Ordinal));
        Assert.Single(mine.QuerySelectorAll("table.changes tbody tr"));
        var system = await editor.GetPageAsync("/changes?user=system&type=round");
        Assert.True(system.QuerySelectorAll("table.changes tbody tr").Length >= 4);
    }

    [Fact]
    public async Task Html_in_a_record_is_shown_as_text_everywhere()
    {
        const string payload = "<script>alert(1)</script><img src=x onerror=alert(2)>";
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var result = await scope.ServiceProvider.GetRequiredService<DatasetImporter>().ImportAsync(new Dataset
            {
                Statements =
                [
                    new StatementRecord
                    {
                        Key = "xss-test", Party = "other", TitleEn = $"Title {payload}", Quote = $"Quote {payload}", Language = "en",
                        SummaryEn = $"Summary {payload}", Date = "2022-01-05", Topics = ["cybersecurity"],
                        Citations = [new CitationRecord { Source = "seed-en-spokesperson-eu-report-2020", Quote = $"Cited {payload}" }],
                    },
                ],
            }, dryRun: false);
            Assert.True(result.Succeeded);
        }

        var id = await IdOfStatementAsync("xss-test");
        var client = factory.CreateClient();
        foreach (var url in new[] { $"/statements/{id}", "/?from=2022", "/topics/cybersecurity", "/search?q=alert", $"/history/statement/{id}", "/changes", "/feeds/atom.xml" })
        {
            var html = await client.GetStringAsync(url);
            Assert.False(html.Contains("<script>alert(1)", StringComparison.Ordinal), $"{url} runs the script");
            Assert.False(html.Contains("<img src=x", StringComparison.Ordinal), $"{url} shows the image");
            // Recent changes name records by key only; every other page shows the text, harmlessly.
            Assert.True(url == "/changes" || html.Contains("&lt;script&gt;alert(1)", StringComparison.Ordinal), $"{url} does not show the text");
        }

        var json = await client.GetStringAsync($"/api/v1/statements/{id}");
        Assert.DoesNotContain("<script>", json, StringComparison.Ordinal);
    }

    private async Task<int> IdOfStatementAsync(string key)
    {
        await using var scope = factory.CreateScope(out var db);
        return await db.Statements.Where(s => s.Key == key).Select(s => s.Id).SingleAsync();
    }
}
