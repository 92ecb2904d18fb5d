using System.Net;
using DialogueTracker.Tests.Pages;
using Microsoft.EntityFrameworkCore;

namespace DialogueTracker.Tests;

/// <summary>What people see when the server itself fails: no stack trace, a request id, the right format.</summary>
public sealed class ErrorHandlingTests : IAsyncLifetime
{
    private readonly DialogueTrackerFactory _factory = new();
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _client = _factory.CreateClient();
        // Break the database under the running app.
        await using var scope = _factory.CreateScope(out var db);
        await db.Database.ExecuteSqlRawAsync("DROP TABLE RoundTopics; DROP TABLE Citations; DROP TABLE Statements; DROP TABLE Rounds;");
    }

    public Task DisposeAsync()
    {
        _factory.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task The_api_answers_a_500_problem_without_internals()
    {
        using var response = await _client.GetAsync("/api/v1/rounds");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("SqliteException", body, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
        Assert.Equal(response.Headers.GetValues("X-Request-Id").Single(),
            System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("requestId").GetString());
    }

    [Fact]
    public async Task Pages_show_an_error_page_with_a_request_id()
    {
        var page = await _client.GetPageAsync("/", HttpStatusCode.InternalServerError);

        Assert.Equal("Something went wrong", page.QuerySelector("h1").Text());
        Assert.NotEmpty(page.QuerySelector(".hint code").Text());
        Assert.DoesNotContain("Sqlite", page.Body!.TextContent, StringComparison.Ordinal);
    }
}
