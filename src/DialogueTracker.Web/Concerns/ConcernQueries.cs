using DialogueTracker.Web.Model;
using Microsoft.EntityFrameworkCore;

namespace DialogueTracker.Web.Concerns;

/// <summary>What a concern's pages, API and snapshots load with it.</summary>
public static class ConcernQueries
{
    /// <summary>Everything a snapshot, the API and the thread page read: topics, citations, mentions and status history.</summary>
    public static IQueryable<Concern> ForSnapshot(IQueryable<Concern> concerns) => concerns
        .Include(c => c.Topics)
        .Include(c => c.Citations).ThenInclude(c => c.Source)
        .Include(c => c.Mentions).ThenInclude(m => m.Citations).ThenInclude(c => c.Source)
        .Include(c => c.Mentions).ThenInclude(m => m.Round)
        .Include(c => c.Mentions).ThenInclude(m => m.Statement)
        .Include(c => c.Mentions).ThenInclude(m => m.Report)
        .Include(c => c.Mentions).ThenInclude(m => m.RespondsTo)
        .Include(c => c.StatusHistory).ThenInclude(s => s.Citations).ThenInclude(c => c.Source)
        .AsSplitQuery();
}
