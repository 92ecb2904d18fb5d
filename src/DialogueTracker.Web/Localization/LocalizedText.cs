namespace DialogueTracker.Web.Localization;

/// <summary>
/// Record text in the reader's language where the record has it, otherwise in the language it has.
/// </summary>
/// <param name="Text">The text to show.</param>
/// <param name="Language">The language the text is in, for the <c>lang</c> attribute.</param>
/// <param name="IsFallback">True when the text is not in the reader's language and should say so.</param>
public sealed record LocalizedText(string Text, string Language, bool IsFallback)
{
    public static LocalizedText? Pick(string? english, string? vietnamese)
    {
        var wantVietnamese = Cultures.CurrentIsVietnamese;
        var (preferred, preferredLanguage, other, otherLanguage) = wantVietnamese
            ? (vietnamese, Cultures.Vietnamese, english, Cultures.English)
            : (english, Cultures.English, vietnamese, Cultures.Vietnamese);
        if (!string.IsNullOrWhiteSpace(preferred))
        {
            return new LocalizedText(preferred, preferredLanguage, false);
        }

        return string.IsNullOrWhiteSpace(other) ? null : new LocalizedText(other, otherLanguage, true);
    }

    /// <summary>The same text in the reader's other language, when the record has it too.</summary>
    public static LocalizedText? Other(string? english, string? vietnamese) => Cultures.CurrentIsVietnamese
        ? (string.IsNullOrWhiteSpace(english) || string.IsNullOrWhiteSpace(vietnamese) ? null : new LocalizedText(english, Cultures.English, false))
        : (string.IsNullOrWhiteSpace(vietnamese) || string.IsNullOrWhiteSpace(english) ? null : new LocalizedText(vietnamese, Cultures.Vietnamese, false));
}
