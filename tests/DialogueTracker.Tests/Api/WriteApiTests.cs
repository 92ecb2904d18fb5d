using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using DialogueTracker.Web.Model;
using Microsoft.EntityFrameworkCore;

namespace DialogueTracker.Tests.Api;

public class WriteApiTests(DialogueTrackerFactory factory) : IClassFixture<DialogueTrackerFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private static object NewRound(string key, string date = "2021-11-03", int? number = null) => new
    {
        key,
        mechanism = "human-rights-dialogue",
        kind = "round",
        series = number is null ? null : "enhanced",
        number,
        date,
        titleEn = $"Round {key}",
        titleVi = $"Vòng {key}",
        topics = new[] { "death-penalty" },
        citations = new[] { new { source = "seed-vi-eu-delegation-dialogue-page", quote = "Vòng thứ 9" } },
    };

    private static HttpRequestMessage Request(HttpMethod method, string url, string? token, object? body = null, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(method, url);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return request;
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string url, string? token, object? body = null, string? ifMatch = null)
    {
        using var request = Request(method, url, token, body, ifMatch);
        return await _client.SendAsync(request);
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Anonymous_and_unknown_tokens_get_a_401_problem()
    {
        using var anonymous = await SendAsync(HttpMethod.Post, "/api/v1/rounds", null, NewRound("anon"));
        using var bogus = await SendAsync(HttpMethod.Post, "/api/v1/rounds", "dt_not-a-real-token", NewRound("bogus"));

        await AssertProblemAsync(anonymous, HttpStatusCode.Unauthorized);
        Assert.Equal("Bearer", anonymous.Headers.WwwAuthenticate.ToString());
        await AssertProblemAsync(bogus, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_cookie_is_not_enough_for_the_api()
    {
        // The API only takes tokens, so a forged cross-site form cannot ride a signed-in editor's cookie.
        using var response = await SendAsync(HttpMethod.Delete, "/api/v1/rounds/1", null, ifMatch: "\"x\"");

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_editor_creates_reads_and_updates_a_round_with_etags()
    {
        var (_, token) = await factory.CreateEditorAsync(Roles.Editor);

        using var created = await SendAsync(HttpMethod.Post, "/api/v1/rounds?summary=From+the+press+release", token, NewRound("hrd-2021-11-03", number: 10));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var location = created.Headers.Location!.ToString();
        Assert.Matches(@"^/api/v1/rounds/\d+$", location);
        var etag = created.Headers.ETag!.Tag;

        using var read = await _client.GetAsync(location);
        Assert.Equal(etag, read.Headers.ETag!.Tag);

        using var noIfMatch = await SendAsync(HttpMethod.Put, location, token, NewRound("ignored", date: "2021-11-04", number: 10));
        await AssertProblemAsync(noIfMatch, (HttpStatusCode)428);

        using var updated = await SendAsync(HttpMethod.Put, location, token, NewRound("ignored", date: "2021-11-04", number: 10), etag);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var body = await updated.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        Assert.Equal("2021-11-04", body.Str("date"));
        Assert.Equal("hrd-2021-11-03", body.Str("key"));
        Assert.NotEqual(etag, updated.Headers.ETag!.Tag);

        using var stale = await SendAsync(HttpMethod.Put, location, token, NewRound("ignored", date: "2021-11-05", number: 10), etag);
        await AssertProblemAsync(stale, HttpStatusCode.PreconditionFailed);

        await using var scope = factory.CreateScope(out var db);
        var id = int.Parse(location.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        var revisions = await db.Revisions.Where(r => r.RecordType == RecordType.Round && r.RecordId == id).OrderBy(r => r.Id).ToListAsync();
        Assert.Equal([RevisionAction.Create, RevisionAction.Update], revisions.Select(r => r.Action));
        Assert.Equal("From the press release", revisions[0].Summary);
        Assert.All(revisions, r => Assert.StartsWith("editor-", r.UserName, StringComparison.Ordinal));
        Assert.Contains("2021-11-03", revisions[1].Before, StringComparison.Ordinal);
        Assert.Contains("2021-11-04", revisions[1].After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validation_failures_are_400_problems_listing_each_field()
    {
        var (_, token) = await factory.CreateEditorAsync(Roles.Editor);
        var bad = new
        {
            key = "bad-round",
            mechanism = "human-rights-dialogue",
            kind = "round",
            series = "enhanced",
            number = 9,
            date = "2021-02-30",
            titleEn = "x",
            topics = new[] { "no-such-topic" },
            citations = Array.Empty<object>(),
        };

        using var response = await SendAsync(HttpMethod.Post, "/api/v1/rounds", token, bad);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        var errors = (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("errors");
        foreach (var field in new[] { "date", "topics", "citations", "number" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}: {errors}");
        }
    }

    [Fact]
    public async Task A_statement_without_a_source_is_refused()
    {
        var (_, token) = await factory.CreateEditorAsync(Roles.Editor);

        using var response = await SendAsync(HttpMethod.Post, "/api/v1/statements", token,
            new { key = "no-source", party = "eu", titleEn = "Unsourced", language = "en", citations = Array.Empty<object>() });

        await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("source", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_an_admin_may_delete_and_a_deleted_record_leaves_the_api()
    {
        var (_, editor) = await factory.CreateEditorAsync(Roles.Editor);
        var (_, admin) = await factory.CreateEditorAsync(Roles.Admin);
        using var created = await SendAsync(HttpMethod.Post, "/api/v1/rounds", editor, NewRound("to-delete", "2019-07"));
        var location = created.Headers.Location!.ToString();
        var etag = created.Headers.ETag!.Tag;

        using var forbidden = await SendAsync(HttpMethod.Delete, location, editor, ifMatch: etag);
        await AssertProblemAsync(forbidden, HttpStatusCode.Forbidden);

        using var deleted = await SendAsync(HttpMethod.Delete, location, admin, ifMatch: etag);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);

        using var gone = await _client.GetAsync(location);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        var list = await _client.GetJsonAsync("/api/v1/rounds?from=2019-07&to=2019-07");
        Assert.Empty(list.Items());

        await using var scope = factory.CreateScope(out var db);
        var revision = await db.Revisions.Where(r => r.RecordKey == "to-delete").OrderBy(r => r.Id).LastAsync();
        Assert.Equal(RevisionAction.Delete, revision.Action);
        Assert.NotNull(revision.Before);
        Assert.True(await db.Rounds.IgnoreQueryFilters().AnyAsync(r => r.Key == "to-delete" && r.DeletedAt != null));
    }

    [Fact]
    public async Task A_cited_source_cannot_be_deleted()
    {
        var (_, admin) = await factory.CreateEditorAsync(Roles.Admin);
        var sources = await _client.GetJsonAsync("/api/v1/sources");
        var id = sources.Items().First().GetProperty("id").GetInt32();
        using var read = await _client.GetAsync($"/api/v1/sources/{id}");

        using var response = await SendAsync(HttpMethod.Delete, $"/api/v1/sources/{id}", admin, ifMatch: read.Headers.ETag!.Tag);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("cite", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Malformed_json_wrong_types_and_oversized_bodies_are_problems()
    {
        var (_, token) = await factory.CreateEditorAsync(Roles.Editor);

        using var malformed = new HttpRequestMessage(HttpMethod.Post, "/api/v1/rounds") { Content = new StringContent("{\"key\": \"x\",", Encoding.UTF8, "application/json") };
        malformed.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var malformedResponse = await _client.SendAsync(malformed);
        await AssertProblemAsync(malformedResponse, HttpStatusCode.BadRequest);

        using var wrongType = await SendAsync(HttpMethod.Post, "/api/v1/rounds", token, new { key = "x", number = "nine" });
        await AssertProblemAsync(wrongType, HttpStatusCode.BadRequest);

        var huge = new string('a', 400_000);
        using var oversized = await SendAsync(HttpMethod.Post, "/api/v1/rounds", token, new { key = "huge", titleEn = huge });
        await AssertProblemAsync(oversized, HttpStatusCode.RequestEntityTooLarge);

        await using var scope = factory.CreateScope(out var db);
        Assert.False(await db.Rounds.IgnoreQueryFilters().AnyAsync(r => r.Key == "x" || r.Key == "huge"));
    }

    [Fact]
    public async Task A_revoked_token_stops_working()
    {
        var (user, token) = await factory.CreateEditorAsync(Roles.Editor);
        await using (var scope = factory.CreateScope(out var db))
        {
            var record = await db.ApiTokens.SingleAsync(t => t.UserId == user.Id);
            Assert.True(await scope.ServiceProvider.GetRequiredService<DialogueTracker.Web.Accounts.ApiTokens>().RevokeAsync(user.Id, record.Id, default));
        }

        using var response = await SendAsync(HttpMethod.Post, "/api/v1/rounds", token, NewRound("revoked"));

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Responses_carry_security_headers()
    {
        foreach (var url in new[] { "/", "/api/v1/rounds", "/nope" })
        {
            using var response = await _client.GetAsync(url);
            var csp = response.Headers.GetValues("Content-Security-Policy").Single();
            Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
            Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
        }
    }
}
