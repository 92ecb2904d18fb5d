using DialogueTracker.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace DialogueTracker.Web.Search;

/// <summary>
/// What filters, facets and the first ranking stage need to know of every search document, held in memory: type,
/// party, mechanism, year, earliest day, topics, length in tokens and its title's tokens as hashes (about 100 bytes a
/// document; no text). Read in one go
/// for an index version (<see cref="SearchFacetTableCache"/>), so that a search narrows and counts its matches without
/// joining them in SQL. Documents are kept in id order, the order the index returns matches in.
/// </summary>
public sealed class SearchFacetTable
{
    public const sbyte NoParty = -1;
    public const int NoMechanism = -1;
    public const short NoYear = short.MinValue;
    public const int NoDate = int.MinValue;

    private readonly long[] _ids;
    private readonly int[] _topicStarts;

    private SearchFacetTable(long version, long[] ids, SearchRecordType[] types, sbyte[] parties, int[] mechanisms, short[] years,
        int[] dates, int[] lengths, int[] topicStarts, int[] topics, IReadOnlyDictionary<int, string> topicNames)
    {
        Version = version;
        _ids = ids;
        Types = types;
        Parties = parties;
        Mechanisms = mechanisms;
        Years = years;
        Dates = dates;
        Lengths = lengths;
        _topicStarts = topicStarts;
        TopicIds = topics;
        TopicNames = topicNames;
        AverageLength = lengths.Length == 0 ? 1 : Math.Max(1, lengths.Average());
        MaxMechanismId = mechanisms.Length == 0 ? 0 : Math.Max(0, mechanisms.Max());
        var dated = years.Where(y => y != NoYear).ToList();
        MinYear = dated.Count == 0 ? 0 : dated.Min();
        MaxYear = dated.Count == 0 ? 0 : dated.Max();
        MaxTopicId = Math.Max(topics.Length == 0 ? 0 : topics.Max(), topicNames.Count == 0 ? 0 : topicNames.Keys.Max());
    }

    /// <summary>The index version these documents were read at.</summary>
    public long Version { get; }

    public int Count => _ids.Length;

    public SearchRecordType[] Types { get; }

    /// <summary>The party's number, or <see cref="NoParty"/>.</summary>
    public sbyte[] Parties { get; }

    public int[] Mechanisms { get; }
    public short[] Years { get; }

    /// <summary>The earliest day a document's date can mean (<see cref="DateOnly.DayNumber"/>), or <see cref="NoDate"/>.</summary>
    public int[] Dates { get; }

    /// <summary>Tokens in all of a document's indexed text.</summary>
    public int[] Lengths { get; }

    public double AverageLength { get; }

    // Value ranges, for counting in arrays.
    public int MaxMechanismId { get; }
    public int MinYear { get; }
    public int MaxYear { get; }
    public int MaxTopicId { get; }

    /// <summary>Every document's topics one after the other; <see cref="Topics"/> gives one document's.</summary>
    public int[] TopicIds { get; }

    /// <summary>Each topic's names as the index holds them in its documents' Topics text (English, then Vietnamese).</summary>
    public IReadOnlyDictionary<int, string> TopicNames { get; }

    /// <summary>Every topic's slug and names, for the topic facet.</summary>
    public IReadOnlyDictionary<int, SearchTopic> TopicsById { get; private init; } = new Dictionary<int, SearchTopic>();

    public long IdAt(int index) => _ids[index];

    /// <summary>A document's title as token hashes (<see cref="Fts5Tokens.Hashes"/>), in order.</summary>
    public ReadOnlySpan<int> TitleHashes(int index) => TitleTokens.AsSpan(TitleStarts[index], TitleStarts[index + 1] - TitleStarts[index]);

    private int[] TitleStarts { get; init; } = [0];
    private int[] TitleTokens { get; init; } = [];

    public ReadOnlySpan<int> Topics(int index) => TopicIds.AsSpan(_topicStarts[index], _topicStarts[index + 1] - _topicStarts[index]);

    /// <summary>
    /// The positions of the given document ids (ascending, as the index returns them) in this table, in the same order;
    /// ids the table does not hold (written after it was read) are left out.
    /// </summary>
    public int[] Resolve(long[] sortedIds)
    {
        var positions = new int[sortedIds.Length];
        var count = 0;
        var j = 0;
        foreach (var id in sortedIds)
        {
            // A merge of two sorted lists: one pass over the table at most.
            while (j < _ids.Length && _ids[j] < id)
            {
                j++;
            }

            if (j < _ids.Length && _ids[j] == id)
            {
                positions[count++] = j;
            }
        }

        return count == positions.Length ? positions : positions[..count];
    }

