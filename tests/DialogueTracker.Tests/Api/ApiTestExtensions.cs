using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace DialogueTracker.Tests.Api;

internal static class ApiTestExtensions
{
    public static async Task<JsonElement> GetJsonAsync(this HttpClient client, string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await client.GetAsync(url);
        Assert.Equal(expected, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Asserts an RFC 9457 problem with the given status, and returns its body.</summary>
    public static async Task<JsonElement> GetProblemAsync(this HttpClient client, string url, HttpStatusCode expected)
    {
        using var response = await client.GetAsync(url);
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((int)expected, problem.GetProperty("status").GetInt32());
        return problem;
    }

    /// <summary>Creates a record through the write API as the token's editor, and asserts it was created.</summary>
    public static async Task CreateAsync(this HttpClient client, string url, string token, object record)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(record) };
        request.Headers.Authorization = new("Bearer", token);
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    public static IEnumerable<JsonElement> Items(this JsonElement list) => list.GetProperty("items").EnumerateArray();

    public static string Str(this JsonElement element, string name) => element.GetProperty(name).GetString()!;
}
