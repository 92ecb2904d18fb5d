using System.Diagnostics;
using System.Globalization;
using DialogueTracker.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace DialogueTracker.Web.Cli;

/// <summary>
/// <c>generate --statements N --db PATH [--force] [--seed S]</c>: creates and migrates a database and fills it with
/// N synthetic bilingual statements, with rounds, topics, sources and citations around them, for benchmarks.
/// It only ever writes to the file named by --db, and refuses one that already holds records unless --force.
/// </summary>
public static class GenerateCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        SqliteLibrary.Configure();
        var options = ParseArgs(args, out var error);
        if (options is null)
        {
            await Console.Error.WriteLineAsync($"""
                {error}
                Usage: dotnet run --project src/DialogueTracker.Web -- generate --statements 100000 --db /tmp/bench.db [--rounds 2000] [--topics 300] [--force] [--seed 1]
                """);
            return 2;
        }

        var path = Path.GetFullPath(options.Value.Db);
        var stopwatch = Stopwatch.StartNew();
        if (File.Exists(path) && await HasRecordsAsync(path))
        {
            if (!options.Value.Force)
            {
                await Console.Error.WriteLineAsync($"{path} already holds records; pass --force to replace it.");
                return 1;
            }

            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(path + suffix);
            }
        }

        var connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString();
        await SqliteEngine.UseLargePagesIfNewAsync(connectionString, CancellationToken.None);
        await using (var db = new DialogueDbContext(new DbContextOptionsBuilder<DialogueDbContext>().UseSqlite(connectionString).Options))
        {
            await db.Database.MigrateAsync();
        }

        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        var (statements, _, _, seed, rounds, topics) = options.Value;
        var counts = await FillAsync(connection, statements, rounds ?? Math.Max(1, statements / 200), TopicsFor(topics), new Random(seed), new Random(~seed));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Generated into {path} in {stopwatch.Elapsed.TotalSeconds:F1} s: {counts}. The search index was filled by its triggers."));
        return 0;
    }

    private static async Task<bool> HasRecordsAsync(string path)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE name = 'Sources'";
        if (Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture) == 0)
        {
            return false;
        }

        command.CommandText = "SELECT EXISTS (SELECT 1 FROM Sources) OR EXISTS (SELECT 1 FROM Statements)";
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture) == 1;
    }

    private static (int Statements, string Db, bool Force, int Seed, int? Rounds, int Topics)? ParseArgs(string[] args, out string? error)
    {
        int statements = 100_000, seed = 1, rounds = 0, topics = SyntheticText.Topics.Length;
        string? db = null;
        var force = false;
        error = null;
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--statements" when int.TryParse(value, out statements) && statements > 0:
                case "--seed" when int.TryParse(value, out seed):
                case "--rounds" when int.TryParse(value, out rounds) && rounds > 0:
                case "--topics" when int.TryParse(value, out topics) && topics >= SyntheticText.Topics.Length:
                    i++;
                    break;
                case "--db" when !string.IsNullOrWhiteSpace(value):
                    db = value;
                    i++;
                    break;
                case "--force":
                    force = true;
                    break;
                default:
                    error = $"Unexpected or invalid argument '{args[i]}'.";
                    return null;
            }
        }

        if (db is null)
        {
            error = "--db PATH is required: synthetic records never go into the app's own database by default.";
            return null;
        }

        return (statements, db, force, seed, rounds > 0 ? rounds : null, topics);
    }

    /// <summary>
    /// The hand-written topics, then narrower ones under them ("Death penalty: aspect 3") up to <paramref name="count"/>,
    /// sharing their parent's sentences, so a large topic tree has realistic text too.
    /// </summary>
    private static SyntheticText.TopicText[] TopicsFor(int count) =>
    [
        .. SyntheticText.Topics,
        .. Enumerable.Range(0, count - SyntheticText.Topics.Length).Select(i =>
        {
            var parent = SyntheticText.Topics[i % SyntheticText.Topics.Length];
            var aspect = i / SyntheticText.Topics.Length + 1;
            return parent with
            {
                Slug = $"{parent.Slug}-aspect-{aspect}", NameEn = $"{parent.NameEn}: aspect {aspect}",
                NameVi = $"{parent.NameVi}: khía cạnh {aspect}", Parent = parent.Slug,
            };
        }),
    ];

    private static async Task<string> FillAsync(SqliteConnection connection, int statementCount, int roundCount, SyntheticText.TopicText[] allTopics, Random random,
        Random versions)
    {
        // Bulk load: no fsync per step. Links are written before the statements they belong to, so each
        // statement's search document is written once, with its topics, rather than once per link; the
        // foreign keys are therefore off for this connection (the data is consistent by construction).
        await Execute(connection, "PRAGMA journal_mode = WAL; PRAGMA synchronous = OFF; PRAGMA foreign_keys = OFF;");
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();

        var mechanismIds = new List<int>();
        foreach (var (slug, nameEn, nameVi) in SyntheticText.Mechanisms)
        {
            mechanismIds.Add(await InsertAsync(connection, "INSERT INTO Mechanisms (Slug, NameEn, NameVi) VALUES ($0, $1, $2) RETURNING Id", slug, nameEn, nameVi));
        }

        var topicIds = new Dictionary<string, int>();
        foreach (var topic in allTopics)
        {
            topicIds[topic.Slug] = await InsertAsync(connection,
                "INSERT INTO Topics (Slug, NameEn, NameVi, DescriptionEn, DescriptionVi, ParentId, Version) VALUES ($0, $1, $2, $3, $4, $5, $6) RETURNING Id",
                topic.Slug, topic.NameEn, topic.NameVi, topic.En[0], topic.Vi[0], topic.Parent is null ? null : topicIds[topic.Parent], NewVersion(versions));
        }

        var sourceCount = Math.Max(1, statementCount / 20);
        await using var source = Prepare(connection,
            "INSERT INTO Sources (Id, Key, Title, Publisher, Url, PublishedOn, Language, Kind, Version) VALUES ($0, $1, $2, $3, $4, $5, $6, $7, $8)", 9);
        for (var id = 1; id <= sourceCount; id++)
        {
            var topic = Pick(random, allTopics);
            var vietnamese = random.Next(2) == 0;
            var date = RandomDate(random);
            await RunAsync(source, id, $"synthetic-source-{id}",
                vietnamese ? $"{Pick(random, topic.Vi)} ({topic.NameVi})" : $"{topic.NameEn}: {Pick(random, topic.En)}",
                vietnamese ? "Báo Điện tử Chính phủ" : "EEAS", $"https://example.org/source/{id}", date.Edtf,
                vietnamese ? "vi" : "en", vietnamese ? "news-article" : "press-release", NewVersion(versions));
        }

        // Every record cites a source, as real records must; so a generated database exports to a valid dataset.
        foreach (var mechanismId in mechanismIds)
        {
            await Execute(connection, $"INSERT INTO Citations (SourceId, MechanismId, Quote) VALUES (1, {mechanismId}, 'synthetic')");
        }

        foreach (var topicId in topicIds.Values)
        {
            await Execute(connection, $"INSERT INTO Citations (SourceId, TopicId, Quote) VALUES (1, {topicId}, 'synthetic')");
        }

        await using var roundCitation = Prepare(connection, "INSERT INTO Citations (SourceId, RoundId, Quote) VALUES ($0, $1, $2)", 3);
        await using var round = Prepare(connection, """
            INSERT INTO Rounds (Id, Key, MechanismId, Kind, Date, DateEarliest, DateLatest, Place, TitleEn, TitleVi, SummaryEn, SummaryVi, Version)
            VALUES ($0, $1, $2, 'round', $3, $4, $4, $5, $6, $7, $8, $9, $10)
            """, 11);
        await using var roundTopic = Prepare(connection, "INSERT INTO RoundTopics (RoundsId, TopicsId) VALUES ($0, $1)", 2);
        var rounds = new List<(int Id, DateOnly Date)>();
        for (var id = 1; id <= roundCount; id++)
        {
            var mechanism = random.Next(SyntheticText.Mechanisms.Length);
            var topics = PickTopics(random, allTopics);
            var date = RandomDate(random, dayOnly: true);
            var (_, nameEn, nameVi) = SyntheticText.Mechanisms[mechanism];
            foreach (var topic in topics)
            {
                await RunAsync(roundTopic, id, topicIds[topic.Slug]);
            }

            await RunAsync(round, id, $"synthetic-round-{id}", mechanismIds[mechanism], date.Edtf, date.Earliest, Pick(random, SyntheticText.Places),
                $"{nameEn}, {date.Earliest:yyyy-MM-dd}", $"{nameVi}, ngày {date.Earliest:dd/MM/yyyy}",
                Sentences(random, topics, english: true), Sentences(random, topics, english: false), NewVersion(versions));
            rounds.Add((id, date.Earliest!.Value));
            await RunAsync(roundCitation, random.Next(1, sourceCount + 1), id, $"{nameEn}, {date.Earliest:yyyy-MM-dd}");
        }

        await using var statement = Prepare(connection, """
            INSERT INTO Statements (Id, Key, Date, DateEarliest, DateLatest, Party, Speaker, SpeakerRole, RoundId, TitleEn, TitleVi, SummaryEn, SummaryVi, Quote, Language, Version)
            VALUES ($0, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
            """, 16);
        await using var statementTopic = Prepare(connection, "INSERT INTO StatementTopics (StatementsId, TopicsId) VALUES ($0, $1)", 2);
        await using var citation = Prepare(connection, "INSERT INTO Citations (SourceId, StatementId, Quote) VALUES ($0, $1, $2)", 3);
        var links = 0;
        for (var id = 1; id <= statementCount; id++)
        {
            var topics = PickTopics(random, allTopics);
            var speaker = Pick(random, SyntheticText.Speakers);
            var inRound = random.Next(3) == 0 ? rounds[random.Next(rounds.Count)] : ((int Id, DateOnly Date)?)null;
            var date = inRound is { } r ? (Edtf: r.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Earliest: (DateOnly?)r.Date, Latest: (DateOnly?)r.Date) : RandomDate(random);
            var vietnamese = speaker.Party == "viet-nam";
            var main = topics[0];
            foreach (var topic in topics)
            {
                await RunAsync(statementTopic, id, topicIds[topic.Slug]);
                links++;
            }

            var quote = random.Next(2) == 0 ? null : vietnamese ? Pick(random, main.Vi) : Pick(random, main.En);
            await RunAsync(statement, id, $"synthetic-statement-{id}", date.Edtf, date.Earliest, date.Latest, speaker.Party,
                speaker.Name, speaker.Role, inRound?.Id,
                $"{speaker.Name} on {main.NameEn.ToLowerInvariant()}", $"{speaker.Name} về {main.NameVi.ToLowerInvariant()}",
                Sentences(random, topics, english: true), Sentences(random, topics, english: false), quote, vietnamese ? "vi" : "en", NewVersion(versions));
            await RunAsync(citation, random.Next(1, sourceCount + 1), id, quote);
        }

        await transaction.CommitAsync();
        await Execute(connection, "PRAGMA optimize; INSERT INTO SearchIndex (SearchIndex) VALUES ('optimize');");
        return $"{SyntheticText.Mechanisms.Length} mechanisms, {topicIds.Count} topics, {sourceCount} sources, {roundCount} rounds, "
            + $"{statementCount} statements with {links} topic links and {statementCount} citations";
    }

    private static SyntheticText.TopicText[] PickTopics(Random random, SyntheticText.TopicText[] topics) =>
        [.. Enumerable.Range(0, random.Next(1, 4)).Select(_ => Pick(random, topics)).Distinct()];

    // Two or three sentences on the record's topics, and one of the dialogue's usual words.
    private static string Sentences(Random random, SyntheticText.TopicText[] topics, bool english) =>
        string.Join(' ', topics.Select(t => Pick(random, english ? t.En : t.Vi))
            .Append(Pick(random, english ? SyntheticText.GenericEn : SyntheticText.GenericVi)));

    private static (string? Edtf, DateOnly? Earliest, DateOnly? Latest) RandomDate(Random random, bool dayOnly = false)
    {
        var day = new DateOnly(2003, 1, 1).AddDays(random.Next(365 * 22));
        return (dayOnly ? 20 : random.Next(20)) switch
        {
            0 => (null, null, null),
            1 => (day.ToString("yyyy-MM", CultureInfo.InvariantCulture), new DateOnly(day.Year, day.Month, 1), new DateOnly(day.Year, day.Month, DateTime.DaysInMonth(day.Year, day.Month))),
            _ => (day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), day, day),
        };
    }

    /// <summary>
    /// A record's own version, as the app gives each record (its reads' ETag), stored as EF Core stores a Guid on SQLite:
    /// text, upper case. Versions come from a generator of their own, so a seed gives the same text as before they were.
    /// </summary>
    private static string NewVersion(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes).ToString().ToUpperInvariant();
    }

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private static SqliteCommand Prepare(SqliteConnection connection, string sql, int parameterCount)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        for (var i = 0; i < parameterCount; i++)
        {
            command.Parameters.Add(new SqliteParameter($"${i}", null));
        }

        return command;
    }

    private static async Task RunAsync(SqliteCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] switch
            {
                null => DBNull.Value,
                DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                var value => value,
            };
        }

        await command.ExecuteNonQueryAsync();
    }

    private static async Task<int> InsertAsync(SqliteConnection connection, string sql, params object?[] values)
    {
        await using var command = Prepare(connection, sql, values.Length);
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }

        return Convert.ToInt32(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private static async Task Execute(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
