using System.Text.Json;

namespace DialogueTracker.Web.Import;

/// <summary>Reads a dataset file, turning broken JSON into a problem that says where, instead of an exception.</summary>
public static class DatasetReader
{
    public static async Task<(Dataset? Dataset, ImportProblem? Problem)> ReadAsync(Stream stream, CancellationToken cancellationToken)
    {
        try
        {
            var dataset = await JsonSerializer.DeserializeAsync<Dataset>(stream, DatasetJson.Options, cancellationToken);
            return dataset is null
                ? (null, new ImportProblem("file", null, "the file holds no dataset"))
                : (dataset, null);
        }
        catch (JsonException ex)
        {
            var where = ex.Path is null ? "" : $" at {ex.Path}";
            var line = ex.LineNumber is { } number ? $" (line {number + 1})" : "";
            return (null, new ImportProblem("file", ex.Path, $"not a dataset in the export format{where}{line}: {ex.Message.Split(". Path:")[0]}"));
        }
    }
}
