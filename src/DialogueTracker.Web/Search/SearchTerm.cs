namespace DialogueTracker.Web.Search;

/// <summary>
/// One thing a search asks for: a word, or several words in a row (a phrase). With <see cref="IsPrefix"/> the
/// last word may be the start of a longer one. Words are folded (<see cref="SearchText.Fold"/>) and contain
/// only letters, digits and combining marks, so any index can quote them safely.
/// </summary>
public sealed record SearchTerm(IReadOnlyList<string> Words, bool IsPrefix = false)
{
    public override string ToString() => (Words.Count == 1 && !IsPrefix ? Words[0] : $"\"{string.Join(' ', Words)}\"") + (IsPrefix ? "*" : "");
}
