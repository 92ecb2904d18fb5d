using System.Globalization;
using System.Text;

namespace DialogueTracker.Web.Search;

/// <summary>
/// Reads what a person types into a search box: words, "quoted phrases" and prefixes (<c>quy*</c>). Anything
/// else (stray quotes, operators, brackets, punctuation) separates words and is otherwise ignored, so no input
/// can become query syntax. Words joined by a hyphen or apostrophe (<c>EU-Việt</c>, <c>doi-thoai</c>) are kept
/// together as a phrase. Every term must match.
/// </summary>
public static class SearchQueryParser
{
    /// <summary>Longer input is cut: no one types more than this into a search box on purpose.</summary>
    public const int MaxLength = 500;

    public const int MaxTerms = 16;

    // Operator words of query languages; searching for them as words would only match everything.
    private static readonly HashSet<string> Operators = new(StringComparer.Ordinal) { "AND", "OR", "NOT", "NEAR" };

    /// <returns>The terms, or an empty list when nothing searchable is left.</returns>
    public static IReadOnlyList<SearchTerm> Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        text = text.Length > MaxLength ? text[..MaxLength] : text;
        text = SearchText.Fold(text.Normalize(NormalizationForm.FormC));

        var terms = new List<SearchTerm>();
        var i = 0;
        while (i < text.Length && terms.Count < MaxTerms)
        {
            if (text[i] == '"' && text.IndexOf('"', i + 1) is var close and > 0)
            {
                // A quoted phrase; a * right after the closing quote makes its last word a prefix.
                var words = Words(text[(i + 1)..close]);
                i = close + 1;
                var prefix = i < text.Length && text[i] == '*';
                if (words.Count > 0)
                {
                    terms.Add(new SearchTerm(words, prefix));
                }

                continue;
            }

            if (!IsWordChar(text[i]))
            {
                i++;
                continue;
            }

            // A word, or words joined by hyphens or apostrophes with no space between.
            var start = i;
            while (i < text.Length && (IsWordChar(text[i]) || (IsJoiner(text[i]) && i + 1 < text.Length && IsWordChar(text[i + 1]))))
            {
                i++;
            }

            var joined = Words(text[start..i]);
            var isPrefix = i < text.Length && text[i] == '*';
            if (joined.Count == 1 && Operators.Contains(joined[0]))
            {
                continue;
            }

            terms.Add(new SearchTerm(joined, isPrefix));
        }

        return terms;
    }

    private static List<string> Words(string text)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var c in text)
        {
            if (IsWordChar(c))
            {
                word.Append(c);
            }
            else if (word.Length > 0)
            {
                words.Add(word.ToString());
                word.Clear();
            }
        }

        if (word.Length > 0)
        {
            words.Add(word.ToString());
        }

        return words;
    }

    private static bool IsJoiner(char c) => c is '-' or '\'' or '’' or '‐' or '–';

    private static bool IsWordChar(char c) => char.GetUnicodeCategory(c) is
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
        or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
        or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber
        or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
}
