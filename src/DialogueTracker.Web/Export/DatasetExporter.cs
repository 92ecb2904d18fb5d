using System.IO.Pipelines;
using System.Text.Json;
using DialogueTracker.Web.Concerns;
using DialogueTracker.Web.Data;
using DialogueTracker.Web.Import;
using Microsoft.EntityFrameworkCore;

namespace DialogueTracker.Web.Export;

/// <summary>
/// Writes the whole public dataset in the import format, streaming: records go out as they are read, in key
/// order, so the document is the same whichever database it comes from, and memory does not grow with the data.
/// Deleted records are left out.
/// </summary>
public sealed class DatasetExporter(DialogueDbContext db)
{
    private const int FlushBytes = 64 * 1024;

    public async Task WriteAsync(Stream output, CancellationToken cancellationToken)
    {
        var pipe = PipeWriter.Create(output, new StreamPipeWriterOptions(leaveOpen: true));
        await WriteAsync(pipe, cancellationToken);
        await pipe.CompleteAsync();
    }

    /// <summary>
    /// Writes into the pipe's buffer (never blocking on I/O) and hands each filled stretch to the client asynchronously.
    /// </summary>
    public async Task WriteAsync(PipeWriter output, CancellationToken cancellationToken)
    {
        await using var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = DatasetJson.Compact.Encoder, Indented = false });
        writer.WriteStartObject();
        writer.WriteString("format", Dataset.CurrentFormat);
        var sent = 0L;
        async Task SendAsync()
        {
            writer.Flush();
            if (writer.BytesCommitted - sent > FlushBytes)
            {
                sent = writer.BytesCommitted;
                await output.FlushAsync(cancellationToken);
            }
        }


        await WriteArrayAsync(writer, "sources",
            db.Sources.AsNoTracking().Include(s => s.Original).OrderBy(s => s.Key),
            RecordSnapshots.ToRecord, SendAsync, cancellationToken);
        await WriteArrayAsync(writer, "topics",
            db.Topics.AsNoTracking().Include(t => t.Parent).Include(t => t.Citations).ThenInclude(c => c.Source).OrderBy(t => t.Slug),
            RecordSnapshots.ToRecord, SendAsync, cancellationToken);
        await WriteArrayAsync(writer, "mechanisms",
            db.Mechanisms.AsNoTracking().Include(m => m.Series).Include(m => m.Citations).ThenInclude(c => c.Source).OrderBy(m => m.Slug),
            RecordSnapshots.ToRecord, SendAsync, cancellationToken);
        await WriteArrayAsync(writer, "rounds",
            db.Rounds.AsNoTracking().Include(r => r.Mechanism).Include(r => r.Series).Include(r => r.Topics)
                .Include(r => r.Citations).ThenInclude(c => c.Source).OrderBy(r => r.Key),
            RecordSnapshots.ToRecord, SendAsync, cancellationToken);
        await WriteArrayAsync(writer, "statements",
            db.Statements.AsNoTracking().Include(s => s.Round).Include(s => s.Topics)
                .Include(s => s.Citations).ThenInclude(c => c.Source).OrderBy(s => s.Key),
            RecordSnapshots.ToRecord, SendAsync, cancellationToken);
        // A mention's link to a deleted round, statement or report is left out with the record; the mention stays.
        await WriteArrayAsync(writer, "concerns", ConcernQueries.ForSnapshot(db.Concerns.AsNoTracking()).OrderBy(c => c.Key),
            RecordSnapshots.ToRecord, SendAsync, cancellationToken);

        writer.WriteEndObject();
        writer.Flush();
        await output.FlushAsync(cancellationToken);
    }

    private static async Task WriteArrayAsync<TEntity, TRecord>(
        Utf8JsonWriter writer, string name, IQueryable<TEntity> query, Func<TEntity, TRecord> toRecord, Func<Task> send, CancellationToken cancellationToken)
    {
        writer.WritePropertyName(name);
        writer.WriteStartArray();
        await foreach (var entity in query.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            // Serialize flushes the writer into the pipe's memory: no I/O happens until send().
            JsonSerializer.Serialize(writer, toRecord(entity), DatasetJson.Compact);
            await send();
        }

        writer.WriteEndArray();
    }
}
