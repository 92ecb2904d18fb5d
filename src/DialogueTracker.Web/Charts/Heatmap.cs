namespace DialogueTracker.Web.Charts;

/// <summary>Counts by row and year as a grid of shaded cells, in SVG units.</summary>
public sealed class Heatmap
{
    public const int LabelWidth = 230;
    public const int CellWidth = 26;
    public const int CellHeight = 22;
    public const int HeaderHeight = 44;

    public Heatmap(IReadOnlyList<HeatmapRow> rows)
    {
        Rows = rows;
        var years = rows.SelectMany(r => r.Counts.Keys).ToList();
        if (years.Count > 0)
        {
            Years = [.. Enumerable.Range(years.Min(), years.Max() - years.Min() + 1)];
            Max = rows.SelectMany(r => r.Counts.Values).Max();
        }
    }

    public IReadOnlyList<HeatmapRow> Rows { get; }
    public IReadOnlyList<int> Years { get; } = [];
    public int Max { get; }
    public int Width => LabelWidth + Years.Count * CellWidth + 4;
    public int Height => HeaderHeight + Rows.Count * CellHeight + 4;

    public double CellX(int year) => LabelWidth + (year - Years[0]) * CellWidth;

    public static double CellY(int row) => HeaderHeight + row * CellHeight;

    /// <summary>Shade from light to full: any record at all stays visible against the page.</summary>
    public double Opacity(int count) => count == 0 || Max == 0 ? 0 : 0.2 + 0.8 * count / Max;
}

/// <param name="Label">The row's name.</param>
/// <param name="Link">Where the row's name links to.</param>
/// <param name="Counts">Records by year.</param>
public sealed record HeatmapRow(string Label, string Link, IReadOnlyDictionary<int, int> Counts);
