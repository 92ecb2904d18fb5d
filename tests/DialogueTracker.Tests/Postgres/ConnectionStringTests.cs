using DialogueTracker.Web.Data.Postgres;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace DialogueTracker.Tests.Postgres;

public class ConnectionStringTests
{
    private static NpgsqlConnectionStringBuilder Resolved(string connectionString) =>
        new(PostgresDatabase.ConnectionString(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:DialogueTracker"] = connectionString })
            .Build()));

    [Fact]
    public void Statements_are_prepared_automatically_unless_the_connection_string_says_otherwise()
    {
        var defaulted = Resolved("Host=db;Database=dialoguetracker;Username=app");
        Assert.Equal(64, defaulted.MaxAutoPrepare);
        Assert.Equal("db", defaulted.Host);
        Assert.Equal("app", defaulted.Username);

        // An operator's own setting stands, 0 (off, for a PgBouncer in transaction mode) included, however it is written.
        Assert.Equal(0, Resolved("Host=db;Database=dialoguetracker;Max Auto Prepare=0").MaxAutoPrepare);
        Assert.Equal(10, Resolved("Host=db;Database=dialoguetracker;max auto prepare=10").MaxAutoPrepare);
    }
}
