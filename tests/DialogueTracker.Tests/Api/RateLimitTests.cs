using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using DialogueTracker.Web.Model;

namespace DialogueTracker.Tests.Api;

public sealed class TightRateLimitFactory : DialogueTrackerFactory
{
    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["RateLimiting:WritesPerMinute"] = "2",
        ["RateLimiting:ReadsPerMinute"] = "5",
    };
}

public sealed class RateLimitTests(TightRateLimitFactory factory) : IClassFixture<TightRateLimitFactory>
{
    [Fact]
    public async Task Writes_are_limited_per_token_with_retry_after()
    {
        var (_, token) = await factory.CreateEditorAsync(Roles.Editor);
        var (_, other) = await factory.CreateEditorAsync(Roles.Editor);
        var client = factory.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/topics") { Content = JsonContent.Create(new { slug = $"limit-{i}" }) };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await client.SendAsync(request);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.True(int.Parse(response.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) > 0);
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            }
        }

        // Two invalid writes are still writes; the third is over the limit. Another token has its own budget.
        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.TooManyRequests], statuses);
        using var fresh = new HttpRequestMessage(HttpMethod.Post, "/api/v1/topics") { Content = JsonContent.Create(new { slug = "limit-other" }) };
        fresh.Headers.Authorization = new AuthenticationHeaderValue("Bearer", other);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.SendAsync(fresh)).StatusCode);
    }

    [Fact]
    public async Task Api_reads_are_limited_per_address_but_pages_are_not()
    {
        var client = factory.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 7; i++)
        {
            using var response = await client.GetAsync("/api/v1/mechanisms");
            statuses.Add(response.StatusCode);
        }

        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/topics")).StatusCode);
    }
}
