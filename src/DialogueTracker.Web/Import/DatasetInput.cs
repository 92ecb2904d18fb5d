using System.Runtime.CompilerServices;

namespace DialogueTracker.Web.Import;

/// <summary>
/// A dataset the importer reads twice, once to check it and once to write it: held in memory, or a file streamed
/// afresh each time, so a file of any size is never held whole. Either way it comes in parts of at most
/// <see cref="PartSize"/> records of one kind.
/// </summary>
public sealed class DatasetInput
{
    /// <summary>Records per part: big enough that a part's queries are few, small enough that its memory is.</summary>
    public const int PartSize = 2000;

    private readonly Func<DatasetSections, CancellationToken, IAsyncEnumerable<Dataset>> _read;

    private DatasetInput(Func<DatasetSections, CancellationToken, IAsyncEnumerable<Dataset>> read) => _read = read;

    public static DatasetInput Of(Dataset dataset) => new((sections, _) => PartsOf(dataset, sections).ToAsyncEnumerable());

    /// <summary>A dataset file in the export format, read each time from the start. Reading throws JsonException for broken JSON.</summary>
    public static DatasetInput FromFile(string path) => new((sections, cancellationToken) => ReadFileAsync(path, sections, cancellationToken));

    public IAsyncEnumerable<Dataset> ReadAsync(DatasetSections sections, CancellationToken cancellationToken) => _read(sections, cancellationToken);

    private static async IAsyncEnumerable<Dataset> ReadFileAsync(string path, DatasetSections sections, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, useAsync: true);
        await foreach (var part in DatasetReader.ReadInPartsAsync(stream, PartSize, sections, cancellationToken))
        {
            yield return part;
        }
    }

    private static IEnumerable<Dataset> PartsOf(Dataset dataset, DatasetSections sections)
    {
        if (sections.HasFlag(DatasetSections.Others))
        {
            yield return dataset with { Statements = [] };
        }
        else
        {
            yield return new Dataset { Format = dataset.Format };
        }

        if (sections.HasFlag(DatasetSections.Statements))
        {
            foreach (var chunk in dataset.Statements.Chunk(PartSize))
            {
                yield return new Dataset { Format = dataset.Format, Statements = [.. chunk] };
            }
        }
    }
}
