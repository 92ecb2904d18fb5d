using System.Text.Encodings.Web;
using System.Text.Unicode;
using DialogueTracker.Web.Accounts;
using DialogueTracker.Web.Api;
using DialogueTracker.Web.Caching;
using DialogueTracker.Web.Charts;
using DialogueTracker.Web.Cli;
using DialogueTracker.Web.Concerns;
using DialogueTracker.Web.Data;
using DialogueTracker.Web.Editing;
using DialogueTracker.Web.Export;
using DialogueTracker.Web.Feeds;
using DialogueTracker.Web.Import;
using DialogueTracker.Web.Localization;
using DialogueTracker.Web.Search;
using DialogueTracker.Web.Security;
using DialogueTracker.Web.Timeline;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.WebEncoders;
using Serilog;

// `generate ...` fills a benchmark database with synthetic records instead of starting the app.
if (args is ["generate", ..]) { Environment.ExitCode = await GenerateCommand.RunAsync(args[1..]); return; }

var builder = WebApplication.CreateBuilder(CommandLine.Settings(args));
if (DatabaseProviders.Problem(builder.Configuration) is { } problem) { await Console.Error.WriteLineAsync($"DialogueTracker cannot start: {problem}"); Environment.ExitCode = 1; return; }

// On SIGTERM, requests in flight get this long to finish before the process exits; keep it under the service
// manager's own stop timeout (Kubernetes waits 30 s, systemd 90 s; `docker stop` only 10 s unless --stop-timeout).
builder.Services.Configure<HostOptions>(options =>
    options.ShutdownTimeout = TimeSpan.FromSeconds(builder.Configuration.GetValue("ShutdownTimeoutSeconds", 25)));

// Logging: Serilog from configuration (console by default; a file sink can be added in appsettings).
builder.Services.AddSerilog((services, logger) => logger
    .ReadFrom.Configuration(builder.Configuration)
    .ReadFrom.Services(services)
    .Enrich.FromLogContext());

// Data: SQLite, or PostgreSQL with Database:Provider=Postgres; migrated and seeded on start.
builder.Services.AddDialogueDatabase(builder.Configuration);
builder.Services.AddScoped<DatasetImporter>();
builder.Services.AddScoped<DatasetExporter>();
builder.Services.AddScoped<FeedQuery>();
builder.Services.AddScoped<FilterParser>();
builder.Services.AddScoped<TimelineQuery>();
builder.Services.AddHostedService<TimelineWarmup>();
builder.Services.AddScoped<ChartQueries>();
builder.Services.AddScoped<ConcernQuery>();
builder.Services.AddSearch();
builder.Services.AddHealthChecks()
    .AddDbContextCheck<DialogueDbContext>(tags: ["ready"])
    .AddCheck<MigrationsAppliedCheck>("migrations", tags: ["ready"]);

// Editors: Identity accounts for the pages, bearer tokens for the write API, revisions for every change.
builder.Services.AddAccounts();
builder.Services.AddScoped<RecordEditor>();
builder.Services.AddScoped<DialogueTracker.Web.Pages.Editing.EditOptions>();
builder.Services.AddDialogueRateLimits(builder.Configuration);

// Speed: anonymous pages and API reads from the output cache until the record changes; ETags; compression.
builder.Services.AddDialogueCaching(builder.Configuration);

// Pages, and an API whose errors are RFC 9457 problem details and whose enums read as kebab-case words.
// Pages in English and Vietnamese: ?culture=vi, the language switch's cookie, then Accept-Language.
builder.Services.AddLocalization(options => options.ResourcesPath = "Resources");
builder.Services.AddSingleton<Labels>();
builder.Services.AddRazorPages(options =>
    {
        // One form adds and edits: /rounds/new and /rounds/{id}/edit.
        options.Conventions.AddPageRoute("/Rounds/Edit", "/rounds/new");
        options.Conventions.AddPageRoute("/Statements/Edit", "/statements/new");
        options.Conventions.AddPageRoute("/Topics/Edit", "/topics/new");
        options.Conventions.AddPageRoute("/Sources/Edit", "/sources/new");
        options.Conventions.AddPageRoute("/Concerns/Edit", "/concerns/new");
    })
    .AddViewLocalization();
builder.Services.Configure<RequestLocalizationOptions>(options => options
    .SetDefaultCulture(Cultures.English)
    .AddSupportedCultures(Cultures.Supported)
    .AddSupportedUICultures(Cultures.Supported));
// Vietnamese and typographic characters go out as themselves, not as &#x...; entities.
builder.Services.Configure<WebEncoderOptions>(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
// Every problem names its request, as the X-Request-Id header and the logs do, so a report can be traced.
builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
    context.ProblemDetails.Extensions["requestId"] = context.HttpContext.TraceIdentifier);
