namespace DialogueTracker.BrowserTests;

/// <summary>Shared plumbing: a fresh browser context per test, screenshots saved beside the test output.</summary>
public abstract class BrowserTest(KestrelAppFactory app, PlaywrightFixture playwright) : IAsyncLifetime
{
    public static readonly string ScreenshotFolder = Path.Combine(AppContext.BaseDirectory, "screenshots");

    protected KestrelAppFactory App { get; } = app;
    protected IBrowserContext Context { get; private set; } = null!;
    protected IPage Page { get; private set; } = null!;

    /// <summary>Every address the pages asked for, to prove nothing leaves the site.</summary>
    protected List<string> RequestedUrls { get; } = [];

    protected virtual BrowserNewContextOptions ContextOptions => new() { ViewportSize = new() { Width = 1280, Height = 900 } };

    public async Task InitializeAsync()
    {
        Context = await playwright.Browser.NewContextAsync(ContextOptions);
        Page = await Context.NewPageAsync();
        Page.Request += (_, request) => RequestedUrls.Add(request.Url);
    }

    public async Task DisposeAsync() => await Context.DisposeAsync();

    protected Task<IResponse?> OpenAsync(string path) => Page.GotoAsync(App.RootUri + path);

    protected async Task ScreenshotAsync(string name)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        await Page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = true });
    }
}
