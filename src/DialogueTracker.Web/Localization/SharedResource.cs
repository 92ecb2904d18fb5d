namespace DialogueTracker.Web.Localization;

/// <summary>
/// Names the one resource file that holds the UI's translations (<c>Resources/Localization/SharedResource.vi.resx</c>).
/// Keys are the English text, so English needs no file of its own.
/// </summary>
public sealed class SharedResource;
