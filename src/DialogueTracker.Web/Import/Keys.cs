using System.Text.RegularExpressions;

namespace DialogueTracker.Web.Import;

/// <summary>The shape of stable keys and language tags that records carry.</summary>
public static partial class Keys
{
    public static bool IsValid(string key) => KeyPattern().IsMatch(key);

    public static bool IsLanguageTag(string tag) => LanguagePattern().IsMatch(tag);

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex KeyPattern();

    [GeneratedRegex("^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$")]
    private static partial Regex LanguagePattern();
}
