using DialogueTracker.Web.Data;
using DialogueTracker.Web.Editing;
using Microsoft.AspNetCore.Mvc;

namespace DialogueTracker.Web.Api;

/// <summary>What every write endpoint needs besides its body and key.</summary>
public sealed record WriteContext
{
    /// <summary>An optional edit summary, kept with the revision.</summary>
    [FromQuery(Name = "summary")]
    public string? Summary { get; init; }

    /// <summary>Writes the change and its revision.</summary>
    [FromServices]
    public required RecordEditor Editor { get; init; }

    /// <summary>The database.</summary>
    [FromServices]
    public required DialogueDbContext Db { get; init; }

    /// <summary>The request.</summary>
    public required HttpContext Context { get; init; }

    /// <summary>Cancelled when the client goes away.</summary>
    public CancellationToken CancellationToken { get; init; }
}
