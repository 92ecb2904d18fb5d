using DialogueTracker.Web.Data;

namespace DialogueTracker.Web.Cli;

/// <summary>Backup and restore copy SQLite's database file; a PostgreSQL server has its own tools for that.</summary>
public static class SqliteFileCommand
{
    /// <summary>True, having said why and what to use instead, when the app runs on PostgreSQL.</summary>
    public static async Task<bool> RefusedOnPostgresAsync(IServiceProvider services, string command, string instead)
    {
        if (DatabaseProviders.From(services.GetRequiredService<IConfiguration>()) != DatabaseProvider.Postgres)
        {
            return false;
        }

        await Console.Error.WriteLineAsync($"{command} copies SQLite's database file; this app runs on PostgreSQL: use {instead} (README, Operating at scale).");
        return true;
    }
}
