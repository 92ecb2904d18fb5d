namespace DialogueTracker.Web.Import;

/// <summary>Keys already in the database that an imported record may refer to.</summary>
public sealed record ExistingKeys(
    IReadOnlyCollection<string> Sources,
    IReadOnlyCollection<string> Topics,
    IReadOnlyCollection<string> Rounds,
    IReadOnlyDictionary<string, string[]> SeriesByMechanism)
{
    public static readonly ExistingKeys None = new([], [], [], new Dictionary<string, string[]>());

    /// <summary>Round numbers in use: (mechanism, series, number) to the key of the round that has it.</summary>
    public IReadOnlyDictionary<(string Mechanism, string Series, int Number), string> RoundNumbers { get; init; } =
        new Dictionary<(string, string, int), string>();

    /// <summary>Statement keys in the database that the dataset's concerns name (not every statement: there may be 100,000).</summary>
    public IReadOnlyCollection<string> Statements { get; init; } = [];
}
