using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using DialogueTracker.Tests.Api;
using DialogueTracker.Web.Caching;
using DialogueTracker.Web.Model;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static DialogueTracker.Web.Caching.CachingSetup;

namespace DialogueTracker.Tests.Caching;

public class CachingTests(DialogueTrackerFactory factory) : IClassFixture<DialogueTrackerFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private async Task<int> NinthRoundIdAsync() =>
        (await _client.GetJsonAsync("/api/v1/rounds?from=2020")).Items().Single().GetProperty("id").GetInt32();

    [Theory]
    [InlineData("/api/v1/rounds?mechanism=human-rights-dialogue")]
    [InlineData("/api/v1/topics")]
    [InlineData("/api/v1/search?q=nhan+quyen")]
    public async Task An_api_read_has_an_etag_and_a_matching_if_none_match_gets_a_304(string url)
    {
        using var first = await _client.GetAsync(url);
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);

        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.IfNoneMatch.Add(etag);
        using var again = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.Empty(await again.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_record_read_keeps_its_version_as_etag_for_if_match_and_if_none_match()
    {
        var url = $"/api/v1/rounds/{await NinthRoundIdAsync()}";
        using var first = await _client.GetAsync(url);
        Assert.False(first.Headers.ETag!.IsWeak);

        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.IfNoneMatch.Add(first.Headers.ETag);
        using var again = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
    }

    [Fact]
    public async Task A_statement_read_is_not_cached_yet_keeps_its_version_as_etag_for_if_none_match()
    {
        // A statement is read from the database each time (StatementsApi says why): no response comes from the cache.
        var id = (await _client.GetJsonAsync("/api/v1/statements?party=viet-nam")).Items().Single().GetProperty("id").GetInt32();
        var url = $"/api/v1/statements/{id}";
        using var first = await _client.GetAsync(url);
        using var second = await _client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Null(second.Headers.Age);

        Assert.False(first.Headers.ETag!.IsWeak);
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.IfNoneMatch.Add(first.Headers.ETag);
        using var again = await _client.SendAsync(request);
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.Equal(first.Headers.ETag, again.Headers.ETag);
        Assert.Empty(await again.Content.ReadAsByteArrayAsync());

        // Weakly compared, as RFC 9110 asks of If-None-Match; another version gets the statement.
        using var weak = new HttpRequestMessage(HttpMethod.Get, url);
        weak.Headers.IfNoneMatch.Add(new EntityTagHeaderValue(first.Headers.ETag.Tag, isWeak: true));
        using var weakAnswer = await _client.SendAsync(weak);
        Assert.Equal(HttpStatusCode.NotModified, weakAnswer.StatusCode);
        using var other = new HttpRequestMessage(HttpMethod.Get, url);
        other.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"other\""));
        using var changed = await _client.SendAsync(other);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(id, (await changed.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetInt32());

        // And neither the output cache's middleware nor the ETag middleware's body wrapper is run for it; the list of
        // statements goes through both.
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints;
        T? Marker<T>(string name) where T : class => endpoints.Single(e => e.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName == name)
            .Metadata.GetMetadata<T>();
        Assert.NotNull(Marker<NotOutputCached>("GetStatement"));
        Assert.Null(Marker<NotOutputCached>("ListStatements"));
        Assert.NotNull(Marker<ApiETags.OwnETag>("GetStatement"));
        Assert.Null(Marker<ApiETags.OwnETag>("ListStatements"));
    }

    [Fact]
    public async Task A_repeated_anonymous_page_comes_from_the_cache_until_an_edit_changes_it()
    {
        var (_, token) = await factory.CreateEditorAsync(Roles.Editor);
        var id = await NinthRoundIdAsync();
        using var first = await _client.GetAsync($"/rounds/{id}?cache-test=1");
        using var second = await _client.GetAsync($"/rounds/{id}?cache-test=1");
        Assert.Null(first.Headers.Age);
        Assert.NotNull(second.Headers.Age);

        using var read = await _client.GetAsync($"/api/v1/rounds/{id}");
        var round = await read.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>();
        round!["place"] = "Hà Nội (cache test)";
        using var edit = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/rounds/{id}") { Content = JsonContent.Create(ToRecord(round)) };
        edit.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        edit.Headers.TryAddWithoutValidation("If-Match", read.Headers.ETag!.Tag);
        using var edited = await _client.SendAsync(edit);
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);

        var after = await _client.GetStringAsync($"/rounds/{id}?cache-test=1");
        Assert.Contains("Hà Nội (cache test)", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_write_by_another_process_reaches_cached_reads()
    {
        var url = "/api/v1/topics/child-labour";
        Assert.Equal("Child labour", (await _client.GetJsonAsync(url)).Str("nameEn"));
        Assert.Equal("Child labour", (await _client.GetJsonAsync(url)).Str("nameEn"));

        // Another connection, as a command-line import in another process would use: no interceptor sees it.
        await using (var scope = factory.CreateScope(out var db))
        await using (var other = System.Data.Common.DbProviderFactories.GetFactory(db.Database.GetDbConnection())!.CreateConnection()!)
        {
            other.ConnectionString = db.Database.GetConnectionString();
            await other.OpenAsync();
            await using var command = other.CreateCommand();
            command.CommandText = "UPDATE \"Topics\" SET \"NameEn\" = 'Child labour (renamed elsewhere)' WHERE \"Slug\" = 'child-labour';";
            Assert.Equal(1, await command.ExecuteNonQueryAsync());
        }

        var seen = "";
        for (var attempt = 0; attempt < 50 && !seen.EndsWith("elsewhere)", StringComparison.Ordinal); attempt++)
        {
            await Task.Delay(20);
            seen = (await _client.GetJsonAsync(url)).Str("nameEn");
        }

        Assert.Equal("Child labour (renamed elsewhere)", seen);
    }

    [Fact]
    public async Task Pages_and_api_reads_are_compressed_for_clients_that_ask()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/topics");
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("br"));
        using var page = new HttpRequestMessage(HttpMethod.Get, "/");
        page.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));

        using var api = await _client.SendAsync(request);
        using var html = await _client.SendAsync(page);

        Assert.Equal(["br"], api.Content.Headers.ContentEncoding);
        Assert.Equal(["gzip"], html.Content.Headers.ContentEncoding);
    }

    [Fact]
    public async Task The_cache_keeps_each_encoding_apart_and_serves_compressed_bodies_as_stored()
    {
        var id = await NinthRoundIdAsync();
        var url = $"/rounds/{id}?encoding-test=1";
        async Task<(HttpResponseMessage Response, byte[] Body)> GetAsync(string? acceptEncoding)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            if (acceptEncoding is not null)
            {
                request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
            }

            var response = await _client.SendAsync(request);
            return (response, await response.Content.ReadAsByteArrayAsync());
        }

        var (brFirst, _) = await GetAsync("gzip, deflate, br");
        var (brHit, brBody) = await GetAsync("br;q=1, gzip;q=0.5");
        var (plain, plainBody) = await GetAsync(null);
        var (gzip, gzipBody) = await GetAsync("gzip");

        // The second Brotli client is served the first one's entry; the others are not given it.
        Assert.Null(brFirst.Headers.Age);
        Assert.NotNull(brHit.Headers.Age);
        Assert.Equal(["br"], brHit.Content.Headers.ContentEncoding);
        Assert.Null(plain.Headers.Age);
        Assert.Empty(plain.Content.Headers.ContentEncoding);
        Assert.Null(gzip.Headers.Age);
        Assert.Equal(["gzip"], gzip.Content.Headers.ContentEncoding);

        using var brotli = new System.IO.Compression.BrotliStream(new MemoryStream(brBody), System.IO.Compression.CompressionMode.Decompress);
        using var fromBrotli = new MemoryStream();
        await brotli.CopyToAsync(fromBrotli);
        using var gunzip = new System.IO.Compression.GZipStream(new MemoryStream(gzipBody), System.IO.Compression.CompressionMode.Decompress);
        using var fromGzip = new MemoryStream();
        await gunzip.CopyToAsync(fromGzip);
        Assert.Equal(plainBody, fromBrotli.ToArray());
        Assert.Equal(plainBody, fromGzip.ToArray());
        Assert.Contains("Human Rights Dialogue", System.Text.Encoding.UTF8.GetString(plainBody), StringComparison.Ordinal);
        foreach (var response in new[] { brFirst, brHit, plain, gzip })
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task Signed_in_pages_and_account_pages_are_never_cached()
    {
        using var first = await _client.GetAsync("/account/sign-in");
        using var second = await _client.GetAsync("/account/sign-in");

        Assert.Null(second.Headers.Age);
    }

    private static object ToRecord(System.Text.Json.Nodes.JsonObject round) => new
    {
        key = (string?)round["key"],
        mechanism = (string?)round["mechanism"]!["slug"],
        kind = (string?)round["kind"],
        series = (string?)round["series"]?["slug"],
        number = (int?)round["number"],
        numberNote = (string?)round["numberNote"],
        date = (string?)round["date"],
        place = (string?)round["place"],
        titleEn = (string?)round["titleEn"],
        titleVi = (string?)round["titleVi"],
        summaryEn = (string?)round["summaryEn"],
        summaryVi = (string?)round["summaryVi"],
        topics = round["topics"]!.AsArray().Select(t => (string?)t!["slug"]).ToArray(),
        citations = round["citations"]!.AsArray().Select(c => new
        {
            source = (string?)c!["source"]!["key"], quote = (string?)c["quote"], claimField = (string?)c["claimField"], claimValue = (string?)c["claimValue"],
        }).ToArray(),
    };
}
