using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DialogueTracker.Tests.Operations;
using DialogueTracker.Web.Model;
using Microsoft.EntityFrameworkCore;

namespace DialogueTracker.Tests.Api;

/// <summary>
/// Walks the OpenAPI document and sends every operation malformed values for each parameter and body field, as an
/// admin so the write paths run: every answer is a 2xx, or a 4xx problem that changed nothing in the database.
/// </summary>
public class BadInputTests : IClassFixture<UnlimitedFactory>
{
    private readonly DialogueTrackerFactory _factory;

    public BadInputTests(UnlimitedFactory factory) : this((DialogueTrackerFactory)factory)
    {
    }

    /// <summary>For the same probe on another database (PostgreSQL).</summary>
    protected BadInputTests(DialogueTrackerFactory factory) => _factory = factory;

    /// <summary>What goes into a path segment or a query value (escaped), and what it stands for in a failure message.</summary>
    private static readonly (string Label, string Value)[] Texts =
    [
        ("empty", ""), ("negative", "-1"), ("int overflow", "2147483648"), ("huge number", "99999999999999999999999"),
        ("fraction", "1.5"), ("huge", new string('x', 5000)), ("controls", "a\u0001\u001b[31m\u007f\r\nSet-Cookie: x=y"),
        ("SQL", "' OR 1=1; DROP TABLE Rounds; --"), ("FTS5 syntax", "\"unterminated NEAR(a b) OR * ^x -y {z} title:w"),
        ("path traversal", "../../../../etc/passwd"), ("Vietnamese, emoji, RTL override", "Đối thoại 🙂 \u202Eevil"),
        ("impossible date", "2020-13-45/1999"),
    ];

    /// <summary>Sent percent-encoded as they are: invalid UTF-8 (which no .NET string holds) and NUL.</summary>
    private static readonly (string Label, string Escaped)[] RawEscaped = [("invalid UTF-8", "%C3%28%FF%FE%ED%A0%80"), ("NUL", "a%00b")];

    /// <summary>What goes into a JSON body field instead of its value.</summary>
    private static readonly (string Label, Func<JsonNode?> Value)[] JsonValues =
    [
        ("null", () => null), ("int overflow", () => JsonNode.Parse("2147483648")), ("negative", () => -1), ("bool", () => true),
        ("object", () => new JsonObject { ["a"] = 1 }), ("array holding null", () => new JsonArray((JsonNode?)null)),
        ("huge", () => new string('x', 100_000)),
        ("NUL, controls, SQL, FTS5, traversal", () => "a\0\u001b[31m' OR 1=1; -- NEAR(a b) * ../../etc/passwd"),
        ("lone surrogate", () => "a\uD800b"),
    ];

    /// <summary>Whole bodies that are not what the operation takes.</summary>
    private static readonly (string Label, string ContentType, byte[] Body)[] RawBodies =
    [
        ("empty body", "application/json", []),
        ("truncated JSON", "application/json", "{\"key\": \"x\", "u8.ToArray()),
        ("null", "application/json", "null"u8.ToArray()),
        ("array", "application/json", "[]"u8.ToArray()),
        ("string", "application/json", "\"text\""u8.ToArray()),
        ("number", "application/json", "123"u8.ToArray()),
        ("single quotes", "application/json", "{'key': 'x'}"u8.ToArray()),
        ("trailing comma", "application/json", "{\"key\": \"x\",}"u8.ToArray()),
        ("NaN literal", "application/json", "{\"number\": NaN}"u8.ToArray()),
        ("huge number literal", "application/json", "{\"number\": 1e999}"u8.ToArray()),
        ("duplicate keys", "application/json", "{\"key\": \"a\", \"key\": \"b\"}"u8.ToArray()),
        ("unknown fields", "application/json", "{\"evil\": true, \"__proto__\": {}}"u8.ToArray()),
        ("invalid UTF-8", "application/json", [.. "{\"key\": \""u8, 0xC3, 0x28, 0xFF, 0xFE, .. "\"}"u8]),
        ("NUL bytes", "application/json", [0, 0, 0, 0]),
        ("UTF-16 with BOM", "application/json", [0xFF, 0xFE, .. Encoding.Unicode.GetBytes("{\"key\": \"x\"}")]),
        ("deep nesting", "application/json", Encoding.ASCII.GetBytes(new string('[', 10_000) + new string(']', 10_000))),
        ("300 KB", "application/json", Encoding.ASCII.GetBytes("{\"key\": \"" + new string('x', 300 * 1024) + "\"}")),
        ("plain text", "text/plain", "key=x"u8.ToArray()),
        ("XML", "application/xml", "<key>x</key>"u8.ToArray()),
        ("CSV garbage", "text/csv", "\"unclosed,quote\n\0,\u00ff"u8.ToArray()),
        ("form", "application/x-www-form-urlencoded", "key=x&key=y"u8.ToArray()),
    ];

