namespace DialogueTracker.Web.Data;

/// <summary>A setting the app cannot start with; its message says which and why.</summary>
public sealed class StartupConfigurationException(string message) : Exception(message);
