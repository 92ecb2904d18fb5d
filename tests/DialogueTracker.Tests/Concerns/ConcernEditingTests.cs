using System.Net;
using DialogueTracker.Tests.Pages;
using DialogueTracker.Web.Model;
using Microsoft.EntityFrameworkCore;

namespace DialogueTracker.Tests.Concerns;

public class ConcernEditingTests(DialogueTrackerFactory factory) : IClassFixture<DialogueTrackerFactory>
{
    private static Dictionary<string, string> NewConcern(string key) => new()
    {
        ["Input.Key"] = key,
        ["Input.RaisedBy"] = "eu",
        ["Input.AddressedTo"] = "viet-nam",
        ["Input.TitleEn"] = "Release of detained bloggers",
        ["Input.Citations[0].Source"] = "seed-vi-eu-delegation-dialogue-page",
        ["Input.Mentions[0].Key"] = "raised-at-round",
        ["Input.Mentions[0].Kind"] = "raised",
        ["Input.Mentions[0].Party"] = "eu",
        ["Input.Mentions[0].Round"] = "hrd-2020-02-19",
        ["Input.Mentions[0].SummaryEn"] = "Raised at the ninth round.",
        ["Input.Mentions[0].Citations[0].Source"] = "seed-vi-eu-delegation-dialogue-page",
        ["Input.Mentions[0].Citations[0].Quote"] = "Vòng thứ 9",
        ["Input.StatusHistory[0].Status"] = "raised",
        ["Input.StatusHistory[0].Date"] = "2020-02-19",
        ["Input.StatusHistory[0].NoteEn"] = "An editor's reading.",
        ["Input.StatusHistory[0].Citations[0].Source"] = "seed-vi-eu-delegation-dialogue-page",
    };

    [Fact]
    public async Task An_editor_adds_a_concern_with_a_mention_and_a_status_then_answers_it()
    {
        var editor = await EditorSession.SignedInAsync(factory, Roles.Editor);

        using var saved = await editor.SubmitAsync("/concerns/new", "form.edit-form", NewConcern("bloggers"));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var url = saved.Headers.Location!.OriginalString;
        Assert.Matches(@"^/concerns/\d+$", url);
        var page = await editor.GetPageAsync(url);
        Assert.Equal("Release of detained bloggers", page.QuerySelector("h1").Text());
        Assert.Equal(["mention-raised-at-round"], page.QuerySelectorAll(".mention").Select(m => m.Id));

        // The edit form has one blank mention at the end: fill it with Viet Nam's answer.
        var form = await editor.GetPageAsync($"{url}/edit");
        Assert.Equal(2, form.QuerySelectorAll("fieldset.mention-editor").Length);
        using var answered = await editor.SubmitAsync($"{url}/edit", "form.edit-form", new Dictionary<string, string>
        {
            ["Input.Mentions[1].Key"] = "answer",
            ["Input.Mentions[1].Kind"] = "response",
            ["Input.Mentions[1].Party"] = "viet-nam",
            ["Input.Mentions[1].Statement"] = "vn-mofa-eu-hr-report-2020",
            ["Input.Mentions[1].RespondsTo"] = "raised-at-round",
            ["Input.Mentions[1].Citations[0].Source"] = "seed-en-spokesperson-eu-report-2020",
        });

        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        var thread = await editor.GetPageAsync(url);
        Assert.Equal(["mention-raised-at-round", "mention-answer"], thread.QuerySelectorAll(".mention").Select(m => m.Id));
        await using var scope = factory.CreateScope(out var db);
        var id = int.Parse(url.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(2, await db.Revisions.CountAsync(r => r.RecordType == RecordType.Concern && r.RecordId == id));
    }

    [Fact]
    public async Task A_problem_in_a_mention_is_shown_beside_that_mentions_field_and_nothing_is_saved()
    {
        var editor = await EditorSession.SignedInAsync(factory, Roles.Editor);
        var fields = NewConcern("broken-form-concern");
        fields["Input.Mentions[0].Round"] = "";
        fields["Input.Mentions[0].Statement"] = "no-such-statement";

        using var response = await editor.SubmitAsync("/concerns/new", "form.edit-form", fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await HtmlTestExtensions.ParseAsync(await response.Content.ReadAsStringAsync());
        Assert.Contains("no-such-statement", page.QuerySelector("#mention-0-statement ~ .field-error").Text(), StringComparison.Ordinal);
        Assert.Equal("Release of detained bloggers", page.QuerySelector("#Input_TitleEn")!.GetAttribute("value"));
        await using var scope = factory.CreateScope(out var db);
        Assert.False(await db.Concerns.AnyAsync(c => c.Key == "broken-form-concern"));
    }
}
