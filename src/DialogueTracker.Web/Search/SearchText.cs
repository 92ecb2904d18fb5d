namespace DialogueTracker.Web.Search;

/// <summary>Text as the search index compares it.</summary>
public static class SearchText
{
    /// <summary>
    /// Folds đ/Đ to d/D, exactly as the index triggers do. The tokenizer folds every other Vietnamese mark
    /// (and case) itself, but đ is a letter of its own in Unicode, not a d with a mark.
    /// </summary>
    public static string Fold(string text) => text.Replace('đ', 'd').Replace('Đ', 'D');
}
