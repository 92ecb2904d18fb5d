using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using DialogueTracker.Tests.Api;
using DialogueTracker.Web.Model;
using Microsoft.EntityFrameworkCore;

namespace DialogueTracker.Tests.Concerns;

public class ConcernsApiTests(DialogueTrackerFactory factory) : IClassFixture<DialogueTrackerFactory>
{
    private const string EuPage = "seed-vi-eu-delegation-dialogue-page";
    private const string Article = "seed-en-spokesperson-eu-report-2020";
    private readonly HttpClient _client = factory.CreateClient();

    private static object[] Cite(string source = EuPage) => [new { source, quote = "Đối thoại" }];

    private static object NewRound(string key, string date) => new
    {
        key, mechanism = "human-rights-dialogue", kind = "round", date, titleEn = $"Round {key}", citations = Cite(),
    };

    /// <summary>Raised in one round, answered by Viet Nam's spokesperson, raised again in a later round.</summary>
    private static object Thread(string key, string firstRound, string laterRound) => new
    {
        key,
        raisedBy = "eu",
        addressedTo = "viet-nam",
        titleEn = $"Concern {key}",
        titleVi = $"Mối quan tâm {key}",
        topics = new[] { "death-penalty" },
        citations = Cite(),
        mentions = new object[]
        {
            new { key = "raised-again", kind = "raised", party = "eu", round = laterRound, summaryEn = "Raised again.", citations = Cite() },
            new { key = "answer", kind = "response", party = "viet-nam", statement = "vn-mofa-eu-hr-report-2020", respondsTo = "first", summaryEn = "Answered.", citations = Cite(Article) },
            new { key = "first", kind = "raised", party = "eu", round = firstRound, summaryEn = "Raised first.", quote = "án tử hình", language = "vi", citations = Cite() },
        },
        statusHistory = new object[]
        {
            new { status = "raised", date = "2019", noteEn = "Raised in the round.", citations = Cite() },
            new { status = "responded", date = "2021?-06-24", noteEn = "The spokesperson answered.", citations = Cite(Article) },
            new { status = "raised", date = "2022", noteEn = "Raised again.", citations = Cite() },
        },
    };

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string url, string token, object? body = null, string? ifMatch = null)
    {
        using var request = new HttpRequestMessage(method, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return await _client.SendAsync(request);
    }

    private async Task<string> CreateAsync(string url, object body, string token)
    {
        using var created = await SendAsync(HttpMethod.Post, url, token, body);
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        return created.Headers.Location!.ToString();
    }

    private async Task<(string Concern, string FirstRound)> CreateThreadAsync(string key)
    {
        var (_, token) = await factory.CreateEditorAsync(Roles.Editor);
        var firstRound = await CreateAsync("/api/v1/rounds", NewRound($"{key}-2019", "2019-11-06"), token);
        await CreateAsync("/api/v1/rounds", NewRound($"{key}-2022", "2022-10-18"), token);
        return (await CreateAsync("/api/v1/concerns", Thread(key, $"{key}-2019", $"{key}-2022"), token), firstRound);
    }

    [Fact]
    public async Task The_seeded_concerns_list_with_their_status_and_filters()
    {
        var all = await _client.GetJsonAsync("/api/v1/concerns?pageSize=100");
        var seeded = all.Items().Where(c => c.Str("key") is "eu-freedom-of-expression" or "eu-freedom-of-religion-or-belief"
            or "eu-abolition-of-the-death-penalty" or "eu-human-rights-defenders" or "vn-biased-content-in-eu-report").ToList();
        Assert.Equal(5, seeded.Count);

        var expression = seeded.Single(c => c.Str("key") == "eu-freedom-of-expression");
        Assert.Equal("responded", expression.Str("status"));
        Assert.Equal("eu", expression.Str("raisedBy"));
        Assert.Equal("viet-nam", expression.Str("addressedTo"));
        Assert.Equal(2, expression.GetProperty("mentionCount").GetInt32());

        var byVietNam = await _client.GetJsonAsync("/api/v1/concerns?party=viet-nam");
        Assert.Contains(byVietNam.Items(), c => c.Str("key") == "vn-biased-content-in-eu-report");
        Assert.All(byVietNam.Items(), c => Assert.Equal("viet-nam", c.Str("raisedBy")));

        var religion = await _client.GetJsonAsync("/api/v1/concerns?topic=freedom-of-religion-or-belief&status=raised");
        Assert.Equal(["eu-freedom-of-religion-or-belief"], religion.Items().Select(c => c.Str("key")));

        var responded = await _client.GetJsonAsync("/api/v1/concerns?status=responded&pageSize=100");
        Assert.All(responded.Items(), c => Assert.Equal("responded", c.Str("status")));
        Assert.Contains(responded.Items(), c => c.Str("key") == "eu-human-rights-defenders");
    }

    [Fact]
    public async Task Bad_filters_are_400_problems_naming_the_parameter()
    {
        var status = await _client.GetProblemAsync("/api/v1/concerns?status=resolved", HttpStatusCode.BadRequest);
        var party = await _client.GetProblemAsync("/api/v1/concerns?party=nobody", HttpStatusCode.BadRequest);
        var topic = await _client.GetProblemAsync("/api/v1/concerns?topic=no-such-topic", HttpStatusCode.BadRequest);

        Assert.True(status.GetProperty("errors").TryGetProperty("status", out _));
        Assert.True(party.GetProperty("errors").TryGetProperty("party", out _));
        Assert.True(topic.GetProperty("errors").TryGetProperty("topic", out _));
        await _client.GetProblemAsync("/api/v1/concerns/999999", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_seeded_thread_is_raised_then_answered_with_its_sources()
    {
        var list = await _client.GetJsonAsync("/api/v1/concerns?topic=freedom-of-expression");
        var url = list.Items().Single(c => c.Str("key") == "eu-freedom-of-expression").Str("url");
        var concern = await _client.GetJsonAsync($"/api/v1{url}");

        var mentions = concern.GetProperty("mentions").EnumerateArray().ToList();
        Assert.Equal(["raised", "response"], mentions.Select(m => m.Str("kind")));
        Assert.Equal("eu-delegation-page", mentions[1].Str("respondsTo"));
        Assert.Equal("2021?-06-24", mentions[1].Str("date"));
        Assert.Equal("vn-mofa-eu-hr-report-2020", mentions[1].GetProperty("statement").Str("key"));
        Assert.All(mentions, m => Assert.NotEmpty(m.GetProperty("citations").EnumerateArray()));
        Assert.Equal(["raised", "responded"], concern.GetProperty("statusHistory").EnumerateArray().Select(s => s.Str("status")));
        Assert.All(concern.GetProperty("statusHistory").EnumerateArray(), s => Assert.NotEmpty(s.GetProperty("citations").EnumerateArray()));
    }

    [Fact]
    public async Task A_thread_reads_raised_answered_raised_again_whatever_order_it_was_written_in()
    {
        var (url, _) = await CreateThreadAsync("thread-order");

        var concern = await _client.GetJsonAsync(url);

        Assert.Equal(["first", "answer", "raised-again"], concern.GetProperty("mentions").EnumerateArray().Select(m => m.Str("key")));
        Assert.Equal("2019-11-06", concern.Str("firstRaised"));
        Assert.Equal("2022-10-18", concern.Str("lastRaised"));
        Assert.Equal("raised", concern.Str("status"));
        Assert.Equal(["raised", "responded", "raised"], concern.GetProperty("statusHistory").EnumerateArray().Select(s => s.Str("status")));

        var summary = (await _client.GetJsonAsync("/api/v1/concerns?topic=death-penalty&pageSize=100")).Items().Single(c => c.Str("key") == "thread-order");
        Assert.Equal(2, summary.GetProperty("roundCount").GetInt32());
        Assert.Equal(3, summary.GetProperty("mentionCount").GetInt32());
    }

    [Fact]
    public async Task Writes_keep_revisions_and_an_update_changes_the_status_history()
    {
        var (_, token) = await factory.CreateEditorAsync(Roles.Editor);
        var (url, _) = await CreateThreadAsync("revised");
        using var read = await _client.GetAsync(url);
        var etag = read.Headers.ETag!.Tag;
        var body = JsonSerializer.SerializeToNode(Thread("revised", "revised-2019", "revised-2022"))!;
        body["statusHistory"]!.AsArray().Add(JsonSerializer.SerializeToNode(new { status = "no-longer-raised", date = "2024", noteEn = "Not raised since.", citations = Cite() }));

        using var updated = await SendAsync(HttpMethod.Put, url, token, body, etag);

        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal("no-longer-raised", (await updated.Content.ReadFromJsonAsync<JsonElement>()).Str("status"));
        await using var scope = factory.CreateScope(out var db);
        var id = int.Parse(url.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        var revisions = await db.Revisions.Where(r => r.RecordType == RecordType.Concern && r.RecordId == id).OrderBy(r => r.Id).ToListAsync();
        Assert.Equal([RevisionAction.Create, RevisionAction.Update], revisions.Select(r => r.Action));
        Assert.Contains("no-longer-raised", revisions[1].After, StringComparison.Ordinal);
        Assert.DoesNotContain("no-longer-raised", revisions[1].Before, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deleting_a_round_never_loses_the_concerns_other_mentions()
    {
        var (admin, token) = await factory.CreateEditorAsync(Roles.Admin);
        var (url, firstRound) = await CreateThreadAsync("round-deleted");
        using var round = await _client.GetAsync(firstRound);

        using var deleted = await SendAsync(HttpMethod.Delete, firstRound, token, ifMatch: round.Headers.ETag!.Tag);

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        var mentions = (await _client.GetJsonAsync(url)).GetProperty("mentions").EnumerateArray().ToList();
        Assert.Equal(3, mentions.Count);
        var first = mentions.Single(m => m.Str("key") == "first");
        Assert.Equal(JsonValueKind.Null, first.GetProperty("round").ValueKind);
        Assert.Equal("Raised first.", first.Str("summaryEn"));
        Assert.NotEmpty(first.GetProperty("citations").EnumerateArray());
        Assert.Equal("round-deleted-2022", mentions.Single(m => m.Str("key") == "raised-again").GetProperty("round").Str("key"));
        Assert.Equal("first", mentions.Single(m => m.Str("key") == "answer").Str("respondsTo"));
    }

    [Fact]
    public async Task An_invalid_concern_is_a_400_naming_every_field()
    {
        var (_, token) = await factory.CreateEditorAsync(Roles.Editor);
        var body = new
        {
            key = "broken-concern",
            raisedBy = "eu",
            addressedTo = "somebody",
            titleEn = "Broken",
            citations = Array.Empty<object>(),
            mentions = new object[]
            {
                new { key = "a", kind = "raised", party = "eu", round = "no-such-round", citations = Cite() },
                new { key = "b", kind = "reply", party = "viet-nam", respondsTo = "zzz", statement = "vn-mofa-eu-hr-report-2020", report = EuPage, citations = Cite() },
            },
            statusHistory = new object[] { new { status = "resolved", citations = Array.Empty<object>() } },
        };

        using var response = await SendAsync(HttpMethod.Post, "/api/v1/concerns", token, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        foreach (var field in new[] { "addressedTo", "citations", "round", "kind", "respondsTo", "status" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}: {errors}");
        }

        await using var scope = factory.CreateScope(out var db);
        Assert.False(await db.Concerns.IgnoreQueryFilters().AnyAsync(c => c.Key == "broken-concern"));
    }
}
