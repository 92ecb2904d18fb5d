using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace DialogueTracker.Tests.Operations;

public sealed class HealthAndRequestIdTests(DialogueTrackerFactory factory) : IClassFixture<DialogueTrackerFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Theory]
    [InlineData("/health")]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_answers_when_the_database_is_reachable_and_migrated(string url)
    {
        using var response = await _client.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Every_response_names_its_request_and_problems_repeat_it()
    {
        using var page = await _client.GetAsync("/topics");
        using var problem = await _client.GetAsync("/api/v1/rounds?pageSize=0");
        using var missing = await _client.GetAsync("/api/v1/rounds/999999");

        Assert.False(string.IsNullOrWhiteSpace(page.Headers.GetValues("X-Request-Id").Single()));
        foreach (var response in new[] { problem, missing })
        {
            var id = response.Headers.GetValues("X-Request-Id").Single();
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(id, body.GetProperty("requestId").GetString());
        }

        Assert.NotEqual(problem.Headers.GetValues("X-Request-Id").Single(), missing.Headers.GetValues("X-Request-Id").Single());
    }
}
