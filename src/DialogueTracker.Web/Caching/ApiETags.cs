using System.Security.Cryptography;
using Microsoft.Net.Http.Headers;

namespace DialogueTracker.Web.Caching;

/// <summary>
/// Gives every API read an ETag (a record's version where the endpoint sets one, else a hash of the body) and answers
/// a matching <c>If-None-Match</c> with 304 Not Modified, so a client polling for changes downloads nothing new.
/// An endpoint marked <see cref="CachingSetup.AnswersIfNoneMatch{TBuilder}"/> does both itself and is left alone.
/// </summary>
public sealed class ApiETags(RequestDelegate next)
{
    // Streamed downloads can be large; they are not buffered to be hashed.
    private static readonly string[] Streamed = ["/api/v1/export"];

    /// <summary>True when the ETag the response carries matches the request's <c>If-None-Match</c>: answer 304.</summary>
    public static bool IsNotModified(HttpContext context) =>
        Matches(context.Request.Headers.IfNoneMatch, context.Response.Headers.ETag.ToString());

    /// <summary>Endpoint metadata: see <see cref="CachingSetup.AnswersIfNoneMatch{TBuilder}"/>.</summary>
    public sealed class OwnETag
    {
        public static readonly OwnETag Instance = new();

        private OwnETag()
        {
        }
    }

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method)
            || !request.Path.StartsWithSegments("/api") || Streamed.Any(prefix => request.Path.StartsWithSegments(prefix))
            || context.GetEndpoint()?.Metadata.GetMetadata<OwnETag>() is not null)
        {
            await next(context);
            return;
        }

        var original = context.Response.Body;
        await using var body = new ETaggedBody(context, original);
        context.Response.Body = body;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }

        await body.CompleteAsync(context.RequestAborted);
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

    /// <summary>
    /// The response body, decided at its first write: a 200 whose endpoint has set its ETag (a record read, the most
    /// frequent) goes straight through, or is dropped for a 304; any other 200 is held back to be hashed. Holding
    /// every body back cost a record read a copy and a growing buffer.
    /// </summary>
    private sealed class ETaggedBody(HttpContext context, Stream inner) : Stream
    {
        private Stream? _target;
        private MemoryStream? _held;

        private Stream Target => _target ??= Decide();

        private Stream Decide()
        {
            var response = context.Response;
            if (response.StatusCode != StatusCodes.Status200OK)
            {
                return inner;
            }

            if (string.IsNullOrEmpty(response.Headers.ETag))
            {
                return _held = new MemoryStream();
            }

            if (IsNotModified(context))
            {
                NotModified(response);
                return Null;
            }

            return inner;
        }

        /// <summary>After the endpoint: a held-back body gets its hash as ETag, then goes out or becomes a 304.</summary>
        public async Task CompleteAsync(CancellationToken cancellationToken)
        {
            // Nothing written (a HEAD): decided now, as for an empty body.
            if (Target != _held || _held is null)
            {
                return;
            }

            var response = context.Response;
            // Weak: the same content may go out compressed in different ways.
            var hash = SHA256.HashData(_held.GetBuffer().AsSpan(0, (int)_held.Length));
            response.Headers.ETag = $"W/\"{Convert.ToHexStringLower(hash, 0, 16)}\"";
            if (IsNotModified(context))
            {
                NotModified(response);
                return;
            }

            _held.Position = 0;
            await _held.CopyToAsync(inner, cancellationToken);
        }

        private static void NotModified(HttpResponse response)
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            response.ContentLength = null;
            response.Headers.ContentType = default;
        }

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => Target.Write(buffer, offset, count);

        public override void Write(ReadOnlySpan<byte> buffer) => Target.Write(buffer);

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Target.WriteAsync(buffer, offset, count, cancellationToken);

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
            Target.WriteAsync(buffer, cancellationToken);

        // A flush before any write decides nothing: the status and headers may still change.
        public override void Flush() => _target?.Flush();

        public override Task FlushAsync(CancellationToken cancellationToken) => _target?.FlushAsync(cancellationToken) ?? Task.CompletedTask;

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _held?.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
