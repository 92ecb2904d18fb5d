using System.Globalization;
using DialogueTracker.Web.Model;

namespace DialogueTracker.Web.Pages.Shared;

/// <summary>How pages name things for people.</summary>
public static class Labels
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public static string Date(PartialDate? date) => date?.Format(English) ?? "Undated";

    public static string Party(Party party, string? name = null) => (party switch
    {
        Model.Party.EU => "EU",
        Model.Party.VietNam => "Viet Nam",
        Model.Party.EuMemberState => "EU member state",
        Model.Party.EuropeanParliament => "European Parliament",
        Model.Party.Ngo => "NGO",
        _ => "Other",
    }) + (name is null ? "" : $" ({name})");

    public static string Kind(RoundKind kind) => kind switch
    {
        RoundKind.Launch => "Launch",
        RoundKind.Upgrade => "Upgrade",
        RoundKind.Round => "Round",
        RoundKind.Consultation => "Consultation",
        RoundKind.Meeting => "Meeting",
        RoundKind.Visit => "Visit",
        _ => "Event",
    };

    public static string SourceKind(SourceKind kind) => kind switch
    {
        Model.SourceKind.NewsArticle => "News article",
        Model.SourceKind.WebPage => "Web page",
        Model.SourceKind.PressRelease => "Press release",
        Model.SourceKind.Report => "Report",
        Model.SourceKind.Resolution => "Resolution",
        Model.SourceKind.Transcript => "Transcript",
        _ => "Other",
    };

    /// <summary>English name of a language tag, e.g. "Vietnamese" for <c>vi</c>; the tag itself if unknown.</summary>
    public static string Language(string tag)
    {
        try
        {
            var culture = CultureInfo.GetCultureInfo(tag);
            return culture.EnglishName.StartsWith("Unknown", StringComparison.Ordinal) ? tag : culture.EnglishName;
        }
        catch (CultureNotFoundException)
        {
            return tag;
        }
    }

    public static string Ordinal(int number) => number + (number % 100 is 11 or 12 or 13 ? "th" : (number % 10) switch
    {
        1 => "st",
        2 => "nd",
        3 => "rd",
        _ => "th",
    });
}
