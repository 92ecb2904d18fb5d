using System.Security.Claims;
using DialogueTracker.Web.Accounts;
using DialogueTracker.Web.Data;
using DialogueTracker.Web.Editing;
using DialogueTracker.Web.Import;
using DialogueTracker.Web.Model;
using DialogueTracker.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace DialogueTracker.Web.Api;

/// <summary>
/// The write API's shared rules: bearer tokens, editors create and update, admins delete; every write names
/// the version it read (<c>If-Match</c>), so nobody overwrites a change they have not seen.
/// The bodies are the dataset records of the import format.
/// </summary>
public static class RecordWrites
{
    public const long MaxBodyBytes = 256 * 1024;

    /// <summary>The ETag of a record version, as GET sends it and If-Match must return it.</summary>
    public static string ETagOf(Guid version) => $"\"{version:N}\"";

    public static void SetETag(HttpContext context, Guid version) => context.Response.Headers.ETag = ETagOf(version);

    public static RevisionAuthor AuthorOf(ClaimsPrincipal user) =>
        new(user.FindFirstValue(ClaimTypes.NameIdentifier), user.Identity?.Name ?? "unknown");

    public static RouteHandlerBuilder AsWrite(this RouteHandlerBuilder endpoint, bool adminOnly = false) => endpoint
        .RequireAuthorization(adminOnly ? AccountsSetup.ApiIsAdmin : AccountsSetup.ApiCanEdit)
        .RequireRateLimiting(RateLimits.Writes)
        .WithMetadata(new RequestSizeLimitAttribute(MaxBodyBytes))
        .ProducesProblem(StatusCodes.Status401Unauthorized)
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status429TooManyRequests);

    /// <summary>The version the client read, or the problem to answer: 428 without If-Match, 400 when it is not one of ours.</summary>
    public static (Guid? Version, ProblemHttpResult? Problem) ReadIfMatch(HttpContext context)
    {
        var header = context.Request.Headers.IfMatch.ToString().Trim();
        if (header.Length == 0)
        {
            return (null, TypedResults.Problem(statusCode: StatusCodes.Status428PreconditionRequired, title: "If-Match required",
                detail: "Send the ETag of the version you read (GET the record first) in an If-Match header."));
        }

        var tag = header.StartsWith("W/", StringComparison.Ordinal) ? header[2..] : header;
        return Guid.TryParseExact(tag.Trim('"'), "N", out var version)
            ? (version, null)
            : (null, TypedResults.Problem(statusCode: StatusCodes.Status412PreconditionFailed, title: "Precondition failed",
                detail: "If-Match does not name a version of this record; GET it again and send its ETag."));
    }

    /// <summary>Turns a failed edit into the problem a client can act on.</summary>
    public static IResult Failure(EditResult result, string what)
    {
        if (result.NotFound)
        {
            return ApiProblems.NotFound($"There is no {what}.");
        }

        if (result.IsConflict)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status412PreconditionFailed, title: "Precondition failed",
                detail: "The record changed since the version in If-Match. GET it again, apply your change, and send the new ETag.");
        }

        var errors = result.Problems
            .GroupBy(p => p.Field ?? "record")
            .ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray());
        return TypedResults.ValidationProblem(errors, title: "The record is not valid.");
    }

    /// <summary>Endpoint settings for POST (create): editors and admins.</summary>
    public static RouteHandlerBuilder AsCreate(this RouteHandlerBuilder endpoint, RecordType type) => endpoint
        .AsWrite()
        .WithName($"Create{Pascal(type)}")
        .WithSummary($"Adds a {EnumNames.ToName(type)}. Editors and admins.")
        .WithDescription("The body is the record as the dataset format writes it (see the schemas); `summary` is an optional edit summary for the revision. Answers 201 with the record and its ETag; 400 lists every problem by field.")
        .ProducesValidationProblem();

    /// <summary>Endpoint settings for PUT (update): editors and admins, with If-Match.</summary>
    public static RouteHandlerBuilder AsUpdate(this RouteHandlerBuilder endpoint, RecordType type) => endpoint
        .AsWrite()
        .WithName($"Update{Pascal(type)}")
        .WithSummary($"Replaces a {EnumNames.ToName(type)}. Editors and admins; needs If-Match.")
        .WithDescription("Send the ETag from GET in If-Match: a stale one is 412, none is 428. The record's key cannot change.")
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status412PreconditionFailed)
        .ProducesProblem(StatusCodes.Status428PreconditionRequired);

    /// <summary>Endpoint settings for DELETE: admins only, with If-Match.</summary>
    public static RouteHandlerBuilder AsDelete(this RouteHandlerBuilder endpoint, RecordType type) => endpoint
        .AsWrite(adminOnly: true)
        .WithName($"Delete{Pascal(type)}")
        .WithSummary($"Deletes a {EnumNames.ToName(type)} softly (an admin can restore it). Admins only; needs If-Match.")
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status412PreconditionFailed)
        .ProducesProblem(StatusCodes.Status428PreconditionRequired);

    private static string Pascal(RecordType type) => type.ToString();

    public static async Task<IResult> CreateAsync(
        RecordType type, object record, WriteContext write, Func<DialogueDbContext, int, CancellationToken, Task<(object Dto, string Location)?>> load)
    {
        var (editor, db, context, summary, cancellationToken) = (write.Editor, write.Db, write.Context, write.Summary, write.CancellationToken);
        var result = await editor.CreateAsync(type, record, AuthorOf(context.User), summary, cancellationToken);
        if (!result.Succeeded)
        {
            return Failure(result, EnumNames.ToName(type));
        }

        SetETag(context, result.Version);
        var loaded = (await load(db, result.Id, cancellationToken))!.Value;
        return TypedResults.Created(loaded.Location, loaded.Dto);
    }

    public static async Task<IResult> UpdateAsync(
        RecordType type, string key, object record, WriteContext write,
        Func<DialogueDbContext, string, CancellationToken, Task<int?>> resolve,
        Func<DialogueDbContext, int, CancellationToken, Task<(object Dto, string Location)?>> load)
    {
        var (id, version, problem) = await TargetAsync(type, key, write, resolve);
        if (problem is not null)
        {
            return problem;
        }

        var result = await write.Editor.UpdateAsync(type, id, record, version, AuthorOf(write.Context.User), write.Summary, write.CancellationToken);
        if (!result.Succeeded)
        {
            return Failure(result, EnumNames.ToName(type));
        }

        SetETag(write.Context, result.Version);
        return TypedResults.Ok((await load(write.Db, result.Id, write.CancellationToken))!.Value.Dto);
    }

    public static async Task<IResult> DeleteAsync(
        RecordType type, string key, WriteContext write, Func<DialogueDbContext, string, CancellationToken, Task<int?>> resolve)
    {
        var (id, version, problem) = await TargetAsync(type, key, write, resolve);
        if (problem is not null)
        {
            return problem;
        }

        var result = await write.Editor.DeleteAsync(type, id, version, AuthorOf(write.Context.User), write.Summary, write.CancellationToken);
        return result.Succeeded ? TypedResults.NoContent() : Failure(result, EnumNames.ToName(type));
    }

    /// <summary>The record a PUT or DELETE names, and the version the client read: or the problem (404, 428, 412) to answer with.</summary>
    private static async Task<(int Id, Guid Version, IResult? Problem)> TargetAsync(
        RecordType type, string key, WriteContext write, Func<DialogueDbContext, string, CancellationToken, Task<int?>> resolve)
    {
        if (await resolve(write.Db, key, write.CancellationToken) is not { } id)
        {
            return (0, Guid.Empty, ApiProblems.NotFound($"There is no {EnumNames.ToName(type)} '{key}'."));
        }

        var (version, problem) = ReadIfMatch(write.Context);
        return problem is not null ? (id, Guid.Empty, problem) : (id, version!.Value, null);
    }
}
