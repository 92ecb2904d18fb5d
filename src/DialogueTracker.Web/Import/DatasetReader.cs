using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace DialogueTracker.Web.Import;

/// <summary>
/// Reads dataset files. <see cref="ReadAsync"/> reads a whole (small) document; <see cref="ReadInPartsAsync"/> streams
/// one record at a time, handing back parts of at most a few thousand records, so a large file is never held whole.
/// Broken JSON becomes a problem that says where, instead of an exception.
/// </summary>
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
            return (null, ToProblem(ex));
        }
    }

    public static ImportProblem ToProblem(JsonException ex)
    {
        var where = ex.Path is null ? "" : $" at {ex.Path}";
        var line = ex.LineNumber is { } number ? $" (line {number + 1})" : "";
        return new ImportProblem("file", ex.Path, $"not a dataset in the export format{where}{line}: {ex.Message.Split(". Path:")[0]}");
    }

    /// <summary>
    /// The file's records in file order, as datasets of up to <paramref name="partSize"/> records of one kind each
    /// (the format, when the file names one, comes as a part of its own). Records of sections left out are skipped
    /// unread. Throws <see cref="JsonException"/> for broken JSON.
    /// </summary>
    public static async IAsyncEnumerable<Dataset> ReadInPartsAsync(
        Stream stream, int partSize, DatasetSections sections, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(1024 * 1024);
        try
        {
            var parser = new PartParser(partSize, sections);
            var state = new JsonReaderState(new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            var filled = 0;
            var final = false;
            while (!parser.Done)
            {
                if (!final)
                {
                    var read = await stream.ReadAsync(buffer.AsMemory(filled), cancellationToken);
                    final = read == 0;
                    filled += read;
                }

                var consumed = parser.Parse(buffer.AsSpan(0, filled), final, ref state);
                foreach (var part in parser.TakeParts())
                {
                    yield return part;
                }

                if (!parser.Done && final)
                {
                    throw new JsonException("the file ends before the dataset does");
                }

                // Keep the unread rest; a record longer than the buffer makes the buffer grow.
                filled -= consumed;
                buffer.AsSpan(consumed, filled).CopyTo(buffer);
                if (filled == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, filled).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Walks the document's outer object and its record arrays, one whole record at a time.</summary>
    private sealed class PartParser(int partSize, DatasetSections sections)
    {
        private readonly List<Dataset> _ready = [];
        private Position _position = Position.Start;
        private string? _section;
        private int _index;
        private Dataset? _part;

        private enum Position { Start, InObject, BeforeValue, InArray, Done }

        public bool Done => _position == Position.Done;

        public List<Dataset> TakeParts()
        {
            var parts = _ready.ToList();
            _ready.Clear();
            return parts;
        }

        /// <summary>Reads as far as the data allows; returns how many bytes were used, leaving any incomplete token or record.</summary>
        public int Parse(ReadOnlySpan<byte> data, bool final, ref JsonReaderState state)
        {
            var reader = new Utf8JsonReader(data, final, state);
            var done = reader;
            while (_position != Position.Done)
            {
                if (!Step(ref reader))
                {
                    break;
                }

                done = reader;
            }

            state = done.CurrentState;
            return (int)done.BytesConsumed;
        }

        private bool Step(ref Utf8JsonReader reader)
        {
            switch (_position)
            {
                case Position.Start:
                    if (!reader.Read())
                    {
                        return false;
                    }

                    _position = reader.TokenType == JsonTokenType.StartObject ? Position.InObject
                        : throw new JsonException("a dataset is a JSON object", "$", null, null);
                    return true;

                case Position.InObject:
                    if (!reader.Read())
                    {
                        return false;
                    }

                    if (reader.TokenType == JsonTokenType.EndObject)
                    {
                        _position = Position.Done;
                        return true;
                    }

                    _section = reader.GetString()!.ToLowerInvariant();
                    _position = Position.BeforeValue;
                    return true;

                case Position.BeforeValue:
                    return ReadValue(ref reader);

                case Position.InArray:
                    return ReadRecord(ref reader);

                default:
                    return false;
            }
        }

        private bool ReadValue(ref Utf8JsonReader reader)
        {
            var start = reader;
            if (!reader.Read())
            {
                return false;
            }

            if (_section is "sources" or "topics" or "mechanisms" or "rounds" or "statements" or "concerns" && reader.TokenType == JsonTokenType.StartArray)
            {
                _index = 0;
                _position = Position.InArray;
                return true;
            }

            if (_section == "format" && reader.TokenType == JsonTokenType.String)
            {
                _ready.Add(new Dataset { Format = reader.GetString()! });
            }
            else if (_section is "format" or "sources" or "topics" or "mechanisms" or "rounds" or "statements" or "concerns" && reader.TokenType != JsonTokenType.Null)
            {
                throw new JsonException($"'{_section}' has the wrong type", $"$.{_section}", null, null);
            }
            else if (!reader.TrySkip())
            {
                // Another property, ignored as the whole-document reader ignores it, once it is all here.
                reader = start;
                return false;
            }

            _position = Position.InObject;
            return true;
        }

        private bool ReadRecord(ref Utf8JsonReader reader)
        {
            var start = reader;
            if (!reader.Read())
            {
                return false;
            }

            if (reader.TokenType == JsonTokenType.EndArray)
            {
                Flush();
                _position = Position.InObject;
                return true;
            }

            var whole = reader;
            if (!whole.TrySkip())
            {
                reader = start;
                return false;
            }

            var path = $"$.{_section}[{_index}]";
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                throw new JsonException("a record is a JSON object", path, null, null);
            }

            if (!sections.HasFlag(_section == "statements" ? DatasetSections.Statements : DatasetSections.Others))
            {
                reader = whole;
                _index++;
                return true;
            }

            try
            {
                var part = _part ??= new Dataset();
                switch (_section)
                {
                    case "sources": part.Sources.Add(JsonSerializer.Deserialize<SourceRecord>(ref reader, DatasetJson.Options)!); break;
                    case "topics": part.Topics.Add(JsonSerializer.Deserialize<TopicRecord>(ref reader, DatasetJson.Options)!); break;
                    case "mechanisms": part.Mechanisms.Add(JsonSerializer.Deserialize<MechanismRecord>(ref reader, DatasetJson.Options)!); break;
                    case "rounds": part.Rounds.Add(JsonSerializer.Deserialize<RoundRecord>(ref reader, DatasetJson.Options)!); break;
                    case "concerns": part.Concerns.Add(JsonSerializer.Deserialize<ConcernRecord>(ref reader, DatasetJson.Options)!); break;
                    default: part.Statements.Add(JsonSerializer.Deserialize<StatementRecord>(ref reader, DatasetJson.Options)!); break;
                }
            }
            catch (JsonException ex)
            {
                // The serializer names the path within the record; the problem names it within the file.
                throw new JsonException(ex.Message.Split(". Path:")[0], path + ex.Path?.TrimStart('$'), ex.LineNumber, ex.BytePositionInLine);
            }

            if (++_index % partSize == 0)
            {
                Flush();
            }

            return true;
        }

        private void Flush()
        {
            if (_part is not null)
            {
                _ready.Add(_part);
                _part = null;
            }
        }
    }
}
