using System.Text.Json;
using System.Text.Json.Nodes;

namespace DialogueTracker.Web.Editing;

/// <summary>One field's change between two snapshots, as readable text.</summary>
public sealed record FieldChange(string Field, string? Before, string? After);

/// <summary>Reads a revision's before and after snapshots as a field-by-field list of what changed.</summary>
public static class RevisionDiff
{
    public static IReadOnlyList<FieldChange> Compute(string? before, string? after)
    {
        var old = Parse(before);
        var now = Parse(after);
        var fields = old.Select(p => p.Key).Concat(now.Select(p => p.Key)).Distinct();
        return [.. fields
            .Select(field => new FieldChange(field, Text(old[field]), Text(now[field])))
            .Where(change => change.Before != change.After)];
    }

    private static JsonObject Parse(string? json) =>
        json is null ? [] : JsonNode.Parse(json) as JsonObject ?? [];

    /// <summary>Lists one item a line (topics, citations); citations read "source: quote (claim)".</summary>
    private static string? Text(JsonNode? node) => node switch
    {
        null => null,
        JsonArray array when array.Count == 0 => null,
        JsonArray array => string.Join("\n", array.Select(Item)),
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        _ => node.ToJsonString(),
    };

    private static string Item(JsonNode? item) => item switch
    {
        JsonObject citation when citation["source"] is not null =>
            $"{citation["source"]}: {citation["quote"]}"
            + (citation["locator"] is { } locator ? $" [{locator}]" : "")
            + (citation["claimField"] is { } field ? $" ({field} = {citation["claimValue"]})" : ""),
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        _ => item?.ToJsonString(new JsonSerializerOptions()) ?? "",
    };
}
