using System.Text.Json;
using Microsoft.OpenApi;

namespace DialogueTracker.Tests.Api;

public sealed class OpenApiTests(DialogueTrackerFactory factory) : IClassFixture<DialogueTrackerFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Theory]
    [InlineData("/api/v1/mechanisms")]
    [InlineData("/api/v1/mechanisms/{slug}")]
    [InlineData("/api/v1/rounds")]
    [InlineData("/api/v1/rounds/{id}")]
    [InlineData("/api/v1/statements")]
    [InlineData("/api/v1/statements/{id}")]
    [InlineData("/api/v1/topics")]
    [InlineData("/api/v1/topics/{slug}")]
    [InlineData("/api/v1/sources")]
    [InlineData("/api/v1/timeline")]
    [InlineData("/api/v1/search")]
    public async Task Describes_every_endpoint_with_a_summary(string path)
    {
        var document = await _client.GetJsonAsync("/swagger/v1/swagger.json");

        Assert.StartsWith("3.", document.Str("openapi"), StringComparison.Ordinal);
        var operation = document.GetProperty("paths").GetProperty(path).GetProperty("get");
        Assert.False(string.IsNullOrWhiteSpace(operation.Str("summary")));
        Assert.True(operation.GetProperty("responses").TryGetProperty("200", out _));
    }

    [Fact]
    public async Task Lists_document_their_filters_paging_and_bad_request()
    {
        var document = await _client.GetJsonAsync("/swagger/v1/swagger.json");

        var list = document.GetProperty("paths").GetProperty("/api/v1/statements").GetProperty("get");
        var names = list.GetProperty("parameters").EnumerateArray().Select(p => p.Str("name")).ToList();
        Assert.Equal(["mechanism", "topic", "party", "from", "to", "page", "pageSize"], names);
        Assert.All(list.GetProperty("parameters").EnumerateArray(), p => Assert.False(string.IsNullOrWhiteSpace(p.Str("description"))));
        Assert.True(list.GetProperty("responses").TryGetProperty("400", out _));
    }

    [Fact]
    public async Task Single_records_document_not_found_and_examples()
    {
        var document = await _client.GetJsonAsync("/swagger/v1/swagger.json");

        var get = document.GetProperty("paths").GetProperty("/api/v1/rounds/{id}").GetProperty("get");
        Assert.True(get.GetProperty("responses").TryGetProperty("404", out _));
        var date = document.GetProperty("components").GetProperty("schemas").GetProperty("RoundDto").GetProperty("properties").GetProperty("date");
        Assert.Equal("2020-02-19", date.Str("example"));
        var parties = document.GetProperty("components").GetProperty("schemas").GetProperty("Party").GetProperty("enum");
        Assert.Contains("viet-nam", parties.EnumerateArray().Select(p => p.GetString()));
    }

    [Fact]
    public async Task Is_a_valid_openapi_document()
    {
        var json = await _client.GetStringAsync("/swagger/v1/swagger.json");

        var result = OpenApiDocument.Parse(json, "json");

        Assert.Empty(result.Diagnostic!.Errors);
        string[] expected =
        [
            "/api/v1/concerns", "/api/v1/concerns/{id}", "/api/v1/export", "/api/v1/export/rounds.csv", "/api/v1/export/schema", "/api/v1/export/statements.csv", "/api/v1/import",
            "/api/v1/mechanisms", "/api/v1/mechanisms/{slug}", "/api/v1/rounds", "/api/v1/rounds/{id}", "/api/v1/search",
            "/api/v1/sources", "/api/v1/sources/{id}", "/api/v1/statements", "/api/v1/statements/{id}", "/api/v1/timeline",
            "/api/v1/topics", "/api/v1/topics/{slug}",
        ];
        Assert.Equal(expected, result.Document!.Paths.Keys.Where(p => p.StartsWith("/api/v1/", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Examples_have_the_type_of_their_schema()
    {
        var document = await _client.GetJsonAsync("/swagger/v1/swagger.json");

        foreach (var schema in document.GetProperty("components").GetProperty("schemas").EnumerateObject())
        {
            if (!schema.Value.TryGetProperty("properties", out var properties))
            {
                continue;
            }

            foreach (var property in properties.EnumerateObject())
            {
                if (property.Value.TryGetProperty("example", out var example) && property.Value.TryGetProperty("type", out var type))
                {
                    var expected = type.GetString() switch
                    {
                        "string" => JsonValueKind.String,
                        "integer" or "number" => JsonValueKind.Number,
                        _ => example.ValueKind,
                    };
                    Assert.True(expected == example.ValueKind, $"{schema.Name}.{property.Name}: example {example} is not a {type}");
                }
            }
        }
    }

    [Fact]
    public async Task Swagger_ui_is_served()
    {
        using var response = await _client.GetAsync("/swagger/index.html");

        response.EnsureSuccessStatusCode();
        Assert.Contains("swagger", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(JsonValueKind.Object, (await _client.GetJsonAsync("/swagger/v1/swagger.json")).ValueKind);
    }
}
