namespace DialogueTracker.Web.Charts;

/// <summary>Records per year as columns, every year of the range shown (empty years too), in SVG units.</summary>
public sealed class YearColumnChart
{
    public const int Width = 600;
    public const int Height = 160;
    public const int AxisHeight = 20;

    public YearColumnChart(IEnumerable<YearCount> counts)
    {
        var byYear = counts.GroupBy(c => c.Year).ToDictionary(g => g.Key, g => g.Sum(c => c.Count));
        if (byYear.Count == 0)
        {
            return;
        }

        var first = byYear.Keys.Min();
        var last = byYear.Keys.Max();
        Max = byYear.Values.Max();
        var slot = (double)Width / (last - first + 1);
        Columns = [.. Enumerable.Range(first, last - first + 1).Select(year =>
        {
            var count = byYear.GetValueOrDefault(year);
            var height = Max == 0 ? 0 : (Height - AxisHeight - 14) * count / (double)Max;
            return new Column(year, count, X: (year - first) * slot + slot * 0.15, Width: slot * 0.7, Y: Height - AxisHeight - height, Height: height);
        })];
    }

    public IReadOnlyList<Column> Columns { get; } = [];
    public int Max { get; }

    /// <summary>Label every year when there is room, otherwise every fifth.</summary>
    public bool ShowsYearLabel(Column column) => Columns.Count <= 12 || column.Year % 5 == 0;

    public sealed record Column(int Year, int Count, double X, double Width, double Y, double Height)
    {
        public double CenterX => X + Width / 2;
    }
}
