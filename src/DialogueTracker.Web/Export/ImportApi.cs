using DialogueTracker.Web.Accounts;
using DialogueTracker.Web.Api;
using DialogueTracker.Web.Import;
using DialogueTracker.Web.Security;
using Microsoft.AspNetCore.Mvc;

namespace DialogueTracker.Web.Export;

public static class ImportApi
{
    /// <summary>Whole datasets are larger than single records.</summary>
    public const long MaxImportBytes = 20 * 1024 * 1024;

    public static RouteHandlerBuilder MapImport(this IEndpointRouteBuilder routes) => routes
        .MapPost("/import", ImportAsync)
        .WithTags("Export")
        .WithName("Import")
        .WithSummary("Imports a dataset (the export format), all or nothing. Admins only.")
        .WithDescription("Validated first: with dryRun=true, or when anything is wrong, nothing is written and every problem is listed with its record and field. Records are matched on their keys, so importing the same file again changes nothing. Every changed record gets a revision.")
        .RequireAuthorization(AccountsSetup.ApiIsAdmin)
        .RequireRateLimiting(RateLimits.Writes)
        .WithMetadata(new RequestSizeLimitAttribute(MaxImportBytes))
        .Accepts<Dataset>("application/json", "text/csv")
        .Produces<ImportSummary>()
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status401Unauthorized)
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status413PayloadTooLarge);

    private static async Task<IResult> ImportAsync(HttpContext context, [FromQuery] bool? dryRun, DatasetImporter importer, CancellationToken cancellationToken)
    {
        var isCsv = context.Request.ContentType?.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase) == true;
        var (dataset, problem) = isCsv
            ? await CsvImport.ReadAsync(context.Request.Body, cancellationToken)
            : await DatasetReader.ReadAsync(context.Request.Body, cancellationToken);
        var result = dataset is null
            ? new ImportResult([problem!], 0, 0)
            : await importer.ImportAsync(dataset, new ImportOptions
            {
                DryRun = dryRun == true,
                Author = RecordWrites.AuthorOf(context.User),
                Summary = "Imported through the API",
            }, cancellationToken);

        if (!result.Succeeded)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "The dataset was not imported.",
                detail: $"{result.Problems.Count} problem(s); nothing was written.",
                extensions: new Dictionary<string, object?> { ["problems"] = result.Problems });
        }

        return TypedResults.Ok(new ImportSummary(dryRun == true, result.Added, result.Changed));
    }
}

/// <summary>What an import did (or, in a dry run, would do).</summary>
/// <param name="DryRun">True when nothing was written.</param>
/// <param name="Added">Records added.</param>
/// <param name="Changed">Records changed.</param>
public sealed record ImportSummary(bool DryRun, int Added, int Changed);
