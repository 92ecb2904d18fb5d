using System.Globalization;
using System.IO.Compression;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.ResponseCompression;

namespace DialogueTracker.Web.Caching;

/// <summary>
/// Anonymous pages and API reads are served from the output cache until an edit or import changes the record
/// (<see cref="RecordsChangedInterceptor"/> evicts them after a save here, <see cref="IDatabaseChangeMonitor"/> after any other write); API reads carry ETags, so a client that has one gets a 304;
/// responses are compressed with Brotli or gzip before the cache stores them.
/// </summary>
public static class CachingSetup
{
    /// <summary>The tag every cached response carries: any change to the record evicts them all.</summary>
    public const string RecordsTag = "records";

    /// <summary><c>ConnectionStrings:Redis</c>: when set, the output cache lives in Redis (StackExchange.Redis configuration, e.g. <c>redis:6379</c>).</summary>
    public const string RedisConnectionStringName = "Redis";

    // Pages with forms that carry antiforgery tokens, or that only signed-in people see, are never cached.
    private static readonly string[] NeverCached = ["/account", "/admin", "/history", "/health", "/api/v1/export", "/api/v1/import", "/language", "/swagger"];

    /// <summary>
    /// The output cache, skipped for endpoints it never stores (<see cref="NeverOutputCached{TBuilder}"/>): it would
    /// still run every policy for each of their requests only to learn that, 4% of the CPU of a read of one statement
    /// under load. Routing has chosen the endpoint by now.
    /// </summary>
    public static IApplicationBuilder UseDialogueOutputCache(this IApplicationBuilder app) =>
        app.UseWhen(
            context => context.GetEndpoint()?.Metadata.GetMetadata<NotOutputCached>() is null,
            cached => cached.UseOutputCache().UseOutputCacheRenders());

    /// <summary>
    /// An endpoint whose responses the output cache never stores: a no-cache policy, and metadata that keeps the output
    /// cache's middleware out of its requests.
    /// </summary>
    public static TBuilder NeverOutputCached<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.CacheOutput(policy => policy.NoCache()).WithMetadata(NotOutputCached.Instance);

    /// <summary>
    /// An endpoint that sets its record's ETag before it writes and answers a matching <c>If-None-Match</c> itself
    /// (<see cref="ApiETags.IsNotModified"/>): its body goes out as written, not through <see cref="ApiETags"/>'
    /// wrapper, which cost the read of one statement, the most frequent uncached read, a second pipe for every body.
    /// </summary>
    public static TBuilder AnswersIfNoneMatch<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(ApiETags.OwnETag.Instance);

    /// <summary>Endpoint metadata: see <see cref="NeverOutputCached{TBuilder}"/>.</summary>
    public sealed class NotOutputCached
    {
        public static readonly NotOutputCached Instance = new();

        private NotOutputCached()
        {
        }
    }

    /// <summary>
    /// After <c>UseOutputCache</c>: a response the output cache may store is rendered to its end even when its client
    /// goes away. Requests for the same page wait for that render (locking) and are served from it; cut short, it would
    /// hand them its failure or a truncated page (dotnet/aspnetcore#52310; the fix, #68770, is not in 10.0.12). A render
    /// takes milliseconds, so finishing one nobody waits for costs little.
    /// </summary>
    private static IApplicationBuilder UseOutputCacheRenders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        if (context.Features.Get<IOutputCacheFeature>()?.Context is { EnableOutputCaching: true, AllowCacheStorage: true })
        {
            context.RequestAborted = CancellationToken.None;
        }

        return next(context);
    });

    /// <summary>
    /// The output cache cannot key a query holding its own delimiters (control characters 0x1E, 0x1F) and, with locking,
    /// would let such requests share one render (dotnet/aspnetcore#67763): they are not cached.
    /// </summary>
    private static bool HasKeyDelimiter(QueryString query) =>
        query.Value is { } text && (text.Contains("%1e", StringComparison.OrdinalIgnoreCase) || text.Contains("%1f", StringComparison.OrdinalIgnoreCase)
            || text.Contains('\u001e') || text.Contains('\u001f'));

    /// <summary>
    /// The encoding response compression chooses for this request (br, gzip), or identity: the key that keeps a
    /// Brotli body from a client that did not ask for one, without an entry for every way of writing Accept-Encoding.
    /// </summary>
    private static string NegotiatedEncoding(HttpContext context) =>
        context.RequestServices.GetRequiredService<IResponseCompressionProvider>().GetCompressionProvider(context)?.EncodingName ?? "identity";

    public static IServiceCollection AddDialogueCaching(this IServiceCollection services, IConfiguration configuration)
    {
        var minutes = configuration.GetValue("Caching:Minutes", 10);
        services.AddOutputCache(options =>
        {
            options.SizeLimit = configuration.GetValue("Caching:SizeLimitMegabytes", 32L) * 1024 * 1024;
            // The default policy already caches only anonymous GET and HEAD 200s that set no cookie, varied by host and query.
            options.AddBasePolicy(policy => policy
                .With(context => minutes > 0 && !NeverCached.Any(prefix => context.HttpContext.Request.Path.StartsWithSegments(prefix))
                    && !HasKeyDelimiter(context.HttpContext.Request.QueryString))
                .SetVaryByRouteValue("id", "slug")
                .VaryByValue(_ => new("culture", CultureInfo.CurrentUICulture.Name))
                // Compression runs inside the cache, so an entry holds the body in the encoding its client was sent.
                .VaryByValue(context => new("encoding", NegotiatedEncoding(context)))
                .AddPolicy<DatabaseChangePolicy>()
                // Locking (the default): requests for a page being rendered wait for that one render and are served from
                // it. The render must then not stop when its own client goes away (see UseOutputCacheRenders).
                .Tag(RecordsTag)
                .Expire(TimeSpan.FromMinutes(Math.Max(minutes, 1))));
        });
        services.AddSingleton<RecordsChangedInterceptor>();
        // Several instances share one cache in Redis: an edit through one evicts what every instance serves.
        if (configuration.GetConnectionString(RedisConnectionStringName) is { Length: > 0 } redis)
        {
            services.AddStackExchangeRedisOutputCache(options =>
            {
                // A cache that is down must not slow the site down: connect in the background and, while disconnected,
                // fail at once (the request is then served uncached) rather than wait for a connection on every request.
                var redisOptions = StackExchange.Redis.ConfigurationOptions.Parse(redis);
                redisOptions.AbortOnConnectFail = false;
                redisOptions.BacklogPolicy = StackExchange.Redis.BacklogPolicy.FailFast;
                options.ConfigurationOptions = redisOptions;
                options.InstanceName = "dialoguetracker:";
            });
        }


        services.AddResponseCompression(options =>
        {
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
            options.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(
                ["application/problem+json", "application/atom+xml", "text/calendar", "image/svg+xml", "text/csv"]);
        });
        // Brotli at its middle level (quality 4): a cached page is compressed once per render, not once per request. At
        // Fastest (quality 1) Brotli compresses each write on its own, and a page streamed from Razor came out half again
        // as large (a timeline page 12.3 KB against 6.7 KB). Gzip's Fastest has no such loss, and keeps uncached API reads
        // cheap for the clients that ask for gzip, as most HTTP libraries do.
        services.Configure<BrotliCompressionProviderOptions>(options => options.Level = CompressionLevel.Optimal);
        services.Configure<GzipCompressionProviderOptions>(options => options.Level = CompressionLevel.Fastest);
        return services;
    }
}
