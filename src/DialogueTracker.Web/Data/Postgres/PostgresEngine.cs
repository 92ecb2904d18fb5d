using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace DialogueTracker.Web.Data.Postgres;

/// <summary>PostgreSQL: the server and database exist already (an operator's job); migrations do the rest.</summary>
public sealed class PostgresEngine : IDatabaseEngine
{
    public string Describe(DialogueDbContext db)
    {
        var builder = new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString());
        return $"{builder.Database} on {builder.Host}:{builder.Port}";
    }

    public Task PrepareAsync(DialogueDbContext db, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task AfterMigrationsAsync(DialogueDbContext db, CancellationToken cancellationToken) => Task.CompletedTask;
}
