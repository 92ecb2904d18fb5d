using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;

namespace DialogueTracker.Web.Security;

/// <summary>
/// Writes are limited per API token; API reads per client address, generously. Limits come from
/// <c>RateLimiting:WritesPerMinute</c> and <c>RateLimiting:ReadsPerMinute</c> (0 turns a limit off, e.g. for load tests).
/// </summary>
public static class RateLimits
{
    public const string Writes = nameof(Writes);
    public const string Reads = nameof(Reads);

    public static IServiceCollection AddDialogueRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var writesPerMinute = configuration.GetValue("RateLimiting:WritesPerMinute", 60);
        var readsPerMinute = configuration.GetValue("RateLimiting:ReadsPerMinute", 1200);

        return services.AddRateLimiter(options =>
        {
            options.AddPolicy(Writes, context => writesPerMinute <= 0
                ? RateLimitPartition.GetNoLimiter("off")
                : RateLimitPartition.GetFixedWindowLimiter(
                    "token:" + (context.User.FindFirstValue("token_id") ?? context.Connection.RemoteIpAddress?.ToString() ?? "unknown"),
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = writesPerMinute, Window = TimeSpan.FromMinutes(1) }));
            options.AddPolicy(Reads, context => readsPerMinute <= 0
                ? RateLimitPartition.GetNoLimiter("off")
                : RateLimitPartition.GetFixedWindowLimiter(
                    "address:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown"),
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = readsPerMinute, Window = TimeSpan.FromMinutes(1) }));

            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = async (rejected, cancellationToken) =>
            {
                var response = rejected.HttpContext.Response;
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
                response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                await rejected.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = rejected.HttpContext,
                    ProblemDetails = new ProblemDetails
                    {
                        Status = StatusCodes.Status429TooManyRequests,
                        Title = "Too many requests",
                        Detail = $"Slow down: try again in {response.Headers.RetryAfter} seconds.",
                    },
                });
            };
        });
    }
}
