using DialogueTracker.Web.Model;

namespace DialogueTracker.Web.Api.Contracts;

/// <summary>What one side said.</summary>
/// <param name="Id" example="1">Statement id.</param>
/// <param name="Key" example="vn-mofa-eu-hr-report-2020">Stable key.</param>
/// <param name="Url" example="/statements/1">The statement's page.</param>
/// <param name="Date" example="2021?-06-24">EDTF date; <c>?</c> marks an uncertain or inferred part. Null when unknown.</param>
/// <param name="DatePrecision" example="day">year, month or day.</param>
/// <param name="DateNote">Why a part of the date is inferred or uncertain.</param>
/// <param name="Party" example="viet-nam">eu, viet-nam, eu-member-state, european-parliament, ngo or other.</param>
/// <param name="PartyName">Which member state or body, when the party alone does not say.</param>
/// <param name="Speaker" example="Le Thi Thu Hang">Who spoke, as the source spells it.</param>
/// <param name="SpeakerRole">The speaker's role.</param>
/// <param name="Occasion">Where it was said.</param>
/// <param name="InResponseTo" example="EU Annual Report on Human Rights 2020">What it answers.</param>
/// <param name="Round">The round it belongs to, if any.</param>
/// <param name="TitleEn">English title.</param>
/// <param name="TitleVi">Vietnamese title.</param>
/// <param name="SummaryEn">English summary, in the tracker's words.</param>
/// <param name="SummaryVi">Vietnamese summary, in the tracker's words.</param>
/// <param name="Quote">The speaker's words as the source prints them.</param>
/// <param name="Language" example="en">BCP 47 language of the quote.</param>
/// <param name="Topics">What it touched.</param>
/// <param name="Citations">Where this comes from.</param>
public sealed record StatementDto(
    int Id,
    string Key,
    string Url,
    string? Date,
    DatePrecision? DatePrecision,
    string? DateNote,
    Party Party,
    string? PartyName,
    string? Speaker,
    string? SpeakerRole,
    string? Occasion,
    string? InResponseTo,
    RoundRef? Round,
    string TitleEn,
    string? TitleVi,
    string? SummaryEn,
    string? SummaryVi,
    string? Quote,
    string Language,
    IReadOnlyList<TopicRef> Topics,
    IReadOnlyList<CitationDto> Citations)
{
    public static StatementDto From(Statement s) => new(
        s.Id, s.Key, $"/statements/{s.Id}", s.Date?.ToString(), s.Date?.Precision, s.DateNote,
        s.Party, s.PartyName, s.Speaker, s.SpeakerRole, s.Occasion, s.InResponseTo,
        s.Round is null ? null : RoundRef.From(s.Round),
        s.TitleEn, s.TitleVi, s.SummaryEn, s.SummaryVi, s.Quote, s.Language,
        [.. s.Topics.OrderBy(t => t.NameEn).Select(TopicRef.From)],
        CitationDto.FromAll(s.Citations));
}
