using DialogueTracker.Web.Model;

namespace DialogueTracker.Web.Concerns;

/// <summary>
/// A concern read as an exchange: its mentions in thread order, where it stands, when it was first and last raised,
/// and in how many rounds it came up. Reads the mentions' linked round, statement and report, which callers load.
/// </summary>
public sealed class ConcernThread
{
    private ConcernThread(Concern concern)
    {
        Concern = concern;
        Mentions = InThreadOrder(concern.Mentions);
        Status = concern.StatusHistory.OrderBy(s => s.Id).LastOrDefault();
        var raised = concern.Mentions.Where(m => m.Kind == MentionKind.Raised).Select(DateOf).OfType<PartialDate>().ToList();
        FirstRaised = raised.Count == 0 ? null : raised.MinBy(d => d.Earliest);
        LastRaised = raised.Count == 0 ? null : raised.MaxBy(d => d.Latest);
        RoundIds = [.. concern.Mentions.Select(m => m.RoundId ?? m.Statement?.RoundId).OfType<int>().Distinct()];
    }

    public Concern Concern { get; }

    /// <summary>Oldest first; a response after what it answers; an undated mention just before its first answer.</summary>
    public IReadOnlyList<ConcernMention> Mentions { get; }

    /// <summary>The latest entry of the status history (entries are kept in the order they happened).</summary>
    public ConcernStatusChange? Status { get; }

    public PartialDate? FirstRaised { get; }
    public PartialDate? LastRaised { get; }

    /// <summary>The rounds it came up in, directly or through a statement made in the round.</summary>
    public IReadOnlyList<int> RoundIds { get; }

    public static ConcernThread Of(Concern concern) => new(concern);

    /// <summary>A mention's own date, else the date of the record it came up in.</summary>
    public static PartialDate? DateOf(ConcernMention mention) =>
        mention.Date ?? mention.Statement?.Date ?? mention.Round?.Date ?? mention.Report?.PublishedOn;

    private static List<ConcernMention> InThreadOrder(IEnumerable<ConcernMention> mentions)
    {
        var all = mentions.ToList();
        string? Answers(ConcernMention m) => m.RespondsTo?.Key ?? all.FirstOrDefault(o => m.RespondsToId is { } id && o.Id == id)?.Key;
        var answers = all.Where(m => Answers(m) is not null).ToLookup(m => Answers(m)!);
        var keys = new Dictionary<ConcernMention, DateOnly>();
        DateOnly SortDate(ConcernMention m, int depth)
        {
            if (keys.TryGetValue(m, out var known))
            {
                return known;
            }

            var date = DateOf(m)?.Earliest
                ?? (depth < all.Count ? answers[m.Key].Select(a => (DateOnly?)SortDate(a, depth + 1)).Min() : null)
                ?? DateOnly.MaxValue;
            keys[m] = date;
            return date;
        }

        int Depth(ConcernMention m)
        {
            var depth = 0;
            for (var key = Answers(m); key is not null && depth < all.Count; depth++)
            {
                key = all.FirstOrDefault(o => o.Key == key) is { } answered ? Answers(answered) : null;
            }

            return depth;
        }

        return [.. all.OrderBy(m => SortDate(m, 0)).ThenBy(Depth).ThenBy(m => m.Id)];
    }
}
