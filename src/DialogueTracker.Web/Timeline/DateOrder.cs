using DialogueTracker.Web.Model;

namespace DialogueTracker.Web.Timeline;

public static class DateOrder
{
    /// <summary>Earliest possible day first, then the narrower date; undated records last.</summary>
    public static IOrderedQueryable<T> InDateOrder<T>(this IQueryable<T> records) where T : class, IDated =>
        records.OrderBy(r => r.DateEarliest == null).ThenBy(r => r.DateEarliest).ThenBy(r => r.DateLatest);
}
