using System.Collections.Frozen;
using System.Text.Json;

namespace DialogueTracker.Web.Model;

/// <summary>The kebab-case names enums take in URLs, JSON and the database: <c>VietNam</c> is <c>viet-nam</c>.</summary>
public static class EnumNames
{
    public static string ToName<TEnum>(TEnum value) where TEnum : struct, Enum => Names<TEnum>.ByValue[value];

    public static TEnum Parse<TEnum>(string name) where TEnum : struct, Enum =>
        TryParse<TEnum>(name, out var value) ? value : throw new FormatException($"'{name}' is not a {typeof(TEnum).Name}");

    public static bool TryParse<TEnum>(string? name, out TEnum value) where TEnum : struct, Enum =>
        Names<TEnum>.ByName.TryGetValue(name?.Trim() ?? "", out value);

    public static IReadOnlyList<string> All<TEnum>() where TEnum : struct, Enum => Names<TEnum>.InOrder;

    private static class Names<TEnum> where TEnum : struct, Enum
    {
        public static readonly FrozenDictionary<TEnum, string> ByValue =
            Enum.GetValues<TEnum>().ToFrozenDictionary(v => v, v => JsonNamingPolicy.KebabCaseLower.ConvertName(v.ToString()));

        public static readonly FrozenDictionary<string, TEnum> ByName =
            ByValue.ToFrozenDictionary(p => p.Value, p => p.Key, StringComparer.OrdinalIgnoreCase);

        public static readonly string[] InOrder = [.. Enum.GetValues<TEnum>().Select(v => ByValue[v])];
    }
}
