using DialogueTracker.Web.Data;
using DialogueTracker.Web.Model;
using Microsoft.EntityFrameworkCore;

namespace DialogueTracker.Web.Concerns;

/// <summary>Concerns for lists and for the pages of the records they came up in.</summary>
public sealed class ConcernQuery(DialogueDbContext db)
{
    /// <summary>
    /// Concerns raised by <paramref name="raisedBy"/>, on any of <paramref name="topicIds"/>, standing at
    /// <paramref name="status"/>; most recently raised first. Concerns number in the dozens or hundreds, not
    /// the hundred thousands, so status (the latest history entry) is read in memory.
    /// </summary>
    public async Task<List<ConcernThread>> ListAsync(
        Party? raisedBy, IReadOnlyCollection<int>? topicIds, ConcernStatus? status, CancellationToken cancellationToken)
    {
        var query = db.Concerns.AsNoTracking();
        if (raisedBy is { } party)
        {
            query = query.Where(c => c.RaisedBy == party);
        }

        if (topicIds is not null)
        {
            query = query.Where(c => c.Topics.Any(t => topicIds.Contains(t.Id)));
        }

        var threads = (await WithThread(query).ToListAsync(cancellationToken)).Select(ConcernThread.Of);
        if (status is { } wanted)
        {
            threads = threads.Where(t => t.Status?.Status == wanted);
        }

        return
        [
            .. threads
                .OrderByDescending(t => t.LastRaised?.Latest ?? DateOnly.MinValue)
                .ThenBy(t => t.Concern.TitleEn, StringComparer.CurrentCulture)
                .ThenBy(t => t.Concern.Id),
        ];
    }

    /// <summary>The concerns that came up in a round, directly or through one of its statements.</summary>
    public Task<List<Concern>> InRoundAsync(int roundId, CancellationToken cancellationToken) =>
        MentionedAsync(m => m.RoundId == roundId || (m.Statement != null && m.Statement.RoundId == roundId), cancellationToken);

    public Task<List<Concern>> InStatementAsync(int statementId, CancellationToken cancellationToken) =>
        MentionedAsync(m => m.StatementId == statementId, cancellationToken);

    public Task<List<Concern>> InReportAsync(int sourceId, CancellationToken cancellationToken) =>
        MentionedAsync(m => m.ReportId == sourceId, cancellationToken);

    /// <summary>Loads one concern with everything its thread page shows.</summary>
    public Task<Concern?> FindAsync(int id, CancellationToken cancellationToken) =>
        ConcernQueries.ForSnapshot(db.Concerns.AsNoTracking())
            .Include(c => c.Mentions).ThenInclude(m => m.Statement!).ThenInclude(s => s.Round)
            .Include(c => c.Mentions).ThenInclude(m => m.Round!).ThenInclude(r => r.Mechanism)
            .SingleOrDefaultAsync(c => c.Id == id, cancellationToken);

    private Task<List<Concern>> MentionedAsync(System.Linq.Expressions.Expression<Func<ConcernMention, bool>> where, CancellationToken cancellationToken) =>
        db.Concerns.AsNoTracking()
            .Where(c => c.Mentions.AsQueryable().Any(where))
            .OrderBy(c => c.TitleEn)
            .ToListAsync(cancellationToken);

    private static IQueryable<Concern> WithThread(IQueryable<Concern> concerns) => concerns
        .Include(c => c.Topics)
        .Include(c => c.StatusHistory)
        .Include(c => c.Mentions).ThenInclude(m => m.Statement)
        .Include(c => c.Mentions).ThenInclude(m => m.Round)
        .Include(c => c.Mentions).ThenInclude(m => m.Report)
        .Include(c => c.Mentions).ThenInclude(m => m.RespondsTo)
        .AsSplitQuery();
}
