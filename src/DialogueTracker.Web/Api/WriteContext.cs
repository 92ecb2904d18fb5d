using DialogueTracker.Web.Data;
using DialogueTracker.Web.Editing;
using Microsoft.AspNetCore.Mvc;

namespace DialogueTracker.Web.Api;

/// <summary>What every write endpoint needs besides its body and key.</summary>
/// <param name="Summary">An optional edit summary, kept with the revision.</param>
/// <param name="Editor">Writes the change and its revision.</param>
/// <param name="Db">The database.</param>
/// <param name="Context">The request.</param>
/// <param name="CancellationToken">Cancelled when the client goes away.</param>
public sealed record WriteContext(
    [FromQuery(Name = "summary")] string? Summary,
    RecordEditor Editor,
    DialogueDbContext Db,
    HttpContext Context,
    CancellationToken CancellationToken);
