using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using DialogueTracker.Web.Data;
using DialogueTracker.Web.Import;
using DialogueTracker.Web.Timeline;
using Microsoft.EntityFrameworkCore;

namespace DialogueTracker.Web.Export;

/// <summary>Rounds and statements as CSV (UTF-8 with a BOM, so Excel reads Vietnamese), streamed, for any filter.</summary>
public static class CsvExport
{
    public static readonly CsvConfiguration Configuration = new(CultureInfo.InvariantCulture)
    {
        PrepareHeaderForMatch = args => args.Header.ToLowerInvariant(),
    };

    public static void MapCsvExport(this RouteGroupBuilder group)
    {
        group.MapGet("/rounds.csv", (HttpContext context, [Microsoft.AspNetCore.Http.AsParameters] Api.FilterParameters filters, FilterParser parser, DialogueDbContext db, CancellationToken ct) =>
                WriteAsync(context, filters, parser, "rounds", async (filter, csv) =>
                {
                    var rounds = filter.Apply(db.Rounds.AsNoTracking()).InDateOrder().ThenBy(r => r.Key)
                        .Include(r => r.Mechanism).Include(r => r.Series).Include(r => r.Topics).Include(r => r.Citations).ThenInclude(c => c.Source);
                    csv.WriteHeader<CsvRows.RoundRow>();
                    await csv.NextRecordAsync();
                    await foreach (var round in rounds.AsAsyncEnumerable().WithCancellation(ct))
                    {
                        csv.WriteRecord(CsvRows.ToRow(RecordSnapshots.ToRecord(round)));
                        await csv.NextRecordAsync();
                    }
                }, ct))
            .WithSummary("Rounds as CSV, filtered like /api/v1/rounds (no paging).");
        group.MapGet("/statements.csv", (HttpContext context, [Microsoft.AspNetCore.Http.AsParameters] Api.FilterParameters filters, FilterParser parser, DialogueDbContext db, CancellationToken ct) =>
                WriteAsync(context, filters, parser, "statements", async (filter, csv) =>
                {
                    var statements = filter.Apply(db.Statements.AsNoTracking()).InDateOrder().ThenBy(s => s.Key)
                        .Include(s => s.Round).Include(s => s.Topics).Include(s => s.Citations).ThenInclude(c => c.Source);
                    csv.WriteHeader<CsvRows.StatementRow>();
                    await csv.NextRecordAsync();
                    await foreach (var statement in statements.AsAsyncEnumerable().WithCancellation(ct))
                    {
                        csv.WriteRecord(CsvRows.ToRow(RecordSnapshots.ToRecord(statement)));
                        await csv.NextRecordAsync();
                    }
                }, ct))
            .WithSummary("Statements as CSV, filtered like /api/v1/statements (no paging).");
    }

    private static async Task<IResult> WriteAsync(
        HttpContext context, Api.FilterParameters filters, FilterParser parser, string name,
        Func<RecordFilter, CsvWriter, Task> write, CancellationToken ct)
    {
        var (filter, errors) = await filters.ParseAsync(parser, ct);
        if (errors.Count > 0)
        {
            return Api.ApiProblems.InvalidQuery(errors);
        }

        context.Response.ContentType = "text/csv; charset=utf-8";
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"dialoguetracker-{name}.csv\"";
        await using (var writer = new StreamWriter(context.Response.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 64 * 1024, leaveOpen: true))
        await using (var csv = new CsvWriter(writer, Configuration))
        {
            await write(filter, csv);
            await csv.FlushAsync();
        }

        return Results.Empty;
    }
}
