using System.Globalization;
using System.Text;

namespace DialogueTracker.Web.Model;

/// <summary>
/// A date as sources give it: known to the year, month or day, possibly a span of days, with parts that
/// may be uncertain or inferred. Written as an EDTF (ISO 8601-2) string: <c>2003</c>, <c>2020-02</c>,
/// <c>2020-02-19</c>, <c>2021?-06-24</c> (year inferred), <c>2019-05-20/2019-05-21</c> (a span).
/// </summary>
public readonly record struct PartialDate : IComparable<PartialDate>
{
    private PartialDate(DatePart start, DatePart? end)
    {
        Start = start;
        End = end;
    }

    public DatePart Start { get; }

    /// <summary>The last day of a span; null for a single date.</summary>
    public DatePart? End { get; }

    public DatePrecision Precision => Start.Precision;

    public bool IsSpan => End is not null;

    /// <summary>The earliest day the date can mean: what the timeline orders and filters by.</summary>
    public DateOnly Earliest => Start.Earliest;

    public DateOnly Latest => (End ?? Start).Latest;

    /// <summary>True when some part is uncertain, inferred or approximate.</summary>
    public bool IsQualified => Start.IsQualified || End?.IsQualified == true;

    public static PartialDate Year(int year) => Parse($"{year:D4}");

    public static PartialDate Parse(string text) =>
        TryParse(text, out var date, out var error) ? date : throw new FormatException(error);

    /// <summary>Reads an EDTF date or span; <paramref name="error"/> says what is wrong in words a user can act on.</summary>
    public static bool TryParse(string? text, out PartialDate date, out string? error)
    {
        // Spans, not Split: an import parses hundreds of thousands of dates, and only a bad one needs a string.
        date = default;
        var whole = text.AsSpan().Trim();
        if (whole.IsEmpty)
        {
            error = "a date is required (e.g. 2003, 2020-02 or 2020-02-19)";
            return false;
        }

        var slash = whole.IndexOf('/');
        if (slash >= 0 && whole[(slash + 1)..].Contains('/'))
        {
            error = $"'{whole}' has more than one '/'";
            return false;
        }

        if (!TryParsePart(slash < 0 ? whole : whole[..slash], out var start, out error))
        {
            error = $"'{whole}' is not a date: {error}";
            return false;
        }

        DatePart? end = null;
        if (slash >= 0)
        {
            if (!TryParsePart(whole[(slash + 1)..], out var last, out error))
            {
                error = $"'{whole}' is not a span of dates: {error}";
                return false;
            }

            if (last.Latest < start.Earliest)
            {
                error = $"'{whole}' ends before it starts";
                return false;
            }

            end = last;
        }

        date = new PartialDate(start, end);
        error = null;
        return true;
    }

    private static bool TryParsePart(ReadOnlySpan<char> text, out DatePart part, out string? error)
    {
        part = default;
        if (text is "" or "..")
        {
            error = "open or unknown ends are not supported; give both ends of a span";
            return false;
        }

        var pieces = text.Count('-') + 1;
        if (pieces > 3)
        {
            error = "expected YYYY, YYYY-MM or YYYY-MM-DD";
            return false;
        }

        ReadOnlySpan<int> expectedDigits = [4, 2, 2];
        Span<int> numbers = stackalloc int[3];
        Span<DateQualifier> leading = stackalloc DateQualifier[3];
        Span<DateQualifier> trailing = stackalloc DateQualifier[3];
        var rest = text;
        for (var i = 0; i < pieces; i++)
        {
            var dash = rest.IndexOf('-');
            var piece = dash < 0 ? rest : rest[..dash];
            rest = dash < 0 ? [] : rest[(dash + 1)..];
            leading[i] = piece.Length > 0 ? ReadSign(piece[0]) : DateQualifier.None;
            if (leading[i] != DateQualifier.None)
            {
                piece = piece[1..];
            }

            trailing[i] = piece.Length > 0 ? ReadSign(piece[^1]) : DateQualifier.None;
            if (trailing[i] != DateQualifier.None)
            {
                piece = piece[..^1];
            }

            if (piece.Length != expectedDigits[i] || piece.ContainsAnyExceptInRange('0', '9'))
            {
                error = i == 0
                    ? "the year must be four digits (YYYY)"
                    : $"the {(i == 1 ? "month" : "day")} must be two digits";
                if (pieces == 1 && text.Length > 0 && !text.ContainsAnyInRange('0', '9'))
                {
                    error = "expected YYYY, YYYY-MM or YYYY-MM-DD";
                }

                return false;
            }

            numbers[i] = int.Parse(piece, CultureInfo.InvariantCulture);
        }

        // A sign after a part covers that part and every part to its left; a sign before a part covers it alone.
        Span<DateQualifier> qualifiers = stackalloc DateQualifier[3];
        for (var i = 0; i < pieces; i++)
        {
            qualifiers[i] = leading[i];
            for (var j = i; j < pieces; j++)
            {
                qualifiers[i] |= trailing[j];
            }
        }

        var created = DatePart.Create(
            numbers[0],
            pieces > 1 ? numbers[1] : null,
            pieces > 2 ? numbers[2] : null,
            qualifiers[0],
            qualifiers[1],
            qualifiers[2],
            out error);
        if (created is null)
        {
            return false;
        }

        part = created.Value;
        return true;
    }

    private static DateQualifier ReadSign(char c) => c switch
    {
        '?' => DateQualifier.Uncertain,
        '~' => DateQualifier.Approximate,
        '%' => DateQualifier.UncertainAndApproximate,
        _ => DateQualifier.None,
    };

    /// <summary>The EDTF string, as the API and exports write it.</summary>
    public override string ToString() => End is null ? Start.ToString() : $"{Start}/{End}";

    /// <summary>
    /// The date as a person writes it: "2003", "February 2020", "19 February 2020"; in Vietnamese
    /// "19 tháng 2 năm 2020". Uncertain or inferred parts carry a "?", approximate ones "c." / "khoảng".
    /// </summary>
    public string Format(CultureInfo culture)
    {
        var vietnamese = culture.TwoLetterISOLanguageName == "vi";
        if (End is { } end)
        {
            // "19–20 February 2020" when the two days share a plain month and year.
            if (Start.Precision == DatePrecision.Day && end.Precision == DatePrecision.Day
                && Start.Year == end.Year && Start.Month == end.Month && !IsQualified)
            {
                return $"{Start.Day}–{end.Day} {FormatPart(end, vietnamese, includeDay: false)}";
            }

            return $"{FormatPart(Start, vietnamese, includeDay: true)} – {FormatPart(end, vietnamese, includeDay: true)}";
        }

        return FormatPart(Start, vietnamese, includeDay: true);
    }

    private static string FormatPart(DatePart part, bool vietnamese, bool includeDay)
    {
        // One qualifier on every part marks the date once: "c. 24 June 2021", not "c. 24 c. June c. 2021".
        var parts = new List<DateQualifier> { part.YearQualifier };
        if (part.Month is not null) { parts.Add(part.MonthQualifier); }
        if (part.Day is not null) { parts.Add(part.DayQualifier); }
        var whole = parts.Count > 1 && parts.All(q => q == part.YearQualifier) ? part.YearQualifier : DateQualifier.None;
        DateQualifier Own(DateQualifier qualifier) => whole == DateQualifier.None ? qualifier : DateQualifier.None;

        var text = new StringBuilder();
        if (includeDay && part.Day is { } day)
        {
            text.Append(Mark($"{day}", Own(part.DayQualifier), vietnamese)).Append(' ');
        }

        if (part.Month is { } month)
        {
            var monthName = vietnamese
                ? $"tháng {month}"
                : CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(month);
            text.Append(Mark(monthName, Own(part.MonthQualifier), vietnamese)).Append(vietnamese ? " năm " : " ");
        }

        text.Append(Mark($"{part.Year}", Own(part.YearQualifier), vietnamese));
        return Mark(text.ToString(), whole, vietnamese);
    }

    private static string Mark(string text, DateQualifier qualifier, bool vietnamese)
    {
        if (qualifier.HasFlag(DateQualifier.Approximate))
        {
            text = (vietnamese ? "khoảng " : "c. ") + text;
        }

        return qualifier.HasFlag(DateQualifier.Uncertain) ? text + "?" : text;
    }

    /// <summary>Orders by the earliest day, then the latest, so "2020" comes before "2020-02-19".</summary>
    public int CompareTo(PartialDate other)
    {
        var byEarliest = Earliest.CompareTo(other.Earliest);
        return byEarliest != 0 ? byEarliest : Latest.CompareTo(other.Latest);
    }

    public static bool operator <(PartialDate left, PartialDate right) => left.CompareTo(right) < 0;
    public static bool operator >(PartialDate left, PartialDate right) => left.CompareTo(right) > 0;
    public static bool operator <=(PartialDate left, PartialDate right) => left.CompareTo(right) <= 0;
    public static bool operator >=(PartialDate left, PartialDate right) => left.CompareTo(right) >= 0;
}
