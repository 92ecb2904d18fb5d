using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Npgsql;

namespace DialogueTracker.Web.Data;

/// <summary>
/// Text the database cannot hold is the request's fault, not the app's: PostgreSQL refuses a NUL character in any text
/// (SQLSTATE 22021), whether it is to be stored or only compared. Such a request is a 400 problem, as other bad input is.
/// </summary>
public sealed class UnstorableText(IProblemDetailsService problems) : IExceptionHandler
{
    public static bool Is(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is PostgresException { SqlState: "22021" or "22P05" })
            {
                return true;
            }
        }

        return false;
    }

    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (!context.Request.Path.StartsWithSegments("/api") || !Is(exception))
        {
            return false;
        }

        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "The request holds a character that cannot be stored",
                Detail = "Text may not contain NUL (U+0000) characters. Nothing was saved.",
            },
        });
    }
}
