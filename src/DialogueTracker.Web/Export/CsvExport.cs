using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using DialogueTracker.Web.Data;
using DialogueTracker.Web.Import;
using DialogueTracker.Web.Search;
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
        group.MapGet("/rounds.csv", (HttpContext context, [Microsoft.AspNetCore.Http.AsParameters] Api.FilterParameters filters, string? q, FilterParser parser, SearchRequestParser searchParser, SearchQuery search, DialogueDbContext db, CancellationToken ct) =>
                WriteAsync(context, filters, q, SearchRecordType.Round, parser, searchParser, search, "rounds", async (filter, matches, csv) =>
                {
                    var rounds = filter.Apply(db.Rounds.AsNoTracking())
                        .Where(r => matches == null || EF.Parameter(matches).Contains(r.Id))
                        .InDateOrder().ThenBy(r => r.Key)
                        .Include(r => r.Mechanism).Include(r => r.Series).Include(r => r.Topics).Include(r => r.Citations).ThenInclude(c => c.Source);
                    csv.WriteHeader<CsvRows.RoundRow>();
                    await csv.NextRecordAsync();
                    await foreach (var round in rounds.AsAsyncEnumerable().WithCancellation(ct))
                    {
                        csv.WriteRecord(CsvRows.ToRow(RecordSnapshots.ToRecord(round)));
                        await csv.NextRecordAsync();
                    }
                }, ct))
            .WithSummary("Rounds as CSV, filtered like /api/v1/rounds (no paging); with q, the rounds among the first 1,000 search results.");
        group.MapGet("/statements.csv", (HttpContext context, [Microsoft.AspNetCore.Http.AsParameters] Api.FilterParameters filters, string? q, FilterParser parser, SearchRequestParser searchParser, SearchQuery search, DialogueDbContext db, CancellationToken ct) =>
                WriteAsync(context, filters, q, SearchRecordType.Statement, parser, searchParser, search, "statements", async (filter, matches, csv) =>
                {
                    var statements = filter.Apply(db.Statements.AsNoTracking())
                        .Where(s => matches == null || EF.Parameter(matches).Contains(s.Id))
                        .InDateOrder().ThenBy(s => s.Key)
                        .Include(s => s.Round).Include(s => s.Topics).Include(s => s.Citations).ThenInclude(c => c.Source);
                    csv.WriteHeader<CsvRows.StatementRow>();
                    await csv.NextRecordAsync();
                    await foreach (var statement in statements.AsAsyncEnumerable().WithCancellation(ct))
                    {
                        csv.WriteRecord(CsvRows.ToRow(RecordSnapshots.ToRecord(statement)));
                        await csv.NextRecordAsync();
                    }
                }, ct))
            .WithSummary("Statements as CSV, filtered like /api/v1/statements (no paging); with q, the statements among the first 1,000 search results.");
    }

    /// <summary>A search's download holds at most this many of its best results.</summary>
    public const int MaxSearchRows = 1000;

    private static async Task<IResult> WriteAsync(
        HttpContext context, Api.FilterParameters filters, string? q, SearchRecordType type,
        FilterParser parser, SearchRequestParser searchParser, SearchQuery search, string name,
        Func<RecordFilter, List<int>?, CsvWriter, Task> write, CancellationToken ct)
    {
        var (filter, errors) = await filters.ParseAsync(parser, ct);
        List<int>? matches = null;
        if (q is not null && errors.Count == 0)
        {
            var (terms, _, searchFilter, searchErrors) = await searchParser.ParseAsync(q, null, filters.Mechanism, filters.Topic, filters.Party, filters.From, filters.To, ct);
            errors = searchErrors;
            if (errors.Count == 0)
            {
                matches = [];
                for (var page = 1; matches.Count < MaxSearchRows; page++)
                {
                    var results = await search.RunAsync(new SearchRequest(terms, searchFilter, type, page, 100), ct);
                    matches.AddRange(results.Hits.Select(h => h.Id));
                    if (results.Hits.Count < 100)
                    {
                        break;
                    }
                }
            }
        }

        if (errors.Count > 0)
        {
            return Api.ApiProblems.InvalidQuery(errors);
        }

        context.Response.ContentType = "text/csv; charset=utf-8";
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"dialoguetracker-{name}.csv\"";
        await using (var writer = new StreamWriter(context.Response.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 64 * 1024, leaveOpen: true))
        await using (var csv = new CsvWriter(writer, Configuration))
        {
            await write(filter, matches, csv);
            await csv.FlushAsync();
        }

        return Results.Empty;
    }
}
