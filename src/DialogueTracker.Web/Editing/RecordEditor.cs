using System.Text.Json;
using DialogueTracker.Web.Concerns;
using DialogueTracker.Web.Data;
using DialogueTracker.Web.Import;
using DialogueTracker.Web.Model;
using Microsoft.EntityFrameworkCore;

namespace DialogueTracker.Web.Editing;

/// <summary>
/// Every change an editor makes, from a form or the write API: create, update, delete, restore and revert.
/// Creates and updates go through the importer, so they are validated the same way and leave revisions;
/// deletes are soft; a stale version is refused rather than overwritten.
/// </summary>
public sealed class RecordEditor(DialogueDbContext db, DatasetImporter importer)
{
    public async Task<EditResult> CreateAsync(RecordType type, object record, RevisionAuthor author, string? summary, CancellationToken cancellationToken)
    {
        var key = KeyOf(record);
        if (!string.IsNullOrWhiteSpace(key) && await FindIdAsync(type, key, cancellationToken) is not null)
        {
            return EditResult.Problem(KeyField(type), $"'{key}' is already used by another {EnumNames.ToName(type)}");
        }

        return await WriteAsync(type, record, author, RevisionAction.Create, summary, expected: null, cancellationToken);
    }

    /// <summary>Updates record <paramref name="id"/>; its key stays what it was, whatever the record says.</summary>
    public async Task<EditResult> UpdateAsync(
        RecordType type, int id, object record, Guid expectedVersion, RevisionAuthor author, string? summary, CancellationToken cancellationToken)
    {
        var existing = await LoadAsync(type, id, includeDeleted: false, cancellationToken);
        if (existing is null)
        {
            return EditResult.Missing;
        }

        if (existing.Entity.Version != expectedVersion)
        {
            return Stale(existing);
        }

        db.ChangeTracker.Clear();
        return await WriteAsync(type, WithKey(record, existing.Key), author, RevisionAction.Update, summary, expectedVersion, cancellationToken);
    }

    public async Task<EditResult> DeleteAsync(RecordType type, int id, Guid expectedVersion, RevisionAuthor author, string? summary, CancellationToken cancellationToken)
    {
        var existing = await LoadAsync(type, id, includeDeleted: false, cancellationToken);
        if (existing is null)
        {
            return EditResult.Missing;
        }

        if (existing.Entity.Version != expectedVersion)
        {
            return Stale(existing);
        }

        if (await WhyNotDeletableAsync(type, id, cancellationToken) is { } reason)
        {
            return EditResult.Problem("record", reason);
        }

        var before = existing.Snapshot();
        existing.Entity.DeletedAt = DateTimeOffset.UtcNow;
        return await SaveWithRevisionAsync(type, existing, RevisionAction.Delete, before, after: null, author, summary, cancellationToken);
    }

    public async Task<EditResult> RestoreAsync(RecordType type, int id, RevisionAuthor author, string? summary, CancellationToken cancellationToken)
    {
        var existing = await LoadAsync(type, id, includeDeleted: true, cancellationToken);
        if (existing is null || existing.Entity.DeletedAt is null)
        {
            return EditResult.Missing;
        }

        existing.Entity.DeletedAt = null;
        var snapshot = existing.Snapshot();
        return await SaveWithRevisionAsync(type, existing, RevisionAction.Restore, before: null, after: snapshot, author, summary, cancellationToken);
    }

    /// <summary>Brings a record back to how it read after revision <paramref name="revisionId"/> (before it, for a deletion).</summary>
    public async Task<EditResult> RevertAsync(int revisionId, RevisionAuthor author, CancellationToken cancellationToken)
    {
        var revision = await db.Revisions.AsNoTracking().SingleOrDefaultAsync(r => r.Id == revisionId, cancellationToken);
        var json = revision?.After ?? revision?.Before;
        if (revision is null || json is null)
        {
            return EditResult.Missing;
        }

        var existing = await LoadAsync(revision.RecordType, revision.RecordId, includeDeleted: true, cancellationToken);
        if (existing?.Entity.DeletedAt is not null)
        {
            var restored = await RestoreAsync(revision.RecordType, revision.RecordId, author, $"Restored to revert to revision {revisionId}", cancellationToken);
            if (!restored.Succeeded)
            {
                return restored;
            }
        }

        db.ChangeTracker.Clear();
        var record = Deserialize(revision.RecordType, json);
        return await WriteAsync(revision.RecordType, record, author, RevisionAction.Revert, $"Reverted to revision {revisionId}", expected: null, cancellationToken);
    }

