using Microsoft.Extensions.Options;

namespace DialogueTracker.Web.Search;

/// <summary>
/// Picks one page of a search's (filtered) matches in order of relevance, bm25 with the column weights of
/// <see cref="ISearchIndex"/>, without scoring every match when there are many (docs/decisions/0005):
/// <list type="bullet">
/// <item>up to <see cref="SearchOptions.ExactRankingLimit"/> (filtered) matches: bm25 of each of them
/// (<see cref="ISearchIndex.ScoreAsync"/>, which equals the index's own bm25 but does not rescan every term's doclist for
/// its idf);</item>
/// <item>otherwise two stages: an estimate (bm25 counting the terms in the title and topic names only, which memory holds)
/// orders the matches; then consecutive blocks of
/// <see cref="SearchOptions.RankingCandidates"/> in that order are scored by bm25 and sorted within the block. The order is
/// bm25 within a block and the estimate between blocks; it is the same for every page, so pages never overlap.</item>
/// </list>
/// </summary>
public sealed class SearchRanking(ISearchIndex index, SearchMatcher matcher, IOptions<SearchOptions> options)
{
    // bm25's constants (as FTS5) and the weights of the Title and Topics columns, for the estimate.
    private const double K1 = 1.2;
    private const double B = 0.75;
    private const double TitleWeight = 4.0;
    private const double TopicsWeight = 2.0;

    /// <summary>Documents <paramref name="skip"/> to <paramref name="skip"/> + <paramref name="take"/> of the filtered matches, best first.</summary>
    /// <remarks>
    /// <c>matches</c> holds every match's position in <c>table</c>, before filters; <c>filtered</c> the positions of the
    /// matches that pass the filters, ascending.
    /// </remarks>
    public async Task<IReadOnlyList<SearchMatch>> PageAsync(IReadOnlyList<SearchTerm> terms, SearchFacetTable table, int[] matches, int[] filtered,
        int skip, int take, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (filtered.Length <= settings.ExactRankingLimit)
        {
            return [.. (await ScoreAsync(terms, table, filtered, matches.Length, cancellationToken)).Skip(skip).Take(take)];
        }

        var blockSize = Math.Max(1, settings.RankingCandidates);
        var firstBlock = skip / blockSize;
        var lastBlock = (skip + take - 1) / blockSize;
        // Titles are held as token hashes, which cannot tell where a prefix matches: the index can.
        var inTitle = terms.Any(t => t.IsPrefix) ? await matcher.MatchAsync(table, terms, titlesOnly: true, cancellationToken) : [];
        var order = EstimateOrder(terms, table, filtered, inTitle, Math.Min(filtered.Length, (lastBlock + 1) * blockSize));
        var ranked = new List<SearchMatch>();
        for (var block = firstBlock; block <= lastBlock && block * blockSize < order.Length; block++)
        {
            var candidates = order[(block * blockSize)..Math.Min(order.Length, (block + 1) * blockSize)];
            ranked.AddRange(await ScoreAsync(terms, table, candidates, matches.Length, cancellationToken));
        }

        return [.. ranked.Skip(skip - firstBlock * blockSize).Take(take)];
    }

    private async Task<List<SearchMatch>> ScoreAsync(IReadOnlyList<SearchTerm> terms, SearchFacetTable table, int[] positions, int matchCount,
        CancellationToken cancellationToken)
    {
        var frequencies = new long[terms.Count];
        for (var i = 0; i < terms.Count; i++)
        {
            // One term matches exactly the search's matches; each of several has its own match set.
            frequencies[i] = terms.Count == 1 ? matchCount : await matcher.DocumentFrequencyAsync(table, terms[i], cancellationToken);
        }

        var documents = positions.Select(p => (table.IdAt(p), table.Lengths[p])).ToList();
        var scores = await index.ScoreAsync(terms, documents, new Bm25Statistics(table.Count, table.AverageLength, frequencies), cancellationToken);
        return [.. scores.Select(s => new SearchMatch { DocumentId = s.Key, Score = s.Value })
            .OrderByDescending(m => m.Score).ThenBy(m => m.DocumentId)];
    }

