using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace DialogueTracker.Web.Localization;

/// <summary>The languages the UI speaks.</summary>
public static class Cultures
{
    public const string English = "en";
    public const string Vietnamese = "vi";

    public static readonly string[] Supported = [English, Vietnamese];

    public static bool IsVietnamese(CultureInfo culture) => culture.TwoLetterISOLanguageName == Vietnamese;

    public static bool CurrentIsVietnamese => IsVietnamese(CultureInfo.CurrentUICulture);

    /// <summary>The language's name in itself, as a language switch shows it.</summary>
    public static string Autonym(string culture) => culture == Vietnamese ? "Tiếng Việt" : "English";

    /// <summary>
    /// A query string (with its "?", or empty) without the culture parameters, which would override the reader's
    /// chosen language: the form for canonical addresses and the language switch's way back.
    /// </summary>
    public static string QueryWithoutCulture(IEnumerable<KeyValuePair<string, StringValues>> query) =>
        QueryHelpers.AddQueryString("", query
            .Where(p => !p.Key.Equals("culture", StringComparison.OrdinalIgnoreCase) && !p.Key.Equals("ui-culture", StringComparison.OrdinalIgnoreCase))
            .SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string?>(p.Key, v))));
}