    /// <summary>Reads a record's stored snapshot back as its dataset record type.</summary>
    public static object Deserialize(RecordType type, string json) => type switch
    {
        RecordType.Round => JsonSerializer.Deserialize<RoundRecord>(json, DatasetJson.Options)!,
        RecordType.Statement => JsonSerializer.Deserialize<StatementRecord>(json, DatasetJson.Options)!,
        RecordType.Topic => JsonSerializer.Deserialize<TopicRecord>(json, DatasetJson.Options)!,
        RecordType.Concern => JsonSerializer.Deserialize<ConcernRecord>(json, DatasetJson.Options)!,
        _ => JsonSerializer.Deserialize<SourceRecord>(json, DatasetJson.Options)!,
    };

    /// <summary>The record as it reads now, with its version: what an edit form or a GET starts from.</summary>
    public async Task<(object Record, Guid Version, string Key)?> ReadAsync(RecordType type, int id, CancellationToken cancellationToken)
    {
        var existing = await LoadAsync(type, id, includeDeleted: false, cancellationToken);
        db.ChangeTracker.Clear();
        return existing is null ? null : (Deserialize(type, existing.Snapshot()), existing.Entity.Version, existing.Key);
    }

    private async Task<EditResult> WriteAsync(
        RecordType type, object record, RevisionAuthor author, RevisionAction action, string? summary, Guid? expected, CancellationToken cancellationToken)
    {
        var key = KeyOf(record)!;
        var options = new ImportOptions
        {
            Author = author,
            Action = action,
            Summary = string.IsNullOrWhiteSpace(summary) ? null : summary.Trim(),
            ExpectedVersions = expected is { } version
                ? new Dictionary<(RecordType, string), Guid> { [(type, key)] = version }
                : new Dictionary<(RecordType, string), Guid>(),
        };
        var result = await importer.ImportAsync(DatasetOf(type, record), options, cancellationToken);
        if (!result.Succeeded)
        {
            return new EditResult { Problems = result.Problems, IsConflict = result.IsConflict };
        }

        var (id, newVersion) = result.Written[(type, key)];
        return new EditResult { Id = id, Version = newVersion };
    }

