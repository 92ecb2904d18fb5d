namespace DialogueTracker.Web.Data;

/// <summary>
/// What starting up on one database engine takes beside EF Core's migrations; chosen once, when the database is
/// registered (<see cref="DatabaseSetup.AddDialogueDatabase"/>).
/// </summary>
public interface IDatabaseEngine
{
    /// <summary>What messages call the database: a file, or a server's database.</summary>
    string Describe(DialogueDbContext db);

    /// <summary>Before migrating: SQLite creates the data folder.</summary>
    Task PrepareAsync(DialogueDbContext db, CancellationToken cancellationToken);

    /// <summary>After migrating: SQLite turns on WAL.</summary>
    Task AfterMigrationsAsync(DialogueDbContext db, CancellationToken cancellationToken);
}
