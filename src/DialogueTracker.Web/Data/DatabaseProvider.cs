namespace DialogueTracker.Web.Data;

/// <summary>The database engine, from <c>Database:Provider</c>: SQLite unless configured otherwise.</summary>
public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

public static class DatabaseProviders
{
    public const string SettingName = "Database:Provider";

    public static DatabaseProvider From(IConfiguration configuration) =>
        Problem(configuration) is { } problem ? throw new StartupConfigurationException(problem) : Parse(configuration[SettingName]) ?? DatabaseProvider.Sqlite;

    /// <summary>What is wrong with the setting, or null; checked before anything is registered, so it is one clear line.</summary>
    public static string? Problem(IConfiguration configuration) =>
        configuration[SettingName] is { } configured && !string.IsNullOrWhiteSpace(configured) && Parse(configured) is null
            ? $"{SettingName} is '{configured}'; use Sqlite or Postgres."
            : null;

    private static DatabaseProvider? Parse(string? configured) =>
        Enum.TryParse<DatabaseProvider>(configured, ignoreCase: true, out var provider) && Enum.IsDefined(provider) && !configured!.Any(char.IsDigit) ? provider : null;
}
