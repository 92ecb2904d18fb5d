using System.Numerics;

namespace DialogueTracker.Web.Search;

/// <summary>
/// The documents one search term matches, as a bitmap over the positions of a <see cref="SearchFacetTable"/>: one bit a
/// document (13 KB at 105,000 documents whether the term matches ten documents or all of them), so that a search of
/// several terms is the intersection of its terms' sets, a few thousand word-wide ANDs, and a set can be kept for the
/// next search that uses the same word (<see cref="SearchMatcher"/>).
/// </summary>
public sealed class MatchSet
{
    private readonly ulong[] _bits;

    private MatchSet(ulong[] bits, int count)
    {
        _bits = bits;
        Count = count;
    }

    /// <summary>How many documents are in the set.</summary>
    public int Count { get; }

    /// <summary>What the set holds on to, for a cache's size limit.</summary>
    public long SizeInBytes => (_bits.Length * sizeof(ulong)) + 48;

    public static MatchSet FromPositions(ReadOnlySpan<int> positions, int tableSize)
    {
        var bits = new ulong[(tableSize + 63) / 64];
        foreach (var position in positions)
        {
            bits[position >> 6] |= 1UL << position;
        }

        return new MatchSet(bits, positions.Length);
    }

    /// <summary>The documents in every one of the sets (which must be over the same table).</summary>
    public static MatchSet Intersect(IReadOnlyList<MatchSet> sets)
    {
        if (sets.Count == 1)
        {
            return sets[0];
        }

        var bits = (ulong[])sets[0]._bits.Clone();
        for (var s = 1; s < sets.Count; s++)
        {
            var other = sets[s]._bits;
            for (var i = 0; i < bits.Length; i++)
            {
                bits[i] &= other[i];
            }
        }

        var count = 0;
        foreach (var word in bits)
        {
            count += BitOperations.PopCount(word);
        }

        return new MatchSet(bits, count);
    }

    /// <summary>The positions in the set, ascending.</summary>
    public int[] ToPositions()
    {
        var positions = new int[Count];
        var next = 0;
        for (var i = 0; i < _bits.Length; i++)
        {
            var word = _bits[i];
            while (word != 0)
            {
                positions[next++] = (i << 6) + BitOperations.TrailingZeroCount(word);
                word &= word - 1;
            }
        }

        return positions;
    }
}
