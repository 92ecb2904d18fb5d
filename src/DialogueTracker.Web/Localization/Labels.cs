using System.Globalization;
using DialogueTracker.Web.Model;
using Microsoft.Extensions.Localization;

namespace DialogueTracker.Web.Localization;

/// <summary>How pages name things for people, in the reader's language.</summary>
public sealed class Labels(IStringLocalizer<SharedResource> localizer)
{
    public string Date(PartialDate? date) => date?.Format(CultureInfo.CurrentUICulture) ?? localizer["Undated"];

    public string Party(Party party, string? name = null) => localizer[party switch
    {
        Model.Party.EU => "EU",
        Model.Party.VietNam => "Viet Nam",
        Model.Party.EuMemberState => "EU member state",
        Model.Party.EuropeanParliament => "European Parliament",
        Model.Party.Ngo => "NGO",
        _ => "Other party",
    }] + (name is null ? "" : $" ({name})");

    public string Kind(RoundKind kind) => localizer[kind switch
    {
        RoundKind.Launch => "Launch",
        RoundKind.Upgrade => "Upgrade",
        RoundKind.Round => "Round",
        RoundKind.Consultation => "Consultation",
        RoundKind.Meeting => "Meeting",
        RoundKind.Visit => "Visit",
        _ => "Event",
    }];

    /// <summary>A concern's status; neutral words, as <see cref="Model.ConcernStatus"/> explains.</summary>
    public string ConcernStatus(ConcernStatus status) => localizer[status switch
    {
        Model.ConcernStatus.Raised => "Raised",
        Model.ConcernStatus.InDiscussion => "In discussion",
        Model.ConcernStatus.Responded => "Responded",
        Model.ConcernStatus.ActionReported => "Action reported",
        _ => "No longer raised",
    }];

    /// <summary>What a mention is, with the side that spoke: "Raised by the EU", "Response from Viet Nam".</summary>
    public string Mention(MentionKind kind, Party party) =>
        localizer[kind == MentionKind.Raised ? "Raised by {0}" : "Response from {0}", Party(party)];

    public string SourceKind(SourceKind kind) => localizer[kind switch
    {
        Model.SourceKind.NewsArticle => "News article",
        Model.SourceKind.WebPage => "Web page",
        Model.SourceKind.PressRelease => "Press release",
        Model.SourceKind.Report => "Report",
        Model.SourceKind.Resolution => "Resolution",
        Model.SourceKind.Transcript => "Transcript",
        _ => "Other document",
    }];

    /// <summary>The record field a citation's claim is about, in words.</summary>
    public string ClaimField(string field) => field switch
    {
        "date" => localizer["the date"],
        "number" => localizer["the round number"],
        "startDate" => localizer["the start date"],
        _ => field,
    };

    /// <summary>A language's name in the reader's language, e.g. "Vietnamese" or "tiếng Việt" for <c>vi</c>.</summary>
    public string Language(string tag)
    {
        try
        {
            var culture = CultureInfo.GetCultureInfo(tag);
            var name = Cultures.CurrentIsVietnamese ? culture.DisplayName : culture.EnglishName;
            if (Cultures.CurrentIsVietnamese)
            {
                // .NET names languages in the OS language; say the common ones ourselves.
                name = culture.TwoLetterISOLanguageName switch
                {
                    "vi" => "tiếng Việt",
                    "en" => "tiếng Anh",
                    "fr" => "tiếng Pháp",
                    "de" => "tiếng Đức",
                    "it" => "tiếng Ý",
                    _ => culture.EnglishName,
                };
            }

            return name.StartsWith("Unknown", StringComparison.Ordinal) ? tag : name;
        }
        catch (CultureNotFoundException)
        {
            return tag;
        }
    }

    /// <summary>"9th" in English, "thứ 9" in Vietnamese.</summary>
    public string Ordinal(int number) => Cultures.CurrentIsVietnamese
        ? $"thứ {number}"
        : number + (number % 100 is 11 or 12 or 13 ? "th" : (number % 10) switch
        {
            1 => "st",
            2 => "nd",
            3 => "rd",
            _ => "th",
        });

    public string Number(int value) => value.ToString("N0", CultureInfo.CurrentCulture);

    /// <summary>"English only" / "chỉ có bản tiếng Anh": says a text is not in the reader's language.</summary>
    public string FallbackNote(LocalizedText text) =>
        localizer[text.Language == Cultures.Vietnamese ? "Vietnamese only" : "English only"];

    public LocalizedString this[string key] => localizer[key];

    public LocalizedString this[string key, params object[] arguments] => localizer[key, arguments];

    /// <summary>Picks singular or plural English text; Vietnamese has one form for both.</summary>
    public LocalizedString Count(int count, string singular, string plural) => localizer[count == 1 ? singular : plural, Number(count)];
}
