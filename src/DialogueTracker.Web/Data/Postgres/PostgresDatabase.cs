using DialogueTracker.Web.Api;
using DialogueTracker.Web.Caching;
using DialogueTracker.Web.Import;
using DialogueTracker.Web.Search;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace DialogueTracker.Web.Data.Postgres;

/// <summary>PostgreSQL (<c>Database:Provider</c> = Postgres): the same model and queries, PostgreSQL's migrations and seams.</summary>
public static class PostgresDatabase
{
    public static IServiceCollection AddPostgresDatabase(this IServiceCollection services)
    {
        services
            .AddSingleton<IDatabaseEngine, PostgresEngine>()
            .AddScoped<ISearchIndex, PostgresSearchIndex>()
            .AddScoped<IImportDatabase, PostgresImportDatabase>()
            .AddScoped<IStatementReads, StatementReads>()
            .AddSingleton<PostgresChangeMonitor>()
            .AddSingleton<IDatabaseChangeMonitor>(provider => provider.GetRequiredService<PostgresChangeMonitor>())
            .AddHostedService(provider => provider.GetRequiredService<PostgresChangeMonitor>())
            .AddDbContextPool<DialogueDbContext, PostgresDialogueDbContext>((provider, options) =>
                Configure(options, ConnectionString(provider.GetRequiredService<IConfiguration>()))
                    // Any committed change to the record evicts the cached pages and API reads.
                    .AddInterceptors(provider.GetServices<RecordsChangedInterceptor>())
                    // A cited source cannot be deleted (the editor refuses), so citations never lose their source to the filter.
                    .ConfigureWarnings(warnings => warnings.Ignore(CoreEventId.PossibleIncorrectRequiredNavigationWithQueryFilterInteractionWarning)));
        // Data Protection's keys live in the database, so every instance reads the cookies and antiforgery tokens of the
        // others. The application name is fixed: by default it is the content root, which may differ between instances.
        services.AddScoped(provider => (PostgresDialogueDbContext)provider.GetRequiredService<DialogueDbContext>());
        services.AddDataProtection().SetApplicationName("DialogueTracker").PersistKeysToDbContext<PostgresDialogueDbContext>();
        return services;
    }

    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, string connectionString) =>
        // Records carry several collections (topics, citations); one query per collection avoids row explosion. No retrying
        // execution strategy: the importer runs its own transactions, which a retrying strategy would refuse.
        options.UseNpgsql(connectionString, npgsql => npgsql.UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery));

    /// <summary>The connection string, checked: a server and a database must be named.</summary>
    public static string ConnectionString(IConfiguration configuration)
    {
        var configured = configuration.GetConnectionString(DatabaseSetup.ConnectionStringName);
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(configured);
        }
        catch (ArgumentException ex)
        {
            throw new StartupConfigurationException($"ConnectionStrings:{DatabaseSetup.ConnectionStringName} is not a PostgreSQL connection string: {ex.Message}");
        }

        if (string.IsNullOrWhiteSpace(builder.Host) || string.IsNullOrWhiteSpace(builder.Database))
        {
            throw new StartupConfigurationException(
                $"ConnectionStrings:{DatabaseSetup.ConnectionStringName} must name a server and a database for PostgreSQL (Host=...;Database=...;Username=...).");
        }

        return builder.ConnectionString;
    }
}