    private async Task<EditResult> SaveWithRevisionAsync(
        RecordType type, Loaded existing, RevisionAction action, string? before, string? after, RevisionAuthor author, string? summary, CancellationToken cancellationToken)
    {
        existing.Entity.Version = Guid.NewGuid();
        db.Revisions.Add(new Revision
        {
            RecordType = type,
            RecordId = existing.Entity.Id,
            RecordKey = existing.Key,
            Action = action,
            UserId = author.UserId,
            UserName = author.Name,
            Summary = string.IsNullOrWhiteSpace(summary) ? null : summary.Trim(),
            Before = before,
            After = after,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return new EditResult { IsConflict = true, Problems = [new ImportProblem(existing.Key, "version", "someone else saved this record at the same moment")] };
        }

        db.ChangeTracker.Clear();
        return new EditResult { Id = existing.Entity.Id, Version = existing.Entity.Version };
    }

    private static EditResult Stale(Loaded existing) => new()
    {
        IsConflict = true,
        Id = existing.Entity.Id,
        Version = existing.Entity.Version,
        Problems = [new ImportProblem(existing.Key, "version", "someone else saved this record after you opened it")],
    };

    private async Task<string?> WhyNotDeletableAsync(RecordType type, int id, CancellationToken cancellationToken) => type switch
    {
        RecordType.Source when await db.Citations.AnyAsync(c => c.SourceId == id
            && (c.RoundId == null || c.Round!.DeletedAt == null) && (c.StatementId == null || c.Statement!.DeletedAt == null)
            && (c.TopicId == null || c.Topic!.DeletedAt == null) && (c.ConcernId == null || c.Concern!.DeletedAt == null)
            && (c.ConcernMentionId == null || c.ConcernMention!.Concern.DeletedAt == null)
            && (c.ConcernStatusChangeId == null || c.ConcernStatusChange!.Concern.DeletedAt == null), cancellationToken)
            => "records still cite this source; remove those citations first",
        RecordType.Topic when await db.Topics.AnyAsync(t => t.ParentId == id, cancellationToken)
            => "this topic has narrower topics; move or delete them first",
        RecordType.Round when await db.Statements.AnyAsync(s => s.RoundId == id, cancellationToken)
            => "statements belong to this round; move or delete them first",
        _ => null,
    };

    private async Task<int?> FindIdAsync(RecordType type, string key, CancellationToken cancellationToken) => type switch
    {
        RecordType.Round => await db.Rounds.IgnoreQueryFilters().Where(r => r.Key == key).Select(r => (int?)r.Id).SingleOrDefaultAsync(cancellationToken),
        RecordType.Statement => await db.Statements.IgnoreQueryFilters().Where(s => s.Key == key).Select(s => (int?)s.Id).SingleOrDefaultAsync(cancellationToken),
        RecordType.Topic => await db.Topics.IgnoreQueryFilters().Where(t => t.Slug == key).Select(t => (int?)t.Id).SingleOrDefaultAsync(cancellationToken),
        RecordType.Concern => await db.Concerns.IgnoreQueryFilters().Where(c => c.Key == key).Select(c => (int?)c.Id).SingleOrDefaultAsync(cancellationToken),
        _ => await db.Sources.IgnoreQueryFilters().Where(s => s.Key == key).Select(s => (int?)s.Id).SingleOrDefaultAsync(cancellationToken),
    };

    /// <summary>Loads a record, tracked, with what its snapshot needs.</summary>
    private async Task<Loaded?> LoadAsync(RecordType type, int id, bool includeDeleted, CancellationToken cancellationToken)
    {
        switch (type)
        {
            case RecordType.Round:
                var rounds = includeDeleted ? db.Rounds.IgnoreQueryFilters() : db.Rounds;
                var round = await rounds.Include(r => r.Mechanism).Include(r => r.Series).Include(r => r.Topics)
                    .Include(r => r.Citations).ThenInclude(c => c.Source).SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
                return round is null ? null : new Loaded(round, round.Key, () => RecordSnapshots.ToJson(RecordSnapshots.ToRecord(round)));
            case RecordType.Statement:
                var statements = includeDeleted ? db.Statements.IgnoreQueryFilters() : db.Statements;
                var statement = await statements.Include(s => s.Round).Include(s => s.Topics)
                    .Include(s => s.Citations).ThenInclude(c => c.Source).SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
                return statement is null ? null : new Loaded(statement, statement.Key, () => RecordSnapshots.ToJson(RecordSnapshots.ToRecord(statement)));
            case RecordType.Topic:
                var topics = includeDeleted ? db.Topics.IgnoreQueryFilters() : db.Topics;
                var topic = await topics.Include(t => t.Parent).Include(t => t.Citations).ThenInclude(c => c.Source)
                    .SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
                return topic is null ? null : new Loaded(topic, topic.Slug, () => RecordSnapshots.ToJson(RecordSnapshots.ToRecord(topic)));
            case RecordType.Concern:
                var concerns = ConcernQueries.ForSnapshot(includeDeleted ? db.Concerns.IgnoreQueryFilters() : db.Concerns);
                var concern = await concerns.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
                return concern is null ? null : new Loaded(concern, concern.Key, () => RecordSnapshots.ToJson(RecordSnapshots.ToRecord(concern)));
            default:
                var sources = includeDeleted ? db.Sources.IgnoreQueryFilters() : db.Sources;
                var source = await sources.Include(s => s.Original).SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
                return source is null ? null : new Loaded(source, source.Key, () => RecordSnapshots.ToJson(RecordSnapshots.ToRecord(source)));
        }
    }

    private static Dataset DatasetOf(RecordType type, object record) => type switch
    {
        RecordType.Round => new Dataset { Rounds = [(RoundRecord)record] },
        RecordType.Statement => new Dataset { Statements = [(StatementRecord)record] },
        RecordType.Topic => new Dataset { Topics = [(TopicRecord)record] },
        RecordType.Concern => new Dataset { Concerns = [(ConcernRecord)record] },
        _ => new Dataset { Sources = [(SourceRecord)record] },
    };

    private static string? KeyOf(object record) => record switch
    {
        RoundRecord r => r.Key,
        StatementRecord s => s.Key,
        TopicRecord t => t.Slug,
        SourceRecord s => s.Key,
        ConcernRecord c => c.Key,
        _ => throw new ArgumentException($"not a dataset record: {record.GetType().Name}", nameof(record)),
    };

    private static object WithKey(object record, string key) => record switch
    {
        RoundRecord r => r with { Key = key },
        StatementRecord s => s with { Key = key },
        TopicRecord t => t with { Slug = key },
        SourceRecord s => s with { Key = key },
        ConcernRecord c => c with { Key = key },
        _ => throw new ArgumentException($"not a dataset record: {record.GetType().Name}", nameof(record)),
    };

    private static string KeyField(RecordType type) => type == RecordType.Topic ? "slug" : "key";

    private sealed record Loaded(IEditableRecord Entity, string Key, Func<string> Snapshot);
}
