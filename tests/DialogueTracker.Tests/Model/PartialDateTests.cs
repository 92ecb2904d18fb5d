using System.Globalization;
using DialogueTracker.Web.Model;

namespace DialogueTracker.Tests.Model;

public sealed class PartialDateTests
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    [Theory]
    [InlineData("2003", DatePrecision.Year, "2003-01-01", "2003-12-31")]
    [InlineData("2020-02", DatePrecision.Month, "2020-02-01", "2020-02-29")]
    [InlineData("2019-02", DatePrecision.Month, "2019-02-01", "2019-02-28")]
    [InlineData("2020-02-19", DatePrecision.Day, "2020-02-19", "2020-02-19")]
    [InlineData("2021?-06-24", DatePrecision.Day, "2021-06-24", "2021-06-24")]
    [InlineData("2019-05-20/2019-05-21", DatePrecision.Day, "2019-05-20", "2019-05-21")]
    [InlineData("2012/2013-06", DatePrecision.Year, "2012-01-01", "2013-06-30")]
    public void Parses_precision_and_range(string edtf, DatePrecision precision, string earliest, string latest)
    {
        var date = PartialDate.Parse(edtf);

        Assert.Equal(precision, date.Precision);
        Assert.Equal(DateOnly.Parse(earliest, CultureInfo.InvariantCulture), date.Earliest);
        Assert.Equal(DateOnly.Parse(latest, CultureInfo.InvariantCulture), date.Latest);
    }

    [Theory]
    [InlineData("2003")]
    [InlineData("2020-02")]
    [InlineData("2020-02-19")]
    [InlineData("2021?-06-24")]
    [InlineData("2021-?06-24")]
    [InlineData("2021-06-?24")]
    [InlineData("2021-06-24?")]
    [InlineData("2021~")]
    [InlineData("2021%-06")]
    [InlineData("2019-05-20/2019-05-21")]
    [InlineData("2019?-05-20/2019?-05-21")]
    public void Writes_back_the_same_edtf(string edtf) => Assert.Equal(edtf, PartialDate.Parse(edtf).ToString());

    [Theory]
    [InlineData("2021-06?-24", DateQualifier.Uncertain, DateQualifier.Uncertain, DateQualifier.None)]
    [InlineData("2021?-06-24", DateQualifier.Uncertain, DateQualifier.None, DateQualifier.None)]
    [InlineData("2021-06-24~", DateQualifier.Approximate, DateQualifier.Approximate, DateQualifier.Approximate)]
    [InlineData("2021-~06-24", DateQualifier.None, DateQualifier.Approximate, DateQualifier.None)]
    public void A_sign_after_a_part_covers_it_and_the_parts_to_its_left(string edtf, DateQualifier year, DateQualifier month, DateQualifier day)
    {
        var start = PartialDate.Parse(edtf).Start;

        Assert.Equal((year, month, day), (start.YearQualifier, start.MonthQualifier, start.DayQualifier));
    }

    [Fact]
    public void Equivalent_qualifications_write_the_same_canonical_string() =>
        Assert.Equal("2021-06-24?", PartialDate.Parse("2021?-06?-24?").ToString());

    [Theory]
    [InlineData("", "required")]
    [InlineData("yesterday", "expected YYYY")]
    [InlineData("20", "four digits")]
    [InlineData("2020-2", "two digits")]
    [InlineData("2020-13", "month must be between 01 and 12")]
    [InlineData("2019-02-29", "has no day 29")]
    [InlineData("2020-02-30", "has no day 30")]
    [InlineData("0000", "between 0001 and 9999")]
    [InlineData("2020-02-19/2020-02-18", "ends before it starts")]
    [InlineData("2020/..", "open or unknown ends")]
    [InlineData("2020/", "open or unknown ends")]
    [InlineData("2020/2021/2022", "more than one")]
    [InlineData("2020-01-01-01", "expected YYYY")]
    [InlineData("2020-x1", "two digits")]
    public void Rejects_what_is_not_a_date_and_says_why(string text, string reason)
    {
        Assert.False(PartialDate.TryParse(text, out _, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
        Assert.Throws<FormatException>(() => PartialDate.Parse(text));
    }

    [Fact]
    public void Accepts_a_leap_day() => Assert.Equal(new DateOnly(2020, 2, 29), PartialDate.Parse("2020-02-29").Earliest);

    [Fact]
    public void Orders_by_earliest_day_then_by_narrower_range()
    {
        var dates = new[] { "2020-02-19", "2012", "2020", "2003", "2020-02", "2019-12-31" }.Select(PartialDate.Parse).ToList();

        dates.Sort();

        Assert.Equal(["2003", "2012", "2019-12-31", "2020", "2020-02", "2020-02-19"], dates.Select(d => d.ToString()));
        Assert.True(PartialDate.Parse("2012") < PartialDate.Parse("2020-02-19"));
    }

    [Theory]
    [InlineData("2003", "2003")]
    [InlineData("2020-02", "February 2020")]
    [InlineData("2020-02-19", "19 February 2020")]
    [InlineData("2021?-06-24", "24 June 2021?")]
    [InlineData("2021-06-24~", "c. 24 June 2021")]
    [InlineData("2021-06~", "c. June 2021")]
    [InlineData("2021-?06-24", "24 June? 2021")]
    [InlineData("2019-05-20/2019-05-21", "20–21 May 2019")]
    [InlineData("2019-05-30/2019-06-02", "30 May 2019 – 2 June 2019")]
    public void Formats_in_english_as_a_person_writes_it(string edtf, string expected) =>
        Assert.Equal(expected, PartialDate.Parse(edtf).Format(English));

    [Theory]
    [InlineData("2003", "2003")]
    [InlineData("2020-02", "tháng 2 năm 2020")]
    [InlineData("2020-02-19", "19 tháng 2 năm 2020")]
    [InlineData("2021?-06-24", "24 tháng 6 năm 2021?")]
    [InlineData("2021-06-24~", "khoảng 24 tháng 6 năm 2021")]
    [InlineData("2019-05-20/2019-05-21", "20–21 tháng 5 năm 2019")]
    public void Formats_in_vietnamese_as_a_person_writes_it(string edtf, string expected) =>
        Assert.Equal(expected, PartialDate.Parse(edtf).Format(Vietnamese));

    [Fact]
    public void Marks_qualified_dates()
    {
        Assert.True(PartialDate.Parse("2021?-06-24").IsQualified);
        Assert.False(PartialDate.Parse("2021-06-24").IsQualified);
        Assert.True(PartialDate.Parse("2021-06-24/2021-06-25?").IsQualified);
    }

    [Fact]
    public void Equal_dates_are_equal_values()
    {
        Assert.Equal(PartialDate.Parse("2020-02-19"), PartialDate.Parse(" 2020-02-19 "));
        Assert.NotEqual(PartialDate.Parse("2020-02-19"), PartialDate.Parse("2020?-02-19"));
    }
}
