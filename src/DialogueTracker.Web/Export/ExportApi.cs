using System.Text.Json;
using System.Text.Json.Schema;
using DialogueTracker.Web.Import;

namespace DialogueTracker.Web.Export;

public static class ExportApi
{
    public static RouteGroupBuilder MapExport(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/export").WithTags("Export");
        group.MapGet("/", ExportAsync).WithName("Export")
            .WithSummary("The whole public dataset in one JSON document (the import format).")
            .WithDescription("Mechanisms, rounds, statements, topics, sources and their citations, in key order; records refer to each other by key. The document's shape is published as a JSON Schema at /api/v1/export/schema. Importing it into an empty database and exporting again gives the same document.")
            .Produces<Dataset>(StatusCodes.Status200OK, "application/json");
        group.MapGet("/schema", Schema).WithName("ExportSchema")
            .WithSummary("The JSON Schema of the export and import format.")
            .Produces(StatusCodes.Status200OK, contentType: "application/schema+json");
        group.MapCsvExport();
        return group;
    }

    private static async Task ExportAsync(HttpContext context, DatasetExporter exporter, CancellationToken cancellationToken)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.ContentDisposition = "inline; filename=\"dialoguetracker.json\"";
        await exporter.WriteAsync(context.Response.BodyWriter, cancellationToken);
    }

    private static IResult Schema()
    {
        var schema = JsonSchemaExporter.GetJsonSchemaAsNode(DatasetJson.Options, typeof(Dataset));
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema";
        schema["$id"] = "/api/v1/export/schema";
        schema["title"] = "DialogueTracker dataset";
        schema["description"] = $"Format '{Dataset.CurrentFormat}'. Records refer to one another by key (sources, rounds, statements) or slug (topics, mechanisms). Dates are EDTF strings.";
        return Results.Text(schema.ToJsonString(new JsonSerializerOptions { WriteIndented = true }), "application/schema+json");
    }
}
