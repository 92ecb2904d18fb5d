namespace DialogueTracker.Web.Charts;

/// <summary>Horizontal bars with their labels and values, in SVG units.</summary>
public sealed class BarChart
{
    public const int Width = 800;
    public const int LabelWidth = 420;
    public const int BarHeight = 22;
    public const int Gap = 8;

    public BarChart(IEnumerable<(string Label, string Link, int Count)> bars)
    {
        var list = bars.ToList();
        var max = list.Count == 0 ? 0 : list.Max(b => b.Count);
        Bars = [.. list.Select((b, i) => new Bar(b.Label, b.Link, b.Count, Y: i * (BarHeight + Gap),
            Width: max == 0 ? 0 : (Width - LabelWidth - 60) * b.Count / (double)max))];
    }

    public IReadOnlyList<Bar> Bars { get; }
    public int Height => Math.Max(1, Bars.Count * (BarHeight + Gap));

    public sealed record Bar(string Label, string Link, int Count, double Y, double Width);
}
