using DialogueTracker.Web.Accounts;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace DialogueTracker.Web.Data;

public static class DatabaseSetup
{
    public const string ConnectionStringName = "DialogueTracker";

    private static readonly SqlitePragmas Pragmas = new();

    /// <summary>
    /// Registers the SQLite database. A relative file path in the connection string is taken relative to
    /// the content root, so the app finds the same file whatever folder it is started from.
    /// </summary>
    public static IServiceCollection AddDialogueDatabase(this IServiceCollection services) =>
        services.AddDbContext<DialogueDbContext>((provider, options) =>
        {
            var configuration = provider.GetRequiredService<IConfiguration>();
            var environment = provider.GetRequiredService<IHostEnvironment>();
            // Records carry several collections (topics, citations); one query per collection avoids row explosion.
            options.UseSqlite(
                ResolveConnectionString(configuration, environment.ContentRootPath),
                sqlite => sqlite.UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery).CommandTimeout(SqlitePragmas.BusyTimeoutSeconds))
                .AddInterceptors(Pragmas)
                // Any committed change to the record evicts the cached pages and API reads.
                .AddInterceptors(provider.GetServices<Caching.RecordsChangedInterceptor>())
                // A cited source cannot be deleted (the editor refuses), so citations never lose their source to the filter.
                .ConfigureWarnings(warnings => warnings.Ignore(CoreEventId.PossibleIncorrectRequiredNavigationWithQueryFilterInteractionWarning));
        },
        // The options are the same for every request: built once, not again (connection string parsed and all) for
        // each request's context.
        optionsLifetime: ServiceLifetime.Singleton);

    public static string ResolveConnectionString(IConfiguration configuration, string contentRoot)
    {
        var configured = configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(configured))
        {
            throw new StartupConfigurationException($"ConnectionStrings:{ConnectionStringName} is not set.");
        }

        SqliteConnectionStringBuilder builder;
        try
        {
            builder = new SqliteConnectionStringBuilder(configured);
        }
        catch (ArgumentException ex)
        {
            throw new StartupConfigurationException($"ConnectionStrings:{ConnectionStringName} is not a SQLite connection string: {ex.Message}");
        }

        if (string.IsNullOrWhiteSpace(builder.DataSource))
        {
            throw new StartupConfigurationException($"ConnectionStrings:{ConnectionStringName} names no database file (Data Source=...).");
        }

        if (builder.Mode != SqliteOpenMode.Memory && !builder.DataSource.StartsWith("file:", StringComparison.Ordinal)
            && builder.DataSource != ":memory:" && !Path.IsPathRooted(builder.DataSource))
        {
            builder.DataSource = Path.GetFullPath(Path.Combine(contentRoot, builder.DataSource));
        }

        return builder.ToString();
    }

    /// <summary>Creates the data folder, applies migrations, turns on WAL and (with <paramref name="seed"/>) loads the seed data into an empty database.</summary>
    public static async Task InitializeDatabaseAsync(this IServiceProvider services, bool seed = true, CancellationToken cancellationToken = default)
    {
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DialogueDbContext>();
            var dataSource = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
            var folder = Path.GetDirectoryName(dataSource);
            if (!string.IsNullOrEmpty(folder) && Path.IsPathRooted(dataSource))
            {
                Directory.CreateDirectory(folder);
            }

            await EnsureNotNewerAsync(db, dataSource, cancellationToken);

            // Migrating takes a write lock even when there is nothing to do; a database that is up to date is only
            // read, so the app still starts (and serves reads) on a read-only one.
            if ((await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
            {
                await db.Database.MigrateAsync(cancellationToken);
            }

            // WAL lets readers carry on while a write is in progress; the setting is stored in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        if (seed)
        {
            await SeedData.SeedIfEmptyAsync(services, cancellationToken);
        }

        await using var accounts = services.CreateAsyncScope();
        await AdminBootstrap.EnsureRolesAsync(accounts.ServiceProvider);
        await AdminBootstrap.CreateConfiguredAdminAsync(
            accounts.ServiceProvider,
            accounts.ServiceProvider.GetRequiredService<IConfiguration>(),
            accounts.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(AdminBootstrap)));
    }

    /// <summary>A database that a newer build has migrated is left alone rather than half-understood.</summary>
    public static async Task EnsureNotNewerAsync(DialogueDbContext db, string dataSource, CancellationToken cancellationToken)
    {
        var known = db.Database.GetMigrations().ToHashSet();
        var unknown = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).Where(m => !known.Contains(m)).ToList();
        if (unknown.Count > 0)
        {
            throw new NewerDatabaseException(dataSource, unknown);
        }
    }
}
