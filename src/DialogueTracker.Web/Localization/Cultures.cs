using System.Globalization;

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
}
