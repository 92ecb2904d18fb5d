using DialogueTracker.Web.Editing;
using DialogueTracker.Web.Import;
using DialogueTracker.Web.Model;
using Microsoft.Extensions.DependencyInjection;

namespace DialogueTracker.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class ConcernBrowserTests(KestrelAppFactory app, PlaywrightFixture playwright) : BrowserTest(app, playwright)
{
    private const string Title = "Browser test: a concern raised at the 9th round";

    /// <summary>A concern whose thread passes through a seeded round: test data, never shipped.</summary>
    private async Task CreateConcernInTheNinthRoundAsync()
    {
        CitationRecord[] cite = [new() { Source = "seed-vi-eu-delegation-dialogue-page", Quote = "Vòng thứ 9" }];
        var concern = new ConcernRecord
        {
            Key = $"browser-{Guid.NewGuid():N}",
            RaisedBy = "eu",
            AddressedTo = "viet-nam",
            TitleEn = Title,
            Topics = ["death-penalty"],
            Citations = [.. cite],
            Mentions =
            [
                new() { Key = "round", Kind = "raised", Party = "eu", Round = "hrd-2020-02-19", SummaryEn = "Raised at the round.", Citations = [.. cite] },
                new() { Key = "answer", Kind = "response", Party = "viet-nam", Statement = "vn-mofa-eu-hr-report-2020", RespondsTo = "round", SummaryEn = "Answered.", Citations = [.. cite] },
            ],
            StatusHistory = [new() { Status = "responded", NoteEn = "An editor's reading.", Citations = [.. cite] }],
        };
        await using var scope = App.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<RecordEditor>()
            .CreateAsync(RecordType.Concern, concern, new RevisionAuthor(null, "browser test"), null, CancellationToken.None);
        Assert.True(result.Succeeded, string.Join("; ", result.Problems));
    }

    [Fact]
    public async Task Opens_a_concern_follows_its_thread_to_a_round_and_back()
    {
        await CreateConcernInTheNinthRoundAsync();
        await OpenAsync("/");

        await Page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Concerns" }).ClickAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = Title }).ClickAsync();

        Assert.Equal(Title, await Page.Locator("h1").InnerTextAsync());
        var mentions = Page.Locator(".timeline li.mention");
        Assert.Equal(2, await mentions.CountAsync());
        Assert.Contains("In answer to", await mentions.Nth(1).InnerTextAsync(), StringComparison.Ordinal);
        await ScreenshotAsync("concern-thread-desktop-en");

        await mentions.First.GetByRole(AriaRole.Link, new() { Name = "9th round of the EU–Viet Nam Human Rights Dialogue" }).ClickAsync();
        Assert.Equal("9th round of the EU–Viet Nam Human Rights Dialogue", await Page.Locator("h1").InnerTextAsync());

        await Page.Locator(".concerns-here").GetByRole(AriaRole.Link, new() { Name = Title }).ClickAsync();
        Assert.Equal(Title, await Page.Locator("h1").InnerTextAsync());
        Assert.Contains("/concerns/", Page.Url, StringComparison.Ordinal);
    }
}
