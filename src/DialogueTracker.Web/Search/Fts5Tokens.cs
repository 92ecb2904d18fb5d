using System.Globalization;
using System.Text;

namespace DialogueTracker.Web.Search;

/// <summary>
/// Tokenizes text as the index's FTS5 tokenizer does (<c>unicode61 remove_diacritics 2</c>: letters, digits and
/// private-use characters make tokens, everything else separates them; case and diacritics are folded away), to
/// count a search's phrase instances in a document's text. đ/Đ fold to d, as the triggers fold them before indexing
/// (<see cref="SearchText.Fold"/>).
/// </summary>
public sealed class Fts5Tokens
{
    // Each UTF-16 unit folded to its base letter, lower case; '\0' for a separator. Built once (65,536 entries).
    private static readonly Lazy<char[]> FoldTable = new(BuildFoldTable);

    private readonly List<(int Start, int Length)> _tokens = new(256);
    private char[] _folded = new char[1024];

    /// <summary>A search term as index tokens: its words folded as the tokenizer folds them.</summary>
    public static FoldedPhrase Phrase(SearchTerm term) => new([.. term.Words.Select(FoldWord)], term.IsPrefix);

    public static string FoldWord(string word)
    {
        var table = FoldTable.Value;
        var folded = new StringBuilder(word.Length);
        foreach (var c in word)
        {
            if (table[c] != '\0')
            {
                folded.Append(table[c]);
            }
        }

        return folded.ToString();
    }

    /// <summary>A token's hash, as <see cref="Hashes"/> computes it; equal tokens hash equal within the process.</summary>
    public static int Hash(string foldedWord) => string.GetHashCode(foldedWord.AsSpan());

    /// <summary>Appends the hash of each of the text's tokens, in order, to <paramref name="hashes"/>.</summary>
    public void Hashes(string text, List<int> hashes)
    {
        Tokenize(text);
        foreach (var (start, length) in _tokens)
        {
            hashes.Add(string.GetHashCode(_folded.AsSpan(start, length)));
        }
    }

    /// <summary>Adds <paramref name="weight"/> to <paramref name="frequencies"/>[i] for every instance of phrase i in the text.</summary>
    public void Count(string text, IReadOnlyList<FoldedPhrase> phrases, double weight, double[] frequencies)
    {
        Tokenize(text);
        for (var p = 0; p < phrases.Count; p++)
        {
            var words = phrases[p].Words;
            for (var i = 0; i + words.Length <= _tokens.Count; i++)
            {
                var match = true;
                for (var w = 0; w < words.Length && match; w++)
                {
                    var prefix = phrases[p].IsPrefix && w == words.Length - 1;
                    match = TokenEquals(_tokens[i + w], words[w], prefix);
                }

                if (match)
                {
                    frequencies[p] += weight;
                }
            }
        }
    }

    private bool TokenEquals((int Start, int Length) token, string word, bool prefix)
    {
        if (prefix ? token.Length < word.Length : token.Length != word.Length)
        {
            return false;
        }

        return _folded.AsSpan(token.Start, word.Length).SequenceEqual(word);
    }

    private void Tokenize(string text)
    {
        var table = FoldTable.Value;
        if (_folded.Length < text.Length)
        {
            _folded = new char[Math.Max(text.Length, _folded.Length * 2)];
        }

        _tokens.Clear();
        var length = 0;
        var start = -1;
        for (var i = 0; i < text.Length; i++)
        {
            var f = table[text[i]];
            if (f == '\0')
            {
                if (start >= 0)
                {
                    _tokens.Add((start, length - start));
                    start = -1;
                }

                continue;
            }

            if (start < 0)
            {
                start = length;
            }

            _folded[length++] = f;
        }

        if (start >= 0)
        {
            _tokens.Add((start, length - start));
        }
    }

    private static char[] BuildFoldTable()
    {
        var table = new char[char.MaxValue + 1];
        for (var i = 0; i <= char.MaxValue; i++)
        {
            var c = (char)i;
            if (char.IsSurrogate(c))
            {
                // Characters outside the BMP are rare in this data; keep their halves as they are, inside tokens.
                table[i] = c;
                continue;
            }

            var category = char.GetUnicodeCategory(c);
            var isTokenChar = category is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.DecimalDigitNumber
                or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber or UnicodeCategory.PrivateUse;
            if (!isTokenChar)
            {
                continue;
            }

            if (c is 'đ' or 'Đ')
            {
                table[i] = 'd';
                continue;
            }

            var lower = char.ToLowerInvariant(c);
            var decomposed = lower.ToString().Normalize(NormalizationForm.FormD);
            table[i] = decomposed.Length > 0 && char.GetUnicodeCategory(decomposed[0]) != UnicodeCategory.NonSpacingMark ? decomposed[0] : lower;
        }

        return table;
    }
}

/// <summary>A phrase's words as index tokens; with <see cref="IsPrefix"/> the last one may start a longer token.</summary>
public sealed record FoldedPhrase(string[] Words, bool IsPrefix);
