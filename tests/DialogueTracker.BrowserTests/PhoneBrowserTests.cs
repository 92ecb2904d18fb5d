namespace DialogueTracker.BrowserTests;

/// <summary>The site on a 375 px wide phone.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PhoneBrowserTests(KestrelAppFactory app, PlaywrightFixture playwright) : BrowserTest(app, playwright)
{
    protected override BrowserNewContextOptions ContextOptions => new()
    {
        ViewportSize = new() { Width = 375, Height = 812 },
        DeviceScaleFactor = 2,
        IsMobile = true,
        HasTouch = true,
    };

    [Theory]
    [InlineData("/", "timeline-phone-en")]
    [InlineData("/?culture=vi", "timeline-phone-vi")]
    [InlineData("/rounds/4?culture=vi", "round-phone-vi")]
    [InlineData("/statements/1", "statement-phone-en")]
    [InlineData("/overview", "overview-phone-en")]
    [InlineData("/topics/human-rights?culture=vi", "topic-phone-vi")]
    public async Task Pages_fit_the_screen_without_sideways_scrolling(string path, string screenshot)
    {
        await OpenAsync(path);

        var overflow = await Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        var culprits = await Page.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1 && !e.closest('.scroll-x'))" +
            ".slice(0, 5).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right))");
        Assert.True(overflow <= 0, $"{path} is {overflow}px wider than the phone: {string.Join(", ", culprits)}");
        var h1 = await Page.Locator("h1").BoundingBoxAsync();
        Assert.True(h1!.X >= 0 && h1.X + h1.Width <= 375, $"{path}: the heading runs off the screen");
        await ScreenshotAsync(screenshot);
    }
}