// A full disk, a read-only database or a lock held too long is a 503 with Retry-After, not a 500.
builder.Services.AddExceptionHandler<DatabaseUnavailableHandler>();
// Text the database cannot hold (a NUL, on PostgreSQL) is bad input: a 400, not a 500.
builder.Services.AddExceptionHandler<UnstorableText>();
builder.Services.ConfigureHttpJsonOptions(options => ApiJson.Configure(options.SerializerOptions));
builder.Services.Configure<Microsoft.AspNetCore.Mvc.JsonOptions>(options => ApiJson.Configure(options.JsonSerializerOptions));
builder.Services.AddDialogueOpenApi();

var app = builder.Build();

// Backup and restore take the database file as it is: no migration, no seeding.
if (args is ["backup", ..]) { Environment.ExitCode = await BackupCommand.RunAsync(app.Services, args[1..]); return; }
if (args is ["restore", ..]) { Environment.ExitCode = await RestoreCommand.RunAsync(app.Services, args[1..]); return; }

// A mistyped file name is said at once, before a database is created and migrated for nothing.
if (args is ["import", ..] && ImportCommand.Problem(args[1..]) is { } importProblem) { await Console.Error.WriteLineAsync(importProblem); Environment.ExitCode = 2; return; }

// An import into a new database gets the file's records only, not the seed data as well. `migrate` migrates (and
// seeds) even where Database:Migrate is false, then exits: the one step of an upgrade with several instances.
// On its own thread: for the server, it runs beside the building of the request pipeline below (a few hundred
// milliseconds of one core each, EF Core's model most of it), and the server listens once both are done.
var initialization = Task.Run(() => app.Services.InitializeDatabaseAsync(seed: args is not ["import", ..], migrate: args is ["migrate", ..]));
if (args is ["migrate" or "create-admin" or "import", ..])
{
    if (!await InitializedAsync(initialization)) { return; }
    if (args is ["migrate", ..]) { await Console.Out.WriteLineAsync("The database is migrated."); return; }

    // Commands that work on this database instead of starting the app.
    if (args is ["create-admin", ..]) { Environment.ExitCode = await CreateAdminCommand.RunAsync(app.Services, args[1..]); return; }
    if (args is ["import", ..]) { Environment.ExitCode = await ImportCommand.RunAsync(app.Services, args[1..]); return; }
}

app.Use((context, next) =>
{
    // Added as the response starts: the exception handler clears headers set earlier, and errors need the id most.
    context.Response.OnStarting(() =>
    {
        context.Response.Headers["X-Request-Id"] = context.TraceIdentifier;
        return Task.CompletedTask;
    });
    return next(context);
});
app.UseSerilogRequestLogging();
app.UseSecurityHeaders();
app.UseRequestLocalization();

// Errors: problem details for the API, friendly pages for people.
app.UseWhen(context => context.Request.Path.StartsWithSegments("/api"), api =>
{
    api.UseExceptionHandler();
    api.UseStatusCodePages();
});
app.UseWhen(context => !context.Request.Path.StartsWithSegments("/api"), site =>
{
    site.UseExceptionHandler("/error");
    site.UseStatusCodePagesWithReExecute("/error/{0}");
});

app.UseRouting();
app.UseRequestSizeLimits();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();
app.UseDialogueOutputCache();
// Inside the output cache, which so keeps compressed bodies: a hit is sent as stored, not compressed again each time.
app.UseResponseCompression();
app.UseMiddleware<ApiETags>();
app.MapStaticAssets();
app.UseDialogueOpenApi();
// Live: the process answers. Ready: the database answers and is migrated. /health is both, as before.
app.MapHealthChecks("/health");
app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
app.MapRazorPages().WithStaticAssets();
app.MapLanguageSwitch();
app.MapFeeds();

var api = app.MapGroup("/api/v1").RequireRateLimiting(RateLimits.Reads);
api.MapMechanisms();
api.MapRounds();
api.MapStatements();
api.MapTopics();
api.MapSources();
api.MapConcerns();
api.MapTimeline();
api.MapSearch();
api.MapExport();
api.MapImport();

if (!await InitializedAsync(initialization)) { return; }
app.Run();

// False, having said why in one line, for a database this build cannot or must not use.
static async Task<bool> InitializedAsync(Task initialization)
{
    try
    {
        await initialization;
        return true;
    }
    catch (Exception ex) when (ex is NewerDatabaseException or StartupConfigurationException or System.Data.Common.DbException or IOException or UnauthorizedAccessException)
    {
        // No stack trace, and a failing exit code.
        await Console.Error.WriteLineAsync($"DialogueTracker cannot start: {ex.Message}");
        Environment.ExitCode = 1;
        return false;
    }
}
