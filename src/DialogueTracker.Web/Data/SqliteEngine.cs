using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace DialogueTracker.Web.Data;

/// <summary>SQLite: one file, created with its folder on first start, in WAL mode.</summary>
public sealed class SqliteEngine : IDatabaseEngine
{
    public string Describe(DialogueDbContext db) => new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;

    public Task PrepareAsync(DialogueDbContext db, CancellationToken cancellationToken)
    {
        var dataSource = Describe(db);
        var folder = Path.GetDirectoryName(dataSource);
        if (!string.IsNullOrEmpty(folder) && Path.IsPathRooted(dataSource))
        {
            Directory.CreateDirectory(folder);
        }

        return Task.CompletedTask;
    }

    // WAL lets readers carry on while a write is in progress; the setting is stored in the file.
    public Task AfterMigrationsAsync(DialogueDbContext db, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
}
