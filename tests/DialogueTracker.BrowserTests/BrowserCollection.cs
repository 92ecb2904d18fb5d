namespace DialogueTracker.BrowserTests;

/// <summary>One app and one browser, shared by every browser test class.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<KestrelAppFactory>, ICollectionFixture<PlaywrightFixture>
{
    public const string Name = "browser";
}
