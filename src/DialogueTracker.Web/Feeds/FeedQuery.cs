using DialogueTracker.Web.Data;
using DialogueTracker.Web.Model;
using DialogueTracker.Web.Timeline;
using Microsoft.EntityFrameworkCore;

namespace DialogueTracker.Web.Feeds;

/// <summary>A new or changed round or statement, as a feed or calendar reports it.</summary>
public sealed record FeedItem(RecordType Type, int Id, int RevisionId, RevisionAction Action, DateTimeOffset At, string Title, string? Summary, PartialDate? Date);

/// <summary>The latest changes to rounds and statements that match a filter, newest first.</summary>
public sealed class FeedQuery(DialogueDbContext db)
{
    public const int Size = 50;

    // Scan this many recent revisions for matches; a narrow feed may show fewer than Size entries.
    private const int Window = 2000;

    public async Task<IReadOnlyList<FeedItem>> LatestAsync(RecordFilter filter, CancellationToken cancellationToken)
    {
        var revisions = await db.Revisions.AsNoTracking()
            .Where(r => (r.RecordType == RecordType.Round || r.RecordType == RecordType.Statement) && r.After != null)
            .OrderByDescending(r => r.Id)
            .Take(Window)
            .Select(r => new { r.Id, r.RecordType, r.RecordId, r.Action, r.At })
            .ToListAsync(cancellationToken);

        var roundIds = revisions.Where(r => r.RecordType == RecordType.Round).Select(r => r.RecordId).Distinct().ToList();
        var statementIds = revisions.Where(r => r.RecordType == RecordType.Statement).Select(r => r.RecordId).Distinct().ToList();
        var rounds = await filter.Apply(db.Rounds.AsNoTracking()).Where(r => roundIds.Contains(r.Id))
            .Select(r => new { r.Id, r.TitleEn, r.SummaryEn, r.Date }).ToDictionaryAsync(r => r.Id, cancellationToken);
        var statements = await filter.Apply(db.Statements.AsNoTracking()).Where(s => statementIds.Contains(s.Id))
            .Select(s => new { s.Id, s.TitleEn, s.SummaryEn, s.Date }).ToDictionaryAsync(s => s.Id, cancellationToken);

        var items = new List<FeedItem>();
        foreach (var revision in revisions)
        {
            if (revision.RecordType == RecordType.Round && rounds.TryGetValue(revision.RecordId, out var round))
            {
                items.Add(new FeedItem(RecordType.Round, round.Id, revision.Id, revision.Action, revision.At, round.TitleEn, round.SummaryEn, round.Date));
            }
            else if (revision.RecordType == RecordType.Statement && statements.TryGetValue(revision.RecordId, out var statement))
            {
                items.Add(new FeedItem(RecordType.Statement, statement.Id, revision.Id, revision.Action, revision.At, statement.TitleEn, statement.SummaryEn, statement.Date));
            }

            if (items.Count == Size)
            {
                break;
            }
        }

        return items;
    }
}
