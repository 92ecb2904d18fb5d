using DialogueTracker.Tests.Api;

namespace DialogueTracker.Tests.Search;

public sealed class SearchOpenApiTests(DialogueTrackerFactory factory) : IClassFixture<DialogueTrackerFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Swagger_documents_the_search_parameters_and_the_snippet_markers()
    {
        var document = await _client.GetJsonAsync("/swagger/v1/swagger.json");
        var search = document.GetProperty("paths").GetProperty("/api/v1/search").GetProperty("get");

        var parameters = search.GetProperty("parameters").EnumerateArray().Select(p => p.Str("name")).ToList();
        Assert.Equal(["q", "type", "mechanism", "topic", "party", "from", "to", "page", "pageSize"], parameters);
        Assert.True(search.GetProperty("responses").TryGetProperty("400", out _));
        var snippet = document.GetProperty("components").GetProperty("schemas").GetProperty("SearchHitDto").GetProperty("properties").GetProperty("snippet");
        Assert.Contains("<mark>", snippet.Str("description"), StringComparison.Ordinal);
    }
}
