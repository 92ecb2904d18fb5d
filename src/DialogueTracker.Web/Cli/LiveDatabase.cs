using DialogueTracker.Web.Data;
using Microsoft.Data.Sqlite;

namespace DialogueTracker.Web.Cli;

/// <summary>The database file the app uses, as its configuration names it.</summary>
public static class LiveDatabase
{
    public static string Path(IServiceProvider services)
    {
        var connectionString = DatabaseSetup.ResolveConnectionString(
            services.GetRequiredService<IConfiguration>(), services.GetRequiredService<IHostEnvironment>().ContentRootPath);
        return new SqliteConnectionStringBuilder(connectionString).DataSource;
    }
}