    /// <summary>
    /// Reads every search document's facet fields, and the index's document lengths, as at <paramref name="version"/>.
    /// Rows go straight into the table's arrays, sized by a count first: lists of row objects, copied into arrays after,
    /// took half again the table's memory while it was read, at the first search after every change.
    /// </summary>
    public static async Task<SearchFacetTable> LoadAsync(DialogueDbContext db, ISearchIndex index, long version, CancellationToken cancellationToken)
    {
        var n = await db.SearchDocuments.CountAsync(cancellationToken);
        var ids = new long[n];
        var types = new SearchRecordType[n];
        var parties = new sbyte[n];
        var mechanisms = new int[n];
        var years = new short[n];
        var dates = new int[n];
        // Titles are kept as token hashes (a few bytes a word), for the ranking estimate; the text is not kept. The
        // buffer is kept as it grew, not copied to its exact length: TitleStarts[n] marks its end. It starts at 20 words a
        // document (titles in both languages: the benchmark's average 19).
        var titleStarts = new int[n + 1];
        var titleTokens = new int[Math.Max(16, n * 20)];
        var tokens = new List<int>(64);
        var tokenizer = new Fts5Tokens();
        var count = 0;
        void ResizeAll(int size)
        {
            Array.Resize(ref ids, size);
            Array.Resize(ref types, size);
            Array.Resize(ref parties, size);
            Array.Resize(ref mechanisms, size);
            Array.Resize(ref years, size);
            Array.Resize(ref dates, size);
            Array.Resize(ref titleStarts, size + 1);
        }

        await foreach (var d in db.SearchDocuments.AsNoTracking().OrderBy(d => d.Id)
            .Select(d => new { d.Id, d.Type, d.Party, d.MechanismId, d.Year, d.DateEarliest, d.Title }).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            // A document written between the count and this read: the arrays grow (the next search reads again anyway).
            if (count == ids.Length)
            {
                ResizeAll(Math.Max(16, count * 2));
            }

            ids[count] = d.Id;
            types[count] = d.Type;
            parties[count] = d.Party is { } party ? (sbyte)party : NoParty;
            mechanisms[count] = d.MechanismId ?? NoMechanism;
            years[count] = d.Year is { } year ? (short)year : NoYear;
            dates[count] = d.DateEarliest is { } date ? date.DayNumber : NoDate;
            tokens.Clear();
            tokenizer.Hashes(d.Title, tokens);
            var used = titleStarts[count];
            if (used + tokens.Count > titleTokens.Length)
            {
                Array.Resize(ref titleTokens, Math.Max(used + tokens.Count, titleTokens.Length * 3 / 2));
            }

            tokens.CopyTo(titleTokens, used);
            titleStarts[count + 1] = used + tokens.Count;
            count++;
        }

        n = count;
        if (n != ids.Length)
        {
            ResizeAll(n);
        }

        // Links in document order, merged with the documents' ids (ascending); links of documents not read are skipped.
        var topics = new int[await db.SearchDocumentTopics.CountAsync(cancellationToken)];
        var topicStarts = new int[n + 1];
        var linked = 0;
        var row = 0;
        await foreach (var link in db.SearchDocumentTopics.AsNoTracking().OrderBy(t => t.DocumentId).ThenBy(t => t.TopicId)
            .Select(t => new { t.DocumentId, t.TopicId }).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            while (row < n && ids[row] < link.DocumentId)
            {
                topicStarts[++row] = linked;
            }

            if (row < n && ids[row] == link.DocumentId)
            {
                if (linked == topics.Length)
                {
                    Array.Resize(ref topics, Math.Max(16, linked * 2));
                }

                topics[linked++] = link.TopicId;
            }
        }

        while (row < n)
        {
            topicStarts[++row] = linked;
        }

        if (linked != topics.Length)
        {
            Array.Resize(ref topics, linked);
        }

        var lengths = await index.DocumentLengthsAsync(cancellationToken);
        var documentLengths = new int[n];
        for (var i = 0; i < n; i++)
        {
            documentLengths[i] = lengths.GetValueOrDefault(ids[i]);
        }

        // Renaming a topic rewrites its documents, so the version changes and these are read again.
        var topicList = await db.Topics.AsNoTracking().Select(t => new SearchTopic(t.Id, t.Slug, t.NameEn, t.NameVi)).ToListAsync(cancellationToken);
        var topicNames = topicList.ToDictionary(t => t.Id, t => t.NameEn + "\n" + t.NameVi);
        return new SearchFacetTable(version, ids, types, parties, mechanisms, years, dates, documentLengths, topicStarts, topics, topicNames)
        {
            TopicsById = topicList.ToDictionary(t => t.Id),
            TitleStarts = titleStarts,
            TitleTokens = titleTokens,
        };
    }
}

/// <summary>
/// The facet table for the index's current version: read again, once, by the first search after any change to the index
/// (the triggers bump its version on every write), while concurrent searches wait for that one read.
/// </summary>
public sealed class SearchFacetTableCache : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile SearchFacetTable? _current;

    public async Task<SearchFacetTable> GetAsync(long version, Func<CancellationToken, Task<SearchFacetTable>> load, CancellationToken cancellationToken)
    {
        if (_current is { } current && current.Version == version)
        {
            return current;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_current is { } loaded && loaded.Version == version)
            {
                return loaded;
            }

            var table = await load(cancellationToken);
            _current = table;
            return table;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();
}

/// <summary>A topic as the topic facet names it.</summary>
public sealed record SearchTopic(int Id, string Slug, string NameEn, string NameVi);
