namespace DialogueTracker.Web.Model;

/// <summary>
/// One end of a <see cref="PartialDate"/>: a year, a month or a day, each part with its own qualifier.
/// Construct through <see cref="PartialDate.Parse"/> or <see cref="Create"/>, which validate.
/// </summary>
public readonly record struct DatePart
{
    private DatePart(int year, int? month, int? day, DateQualifier yearQualifier, DateQualifier monthQualifier, DateQualifier dayQualifier)
    {
        Year = year;
        Month = month;
        Day = day;
        YearQualifier = yearQualifier;
        MonthQualifier = monthQualifier;
        DayQualifier = dayQualifier;
    }

    public int Year { get; }
    public int? Month { get; }
    public int? Day { get; }
    public DateQualifier YearQualifier { get; }
    public DateQualifier MonthQualifier { get; }
    public DateQualifier DayQualifier { get; }

    public DatePrecision Precision => Day is not null ? DatePrecision.Day : Month is not null ? DatePrecision.Month : DatePrecision.Year;

    /// <summary>The first day this part can mean.</summary>
    public DateOnly Earliest => new(Year, Month ?? 1, Day ?? 1);

    /// <summary>The last day this part can mean.</summary>
    public DateOnly Latest => Day is not null
        ? new(Year, Month!.Value, Day.Value)
        : Month is not null
            ? new(Year, Month.Value, DateTime.DaysInMonth(Year, Month.Value))
            : new(Year, 12, 31);

    public bool IsQualified => (YearQualifier | MonthQualifier | DayQualifier) != DateQualifier.None;

    /// <summary>Builds a part, or says in <paramref name="error"/> why it cannot exist.</summary>
    public static DatePart? Create(
        int year, int? month, int? day,
        DateQualifier yearQualifier, DateQualifier monthQualifier, DateQualifier dayQualifier,
        out string? error)
    {
        error = null;
        if (year is < 1 or > 9999)
        {
            error = "the year must be between 0001 and 9999";
        }
        else if (day is not null && month is null)
        {
            error = "a day needs a month";
        }
        else if (month is < 1 or > 12)
        {
            error = "the month must be between 01 and 12";
        }
        else if (day is not null && (day < 1 || day > DateTime.DaysInMonth(year, month!.Value)))
        {
            error = $"{year:D4}-{month:D2} has no day {day:D2}";
        }

        if (error is not null)
        {
            return null;
        }

        return new DatePart(
            year, month, day,
            yearQualifier,
            month is null ? DateQualifier.None : monthQualifier,
            day is null ? DateQualifier.None : dayQualifier);
    }

    /// <summary>The part in EDTF, e.g. <c>2021?-06-24</c>.</summary>
    public override string ToString()
    {
        // When every part carries the same qualifier, EDTF puts one sign after the whole date.
        if ((Month is null || MonthQualifier == YearQualifier) && (Day is null || DayQualifier == YearQualifier))
        {
            return YearQualifier == DateQualifier.None ? Digits() : Digits() + Sign(YearQualifier);
        }

        // Otherwise a sign after the year covers the year only; a sign before a month or day covers that part only.
        var text = $"{Year:D4}{Sign(YearQualifier)}";
        if (Month is { } month)
        {
            text += $"-{Sign(MonthQualifier)}{month:D2}";
        }

        if (Day is { } day)
        {
            text += $"-{Sign(DayQualifier)}{day:D2}";
        }

        return text;
    }

    private string Digits() => (Month, Day) switch
    {
        (null, _) => $"{Year:D4}",
        ({ } month, null) => $"{Year:D4}-{month:D2}",
        ({ } month, { } day) => $"{Year:D4}-{month:D2}-{day:D2}",
    };

    internal static string Sign(DateQualifier qualifier) => qualifier switch
    {
        DateQualifier.Uncertain => "?",
        DateQualifier.Approximate => "~",
        DateQualifier.UncertainAndApproximate => "%",
        _ => "",
    };
}
