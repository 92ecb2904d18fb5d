using DialogueTracker.Web.Data;

namespace DialogueTracker.Tests.Postgres;

/// <summary>The real app on PostgreSQL: a fresh database of its own on the test run's server, migrated and seeded on start.</summary>
public class PostgresFactory : DialogueTrackerFactory
{
    private readonly string _database = PostgresServer.Shared.CreateDatabase();

    public string ConnectionString => PostgresServer.Shared.ConnectionString(_database);

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        [DatabaseProviders.SettingName] = nameof(DatabaseProvider.Postgres),
        [$"ConnectionStrings:{DatabaseSetup.ConnectionStringName}"] = ConnectionString,
    };

    /// <summary>Rate limits off, for tests that send many requests (as <see cref="Operations.UnlimitedFactory"/>).</summary>
    public sealed class Unlimited : PostgresFactory
    {
        protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>(base.Settings)
        {
            ["RateLimiting:WritesPerMinute"] = "0",
            ["RateLimiting:ReadsPerMinute"] = "0",
        };
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        PostgresServer.Shared.DropDatabase(_database);
    }
}
