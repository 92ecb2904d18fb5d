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
}