    /// <summary>
    /// The first <paramref name="count"/> of the filtered matches by estimated bm25: each term counted as often as the
    /// title holds it (from the table's title hashes; a prefix term once when the title holds every term,
    /// <paramref name="inTitle"/>, from the index) and as often as the document's topic names hold it (from memory), or
    /// once elsewhere when neither: bm25 but for the body's share. Ties go to the shorter document, then the lower id.
    /// </summary>
    private static int[] EstimateOrder(IReadOnlyList<SearchTerm> terms, SearchFacetTable table, int[] filtered, int[] inTitle, int count)
    {
        var phrases = terms.Select(Fts5Tokens.Phrase).ToArray();
        var hashes = phrases.Select(p => p.Words.Select(Fts5Tokens.Hash).ToArray()).ToArray();
        var tokens = new Fts5Tokens();
        // Per topic id, how often each term occurs in the topic's names; null where none does.
        var inTopic = new double[table.MaxTopicId + 1][];
        foreach (var (topicId, names) in table.TopicNames)
        {
            var frequencies = new double[phrases.Length];
            tokens.Count(SearchText.Fold(names), phrases, 1.0, frequencies);
            if (frequencies.Any(f => f > 0))
            {
                inTopic[topicId] = frequencies;
            }
        }

        // The best `count` so far, worst on top.
        var best = new PriorityQueue<int, (double Estimate, int Length, long Id)>(count + 1, WorstFirst.Instance);
        var worstEstimate = double.MinValue;
        var f = new double[phrases.Length];
        var title = 0;
        foreach (var position in filtered)
        {
            // Both lists are in table order: step through the title matches alongside.
            while (title < inTitle.Length && inTitle[title] < position)
            {
                title++;
            }

            var titleHasAll = title < inTitle.Length && inTitle[title] == position;
            var titleHashes = table.TitleHashes(position);
            for (var i = 0; i < f.Length; i++)
            {
                f[i] = phrases[i].IsPrefix ? (titleHasAll ? TitleWeight : 0.0) : TitleWeight * Occurrences(titleHashes, hashes[i]);
            }

            // A topic's own document has its names as its title and no Topics text.
            var topics = table.Types[position] == SearchRecordType.Topic ? [] : table.Topics(position);
            foreach (var topicId in topics)
            {
                if (inTopic[topicId] is { } frequencies)
                {
                    for (var i = 0; i < f.Length; i++)
                    {
                        f[i] += TopicsWeight * frequencies[i];
                    }
                }
            }

            var length = table.Lengths[position];
            var norm = K1 * (1 - B + B * length / table.AverageLength);
            var estimate = 0.0;
            for (var i = 0; i < f.Length; i++)
            {
                var frequency = f[i] > 0 ? f[i] : 1.0;
                estimate += frequency * (K1 + 1) / (frequency + norm);
            }

            if (best.Count < count)
            {
                best.Enqueue(position, (estimate, length, table.IdAt(position)));
                worstEstimate = best.TryPeek(out _, out var worst) ? worst.Estimate : double.MinValue;
            }
            else if (estimate >= worstEstimate)
            {
                // Most matches fall below the worst kept one: one comparison of doubles turns them away.
                var priority = (estimate, length, table.IdAt(position));
                if (best.TryPeek(out _, out var worst) && WorstFirst.Instance.Compare(priority, worst) > 0)
                {
                    best.DequeueEnqueue(position, priority);
                    worstEstimate = best.TryPeek(out _, out var newWorst) ? newWorst.Estimate : double.MinValue;
                }
            }
        }

        var order = new int[best.Count];
        for (var i = order.Length - 1; i >= 0; i--)
        {
            order[i] = best.Dequeue();
        }

        return order;
    }

    // How often the words occur in a row in the tokens.
    private static int Occurrences(ReadOnlySpan<int> tokens, int[] words)
    {
        var count = 0;
        if (words.Length == 1)
        {
            // Most terms are one word: no slices to compare.
            var word = words[0];
            foreach (var token in tokens)
            {
                if (token == word)
                {
                    count++;
                }
            }

            return count;
        }

        for (var i = 0; i + words.Length <= tokens.Length; i++)
        {
            if (tokens.Slice(i, words.Length).SequenceEqual(words))
            {
                count++;
            }
        }

        return count;
    }

    // Orders estimates from worst to best: lower estimate, then longer, then higher id.
    private sealed class WorstFirst : IComparer<(double Estimate, int Length, long Id)>
    {
        public static readonly WorstFirst Instance = new();

        public int Compare((double Estimate, int Length, long Id) x, (double Estimate, int Length, long Id) y)
        {
            var byEstimate = x.Estimate.CompareTo(y.Estimate);
            if (byEstimate != 0)
            {
                return byEstimate;
            }

            var byLength = y.Length.CompareTo(x.Length);
            return byLength != 0 ? byLength : y.Id.CompareTo(x.Id);
        }
    }
}
