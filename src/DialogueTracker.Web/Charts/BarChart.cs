namespace DialogueTracker.Web.Charts;

/// <summary>
/// Bars with their labels and values, in SVG units. Each label sits on its own line above its bar,
/// so long mechanism names stay legible when the chart shrinks to a phone's width.
/// </summary>
public sealed class BarChart
{
    public const int Width = 480;
    public const int LabelHeight = 18;
    public const int BarHeight = 16;
    public const int Gap = 12;
    public const int RowHeight = LabelHeight + BarHeight + Gap;
    private const int ValueRoom = 60;

    public BarChart(IEnumerable<(string Label, string Link, int Count)> bars)
    {
        var list = bars.ToList();
        var max = list.Count == 0 ? 0 : list.Max(b => b.Count);
        Bars = [.. list.Select((b, i) => new Bar(b.Label, b.Link, b.Count, Y: i * RowHeight,
            Width: max == 0 ? 0 : (Width - ValueRoom) * b.Count / (double)max))];
    }

    public IReadOnlyList<Bar> Bars { get; }
    public int Height => Math.Max(1, Bars.Count * RowHeight);

    public sealed record Bar(string Label, string Link, int Count, double Y, double Width)
    {
        public double LabelY => Y + LabelHeight - 5;
        public double BarY => Y + LabelHeight;
    }
}
