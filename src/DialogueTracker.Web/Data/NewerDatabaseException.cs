namespace DialogueTracker.Web.Data;

/// <summary>The database was migrated by a newer version of DialogueTracker than this one.</summary>
public sealed class NewerDatabaseException(string dataSource, IReadOnlyList<string> unknownMigrations)
    : Exception($"The database {dataSource} was upgraded by a newer DialogueTracker (migrations {string.Join(", ", unknownMigrations)}). "
        + "This version will not touch it: run the newer version, or restore a backup made for this one.")
{
    public IReadOnlyList<string> UnknownMigrations { get; } = unknownMigrations;
}
