using DialogueTracker.Web.Accounts;
using DialogueTracker.Web.Api;
using DialogueTracker.Web.Caching;
using DialogueTracker.Web.Data.Postgres;
using DialogueTracker.Web.Import;
using DialogueTracker.Web.Search;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace DialogueTracker.Web.Data;

public static class DatabaseSetup
{
    public const string ConnectionStringName = "DialogueTracker";

    private static readonly SqlitePragmas Pragmas = new();

    /// <summary>
    /// Registers the database <c>Database:Provider</c> names (SQLite unless it says Postgres) and what differs between
    /// the engines: the search index, the bulk import's needs, how other writers are noticed. Nothing past this point
    /// asks which engine it is on.
    /// </summary>
    public static IServiceCollection AddDialogueDatabase(this IServiceCollection services, IConfiguration configuration) =>
        DatabaseProviders.From(configuration) == DatabaseProvider.Postgres ? services.AddPostgresDatabase() : services.AddSqliteDatabase();

    /// <summary>
    /// SQLite. A relative file path in the connection string is taken relative to the content root, so the app finds
    /// the same file whatever folder it is started from.
    /// </summary>
    private static IServiceCollection AddSqliteDatabase(this IServiceCollection services)
    {
        SqliteLibrary.Configure();
        return services
            .AddSingleton<IDatabaseEngine, SqliteEngine>()
            .AddScoped<ISearchIndex, SqliteSearchIndex>()
            .AddScoped<IImportDatabase, SqliteImportDatabase>()
            .AddSingleton<IDatabaseChangeMonitor, DatabaseChangeMonitor>()
            .AddSingleton<IStatementReads, SqliteStatementReads>()
            // Pooled: a context reused is reset by EF Core, and building one for each request was 5% of a first render.
            .AddDbContextPool<DialogueDbContext>((provider, options) =>
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
            });
    }

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

    /// <summary>
    /// Prepares the database (SQLite: its folder, WAL), applies migrations and (with <paramref name="seed"/>) loads the seed
    /// data into an empty database. With <c>Database:Migrate</c> false (and not <paramref name="migrate"/>) it only checks
    /// that no newer build has migrated the database: with several instances, one migrates and the others wait for
    /// /health/ready.
    /// </summary>
    public static async Task InitializeDatabaseAsync(this IServiceProvider services, bool seed = true, bool migrate = false, CancellationToken cancellationToken = default)
    {
        migrate = migrate || services.GetRequiredService<IConfiguration>().GetValue("Database:Migrate", true);
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DialogueDbContext>();
            var engine = scope.ServiceProvider.GetRequiredService<IDatabaseEngine>();
            await engine.PrepareAsync(db, cancellationToken);
            await EnsureNotNewerAsync(db, engine.Describe(db), cancellationToken);
            if (!migrate)
            {
                return;
            }

            // Migrating takes a write lock even when there is nothing to do; a database that is up to date is only
            // read, so the app still starts (and serves reads) on a read-only one.
            if ((await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
            {
                await db.Database.MigrateAsync(cancellationToken);
            }

            await engine.AfterMigrationsAsync(db, cancellationToken);
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
