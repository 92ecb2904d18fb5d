using System.Net;
using AngleSharp;
using AngleSharp.Dom;

namespace DialogueTracker.Tests.Pages;

internal static class HtmlTestExtensions
{
    public static async Task<IDocument> GetPageAsync(this HttpClient client, string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await client.GetAsync(url);
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        var context = BrowsingContext.New(Configuration.Default);
        return await context.OpenAsync(request => request.Content(html).Address(new Uri(client.BaseAddress!, url)));
    }

    public static Task<IDocument> ParseAsync(string html) =>
        BrowsingContext.New(Configuration.Default).OpenAsync(request => request.Content(html));

    public static string Text(this IElement? element) => element?.TextContent.Trim() ?? "";

    public static IReadOnlyList<string> Texts(this IDocument document, string selector) =>
        [.. document.QuerySelectorAll(selector).Select(e => e.Text())];
}
