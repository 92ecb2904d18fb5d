using System.Text;
using CsvHelper;
using DialogueTracker.Web.Import;

namespace DialogueTracker.Web.Export;

/// <summary>Reads the CSV layout of rounds or statements (as the CSV export writes it) into a dataset.</summary>
public static class CsvImport
{
    public static async Task<(Dataset? Dataset, ImportProblem? Problem)> ReadAsync(Stream stream, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        using var csv = new CsvReader(reader, CsvExport.Configuration);
        try
        {
            if (!await csv.ReadAsync() || !csv.ReadHeader())
            {
                return (null, new ImportProblem("file", null, "the CSV file is empty"));
            }

            var header = csv.HeaderRecord!.Select(h => h.ToLowerInvariant()).ToHashSet();
            if (header.Contains("mechanism"))
            {
                var rows = new List<RoundRecord>();
                while (await csv.ReadAsync())
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    rows.Add(CsvRows.ToRecord(csv.GetRecord<CsvRows.RoundRow>()));
                }

                return (new Dataset { Rounds = rows }, null);
            }

            if (header.Contains("party"))
            {
                var rows = new List<StatementRecord>();
                while (await csv.ReadAsync())
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    rows.Add(CsvRows.ToRecord(csv.GetRecord<CsvRows.StatementRow>()));
                }

                return (new Dataset { Statements = rows }, null);
            }

            return (null, new ImportProblem("file", null, "a CSV import needs the rounds layout (with a 'mechanism' column) or the statements layout (with a 'party' column)"));
        }
        catch (Exception ex) when (ex is CsvHelperException or System.Text.Json.JsonException)
        {
            var row = csv.Parser.Row;
            return (null, new ImportProblem($"row {row}", null, $"not in the CSV layout: {ex.Message.Split(Environment.NewLine)[0]}"));
        }
    }
}
