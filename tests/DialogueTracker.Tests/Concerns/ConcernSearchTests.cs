using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using DialogueTracker.Tests.Api;
using DialogueTracker.Web.Model;

namespace DialogueTracker.Tests.Concerns;

public class ConcernSearchTests(DialogueTrackerFactory factory) : IClassFixture<DialogueTrackerFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private async Task<List<string>> UrlsAsync(string query) =>
        [.. (await _client.GetJsonAsync("/api/v1/search?" + query)).Items().Select(i => i.Str("url"))];

    private async Task<string> ConcernUrlAsync(string key) =>
        (await _client.GetJsonAsync("/api/v1/concerns?pageSize=100")).Items().Single(c => c.Str("key") == key).Str("url");

    [Fact]
    public async Task Concerns_are_found_in_both_languages_with_or_without_diacritics()
    {
        var religion = await ConcernUrlAsync("eu-freedom-of-religion-or-belief");
        var deathPenalty = await ConcernUrlAsync("eu-abolition-of-the-death-penalty");

        Assert.Contains(religion, await UrlsAsync("q=tu+do+ton+giao&type=concern"));
        Assert.Contains(religion, await UrlsAsync("q=freedom+of+religion&type=concern"));
        Assert.Contains(deathPenalty, await UrlsAsync("q=b%C3%A3i+b%E1%BB%8F+%C3%A1n+t%E1%BB%AD+h%C3%ACnh&type=concern"));
        Assert.All(await UrlsAsync("q=human+rights&type=concern"), url => Assert.StartsWith("/concerns/", url, StringComparison.Ordinal));
    }

    [Fact]
    public async Task What_a_mention_says_finds_its_concern_and_the_type_facet_counts_concerns()
    {
        var expression = await ConcernUrlAsync("eu-freedom-of-expression");

        // "70 percent" is in Viet Nam's answer, a mention, not in the concern's own summary.
        Assert.Contains(expression, await UrlsAsync("q=%2270+percent%22&type=concern"));
        var facets = (await _client.GetJsonAsync("/api/v1/search?q=freedom")).GetProperty("facets").GetProperty("type").EnumerateArray();
        Assert.Contains(facets, f => f.Str("value") == "concern" && f.GetProperty("count").GetInt32() >= 2);
    }

    [Fact]
    public async Task Search_follows_a_concern_through_create_edit_and_delete()
    {
        var (_, token) = await factory.CreateEditorAsync(Roles.Admin);
        _client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        object Concern(string title) => new
        {
            key = "searchable-concern", raisedBy = "ngo", addressedTo = "viet-nam", titleEn = title,
            citations = new[] { new { source = "seed-vi-eu-delegation-dialogue-page" } },
        };

        using var created = await _client.PostAsJsonAsync("/api/v1/concerns", Concern("Quokkazebra detention"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var url = created.Headers.Location!.ToString();
        Assert.Single(await UrlsAsync("q=quokkazebra"));

        using var edit = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(Concern("Okapiwombat detention")) };
        edit.Headers.TryAddWithoutValidation("If-Match", created.Headers.ETag!.Tag);
        using var edited = await _client.SendAsync(edit);
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        Assert.Empty(await UrlsAsync("q=quokkazebra"));
        Assert.Single(await UrlsAsync("q=okapiwombat"));

        using var delete = new HttpRequestMessage(HttpMethod.Delete, url);
        delete.Headers.TryAddWithoutValidation("If-Match", edited.Headers.ETag!.Tag);
        using var deleted = await _client.SendAsync(delete);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Empty(await UrlsAsync("q=okapiwombat"));
    }
}
