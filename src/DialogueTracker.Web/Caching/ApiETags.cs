using System.Security.Cryptography;
using Microsoft.Net.Http.Headers;

namespace DialogueTracker.Web.Caching;

/// <summary>
/// Gives every API read an ETag (a record's version where the endpoint sets one, else a hash of the body) and answers
/// a matching <c>If-None-Match</c> with 304 Not Modified, so a client polling for changes downloads nothing new.
/// </summary>
public sealed class ApiETags(RequestDelegate next)
{
    // Streamed downloads can be large; they are not buffered to be hashed.
    private static readonly string[] Streamed = ["/api/v1/export"];

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method)
            || !request.Path.StartsWithSegments("/api") || Streamed.Any(prefix => request.Path.StartsWithSegments(prefix)))
        {
            await next(context);
            return;
        }

        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }

        var response = context.Response;
        if (response.StatusCode == StatusCodes.Status200OK)
        {
            if (string.IsNullOrEmpty(response.Headers.ETag))
            {
                // Weak: the same content may go out compressed in different ways.
                var hash = SHA256.HashData(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
                response.Headers.ETag = $"W/\"{Convert.ToHexStringLower(hash, 0, 16)}\"";
            }

            if (Matches(request.Headers.IfNoneMatch, response.Headers.ETag.ToString()))
            {
                response.StatusCode = StatusCodes.Status304NotModified;
                response.ContentLength = null;
                response.Headers.ContentType = default;
                return;
            }
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(original, context.RequestAborted);
    }

    /// <summary>If-None-Match compares weakly (RFC 9110): W/"x" matches "x".</summary>
    private static bool Matches(Microsoft.Extensions.Primitives.StringValues ifNoneMatch, string etag)
    {
        if (ifNoneMatch.Count == 0 || !EntityTagHeaderValue.TryParse(etag, out var current))
        {
            return false;
        }

        return EntityTagHeaderValue.TryParseList(ifNoneMatch, out var tags)
            && tags.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(current, useStrongComparison: false));
    }
}