    private static readonly (string Label, string Value)[] IfMatches =
    [
        ("empty If-Match", ""), ("star If-Match", "*"), ("not a version", "\"not-a-version\""), ("weak garbage", "W/\"\u00e9\""),
        ("two tags", "\"00000000000000000000000000000000\", \"11111111111111111111111111111111\""), ("huge If-Match", new string('a', 5000)),
    ];

    private HttpClient _client = null!;
    private string _fingerprint = "";
    private readonly List<string> _failures = [];
    private int _sent;
    private readonly Dictionary<string, string?> _etags = [];

    [Fact]
    public async Task Every_operation_answers_malformed_input_with_a_2xx_or_a_4xx_problem_and_a_4xx_changes_nothing()
    {
        var (_, token) = await _factory.CreateEditorAsync(Roles.Admin);
        _client = _factory.CreateClient();
        _client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var document = await _client.GetFromJsonAsync<JsonElement>("/swagger/v1/swagger.json");
        var schemas = document.GetProperty("components").GetProperty("schemas");
        var dataset = (await _client.GetFromJsonAsync<JsonObject>("/api/v1/export"))!;
        var valid = await ValidPathValuesAsync();
        _fingerprint = await FingerprintAsync();

        var operations = 0;
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                operations++;
                await ProbeAsync(new HttpMethod(operation.Name.ToUpperInvariant()), path.Name, operation.Value, schemas, dataset, valid);
            }
        }

        Assert.True(operations >= 30, $"the OpenAPI document lists only {operations} operations");
        Assert.True(_failures.Count == 0, $"{_failures.Count} of {_sent} requests were answered wrongly:\n{string.Join('\n', _failures.Take(60))}");
    }

    private async Task ProbeAsync(
        HttpMethod method, string template, JsonElement operation, JsonElement schemas, JsonObject dataset, Dictionary<string, string> valid)
    {
        var parameters = operation.TryGetProperty("parameters", out var list) ? list.EnumerateArray().ToList() : [];
        var pathValues = parameters.Where(p => p.GetProperty("in").GetString() == "path")
            .ToDictionary(p => p.GetProperty("name").GetString()!, p => valid[$"{template} {p.GetProperty("name").GetString()}"]);
        var body = BodyOf(operation, template, schemas, dataset);
        var writes = method == HttpMethod.Put || method == HttpMethod.Delete;

        string Url(Dictionary<string, string> values, string query = "") =>
            pathValues.Keys.Aggregate(template, (url, name) => url.Replace($"{{{name}}}", values[name], StringComparison.Ordinal)) + query;

        // Each parameter in turn, the others valid (path) or left out (query).
        foreach (var parameter in parameters)
        {
            var name = parameter.GetProperty("name").GetString()!;
            var inPath = parameter.GetProperty("in").GetString() == "path";
            foreach (var (label, escaped) in Texts.Select(t => (t.Label, Uri.EscapeDataString(t.Value))).Concat(RawEscaped))
            {
                // Kestrel refuses a NUL in a path itself (400, before the app); the test server cannot even send one.
                if (inPath && escaped.Contains("%00", StringComparison.Ordinal))
                {
                    continue;
                }

                var url = inPath
                    ? Url(new Dictionary<string, string>(pathValues) { [name] = escaped })
                    : Url(pathValues, $"?{name}={escaped}");
                await SendAsync($"{method} {template} {name} = {label}", method, url, body?.Invoke(null, null), writes ? await ETagAsync(Url(pathValues)) : null);
            }
        }

        if (writes)
        {
            foreach (var (label, value) in IfMatches)
            {
                await SendAsync($"{method} {template} {label}", method, Url(pathValues), body?.Invoke(null, null), value);
            }
        }

        if (body is null)
        {
            return;
        }

        // The body every case below spoils one thing of is itself fine, so the cases reach the write path.
        using (var request = new HttpRequestMessage(method, Url(pathValues)) { Content = body(null, null) })
        {
            request.Headers.TryAddWithoutValidation("If-Match", writes ? await ETagAsync(Url(pathValues)) : null);
            using var response = await _client.SendAsync(request);
            _etags.Clear();
            Assert.True(response.IsSuccessStatusCode, $"{method} {template} with a valid body: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            _fingerprint = await FingerprintAsync();
        }

        foreach (var (label, contentType, bytes) in RawBodies)
        {
            var content = new ByteArrayContent(bytes);
            content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
            await SendAsync($"{method} {template} body = {label}", method, Url(pathValues), content, writes ? await ETagAsync(Url(pathValues)) : null);
        }

        foreach (var field in Fields(RootSchemaOf(operation, schemas), schemas, ""))
        {
            foreach (var (label, value) in JsonValues)
            {
                if (body(field, value()) is not { } content)
                {
                    break;
                }

                await SendAsync($"{method} {template} body.{field} = {label}", method, Url(pathValues), content,
                    writes ? await ETagAsync(Url(pathValues)) : null);
            }
        }
    }

    /// <summary>Builds the body for an operation from a valid record of the export, with one field (a dotted path) replaced.</summary>
    private static Func<string?, JsonNode?, HttpContent?>? BodyOf(JsonElement operation, string template, JsonElement schemas, JsonObject dataset)
    {
        if (RootSchemaOf(operation, schemas) is not { } schema)
        {
            return null;
        }

        var name = schema.GetProperty("$name").GetString()!;
        var isPost = !template.EndsWith('}');
        JsonNode Base() => name switch
        {
            // One record of each kind, as they are: a valid import that changes nothing.
            "Dataset" => new JsonObject
            {
                ["format"] = "dialoguetracker/1",
                ["sources"] = new JsonArray(dataset["sources"]![0]!.DeepClone()),
                ["topics"] = new JsonArray(dataset["topics"]![0]!.DeepClone()),
                ["mechanisms"] = new JsonArray(dataset["mechanisms"]![0]!.DeepClone()),
                ["rounds"] = new JsonArray(dataset["rounds"]![0]!.DeepClone()),
                ["statements"] = new JsonArray(dataset["statements"]![0]!.DeepClone()),
                ["concerns"] = new JsonArray(dataset["concerns"]![0]!.DeepClone()),
            },
            _ => Record(dataset, name, isPost),
        };

        return (field, value) =>
        {
            var node = Base();
            if (field is not null)
            {
                var parts = field.Split('.');
                JsonNode? target = node;
                foreach (var part in parts[..^1])
                {
                    target = target is JsonArray array ? (array.Count > 0 ? array[0] : null) : target?[part];
                }

                // The valid record has no such item (a mechanism without series): nothing to malform there.
                if (target is not JsonObject parent)
                {
                    return null;
                }

                parent[parts[^1]] = value;
            }

            return new StringContent(node.ToJsonString(), Encoding.UTF8, "application/json");
        };
    }

    /// <summary>The first record of the kind in the export; for a POST under a new key, so that a valid body is a valid create.</summary>
    private static JsonNode Record(JsonObject dataset, string schemaName, bool isPost)
    {
        var (collection, key) = schemaName switch
        {
            "RoundRecord" => ("rounds", "key"),
            "StatementRecord" => ("statements", "key"),
            "TopicRecord" => ("topics", "slug"),
            "ConcernRecord" => ("concerns", "key"),
            _ => ("sources", "key"),
        };
        var record = dataset[collection]![0]!.DeepClone();
        if (isPost)
        {
            record[key] = $"bad-input-{Guid.NewGuid():N}";
        }

        return record;
    }

    private static JsonElement? RootSchemaOf(JsonElement operation, JsonElement schemas)
    {
        if (!operation.TryGetProperty("requestBody", out var body))
        {
            return null;
        }

        var reference = body.GetProperty("content").EnumerateObject().First().Value.GetProperty("schema").GetProperty("$ref").GetString()!;
        return Resolve(reference, schemas);
    }

    private static JsonElement Resolve(string reference, JsonElement schemas)
    {
        var name = reference.Split('/')[^1];
        var schema = JsonSerializer.SerializeToNode(schemas.GetProperty(name))!.AsObject();
        schema["$name"] = name;
        return JsonSerializer.SerializeToElement(schema);
    }

    /// <summary>Every field of the schema as a dotted path, and the fields of the first item of its arrays of objects.</summary>
    private static IEnumerable<string> Fields(JsonElement? schema, JsonElement schemas, string prefix, int depth = 0)
    {
        if (schema is null || !schema.Value.TryGetProperty("properties", out var properties))
        {
            yield break;
        }

        foreach (var property in properties.EnumerateObject())
        {
            yield return prefix + property.Name;
            if (depth < 1 && property.Value.TryGetProperty("items", out var items) && items.TryGetProperty("$ref", out var reference))
            {
                foreach (var inner in Fields(Resolve(reference.GetString()!, schemas), schemas, $"{prefix}{property.Name}.0.", depth + 1))
                {
                    yield return inner;
                }
            }
        }
    }

    /// <summary>Existing records to name in paths, so a malformed value in one place is the only thing wrong.</summary>
    private async Task<Dictionary<string, string>> ValidPathValuesAsync()
    {
        async Task<string> FirstAsync(string url, string property) =>
            (await _client.GetFromJsonAsync<JsonElement>(url)).GetProperty("items")[0].GetProperty(property).ToString();

        var round = await FirstAsync("/api/v1/rounds", "id");
        var statement = await FirstAsync("/api/v1/statements", "id");
        var source = await FirstAsync("/api/v1/sources", "id");
        var topic = await FirstAsync("/api/v1/topics", "slug");
        var mechanism = await FirstAsync("/api/v1/mechanisms", "slug");
        var concern = await FirstAsync("/api/v1/concerns", "id");
        return new Dictionary<string, string>
        {
            ["/api/v1/rounds/{id} id"] = round,
            ["/api/v1/statements/{id} id"] = statement,
            ["/api/v1/sources/{id} id"] = source,
            ["/api/v1/topics/{slug} slug"] = topic,
            ["/api/v1/mechanisms/{slug} slug"] = mechanism,
            ["/api/v1/concerns/{id} id"] = concern,
            ["/feeds/topics/{slug}.xml slug"] = topic,
            ["/feeds/mechanisms/{slug}.xml slug"] = mechanism,
            ["/feeds/parties/{party}.xml party"] = "eu",
        };
    }

    /// <summary>The record's current ETag, so a write gets as far as its body; null when the address names no record.</summary>
    private async Task<string?> ETagAsync(string url)
    {
        if (!_etags.TryGetValue(url, out var etag))
        {
            using var response = await _client.GetAsync(url);
            _etags[url] = etag = response.Headers.ETag?.Tag;
        }

        return etag;
    }

    private async Task SendAsync(string description, HttpMethod method, string url, HttpContent? content, string? ifMatch)
    {
        using var request = new HttpRequestMessage(method, url) { Content = content };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        _sent++;
        using var response = await _client.SendAsync(request);
        var status = (int)response.StatusCode;
        var type = response.Content.Headers.ContentType?.MediaType;
        var isApi = url.StartsWith("/api/", StringComparison.Ordinal);
        if (status >= 500 || status < 200 || status is >= 300 and < 400)
        {
            var body = await response.Content.ReadAsStringAsync();
            _failures.Add($"{status} for {description}: {body[..Math.Min(200, body.Length)]}");
            return;
        }

        if (status >= 400 && isApi && type != "application/problem+json")
        {
            _failures.Add($"{status} as {type ?? "no content type"}, not a problem, for {description}");
        }

        var now = await FingerprintAsync();
        if (status >= 400 && now != _fingerprint)
        {
            _failures.Add($"{status} for {description}, but the database changed");
        }

        if (now != _fingerprint)
        {
            // A write went through: versions changed.
            _etags.Clear();
        }

        _fingerprint = now;
    }

    /// <summary>Cheap but wide: record counts and versions, revisions, citations, accounts, the search index.</summary>
    private async Task<string> FingerprintAsync()
    {
        await using var scope = _factory.CreateScope(out var db);
        var parts = new List<object?>
        {
            await db.Revisions.CountAsync(), await db.Revisions.MaxAsync(r => (int?)r.Id),
            await db.Mechanisms.CountAsync(), await db.RoundSeries.CountAsync(), await db.Citations.CountAsync(),
            await db.ApiTokens.CountAsync(), await db.Users.CountAsync(),
            await db.SearchDocuments.CountAsync(), await db.SearchDocuments.SumAsync(d => d.Title.Length + (d.Body ?? "").Length),
        };
        parts.AddRange(await db.Rounds.IgnoreQueryFilters().OrderBy(r => r.Id).Select(r => new { r.Version, r.DeletedAt }).ToListAsync());
        parts.AddRange(await db.Statements.IgnoreQueryFilters().OrderBy(r => r.Id).Select(r => new { r.Version, r.DeletedAt }).ToListAsync());
        parts.AddRange(await db.Topics.IgnoreQueryFilters().OrderBy(r => r.Id).Select(r => new { r.Version, r.DeletedAt }).ToListAsync());
        parts.AddRange(await db.Sources.IgnoreQueryFilters().OrderBy(r => r.Id).Select(r => new { r.Version, r.DeletedAt }).ToListAsync());
        return string.Join('|', parts);
    }
}
