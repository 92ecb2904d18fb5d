using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace DialogueTracker.Web.Data;

/// <summary>
/// Answers the API's <see cref="DatabaseUnavailable"/> failures with a 503 problem and Retry-After instead of a 500.
/// Pages get the same status and a plain message from the error page.
/// </summary>
public sealed class DatabaseUnavailableHandler(IProblemDetailsService problems, ILogger<DatabaseUnavailableHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (!context.Request.Path.StartsWithSegments("/api") || DatabaseUnavailable.Classify(exception) is not { } kind)
        {
            return false;
        }

        // Handled exceptions are not logged by the middleware: the operator still needs to hear about a full disk.
        logger.LogWarning(exception, "Database unavailable ({Kind}) for {Method} {Path}", kind, context.Request.Method, context.Request.Path);
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = DatabaseUnavailable.RetryAfterSeconds(kind).ToString(CultureInfo.InvariantCulture);
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "The database cannot take writes just now",
                Detail = DatabaseUnavailable.Detail(kind),
            },
        });
    }
}
