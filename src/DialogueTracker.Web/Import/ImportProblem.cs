namespace DialogueTracker.Web.Import;

/// <summary>One thing wrong with an imported record, named so a person can find and fix it.</summary>
/// <param name="Record">Which record, e.g. <c>rounds[3] (hrd-2020-02-19)</c>.</param>
/// <param name="Field">Which field, when one field is at fault.</param>
/// <param name="Message">What is wrong.</param>
public sealed record ImportProblem(string Record, string? Field, string Message)
{
    public override string ToString() => Field is null ? $"{Record}: {Message}" : $"{Record}.{Field}: {Message}";
}
