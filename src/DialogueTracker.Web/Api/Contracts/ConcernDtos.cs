using DialogueTracker.Web.Concerns;
using DialogueTracker.Web.Model;

namespace DialogueTracker.Web.Api.Contracts;

/// <summary>A concern or request as a list shows it.</summary>
/// <param name="Id" example="1">Concern id.</param>
/// <param name="Key" example="eu-freedom-of-expression">Stable key.</param>
/// <param name="Url" example="/concerns/1">The concern's page: its thread over time.</param>
/// <param name="RaisedBy" example="eu">The party that raises it.</param>
/// <param name="AddressedTo" example="viet-nam">The party it is addressed to.</param>
/// <param name="TitleEn">English title: what is asked.</param>
/// <param name="TitleVi">Vietnamese title.</param>
/// <param name="Status" example="responded">Where it stands (raised, in-discussion, responded, action-reported, no-longer-raised): an editor's reading of the cited sources, not a finding of either side. Null when no status is recorded.</param>
/// <param name="FirstRaised" example="&quot;2019&quot;">EDTF date of the earliest dated mention that raises it; null when none is dated.</param>
/// <param name="LastRaised" example="2021?-06-24">EDTF date of the latest dated mention that raises it.</param>
/// <param name="RoundCount" example="0">In how many rounds it came up, directly or through a statement made there.</param>
/// <param name="MentionCount" example="2">How many times it came up, answers included.</param>
/// <param name="Topics">What it is about.</param>
public sealed record ConcernSummaryDto(
    int Id,
    string Key,
    string Url,
    Party RaisedBy,
    Party AddressedTo,
    string TitleEn,
    string? TitleVi,
    ConcernStatus? Status,
    string? FirstRaised,
    string? LastRaised,
    int RoundCount,
    int MentionCount,
    IReadOnlyList<TopicRef> Topics)
{
    public static ConcernSummaryDto From(ConcernThread thread)
    {
        var c = thread.Concern;
        return new(c.Id, c.Key, $"/concerns/{c.Id}", c.RaisedBy, c.AddressedTo, c.TitleEn, c.TitleVi, thread.Status?.Status,
            thread.FirstRaised?.ToString(), thread.LastRaised?.ToString(), thread.RoundIds.Count, c.Mentions.Count,
            [.. c.Topics.OrderBy(t => t.NameEn).Select(TopicRef.From)]);
    }
}

/// <summary>A concern with its thread: every mention, in order, and its status history.</summary>
/// <param name="Id" example="1">Concern id.</param>
/// <param name="Key" example="eu-freedom-of-expression">Stable key.</param>
/// <param name="Url" example="/concerns/1">The concern's page.</param>
/// <param name="RaisedBy" example="eu">The party that raises it.</param>
/// <param name="AddressedTo" example="viet-nam">The party it is addressed to.</param>
/// <param name="TitleEn">English title.</param>
/// <param name="TitleVi">Vietnamese title.</param>
/// <param name="SummaryEn">What is asked, in the tracker's words.</param>
/// <param name="SummaryVi">The same in Vietnamese.</param>
/// <param name="Status" example="responded">The latest status: an editor's reading of the sources cited in <c>statusHistory</c>.</param>
/// <param name="FirstRaised">EDTF date of the earliest dated mention that raises it.</param>
/// <param name="LastRaised">EDTF date of the latest dated mention that raises it.</param>
/// <param name="Topics">What it is about.</param>
/// <param name="Citations">Where this comes from.</param>
/// <param name="Mentions">Each time it came up, oldest first; a response comes after what it answers.</param>
/// <param name="StatusHistory">Its status over time, in order, each with its sources.</param>
public sealed record ConcernDto(
    int Id,
    string Key,
    string Url,
    Party RaisedBy,
    Party AddressedTo,
    string TitleEn,
    string? TitleVi,
    string? SummaryEn,
    string? SummaryVi,
    ConcernStatus? Status,
    string? FirstRaised,
    string? LastRaised,
    IReadOnlyList<TopicRef> Topics,
    IReadOnlyList<CitationDto> Citations,
    IReadOnlyList<MentionDto> Mentions,
    IReadOnlyList<StatusChangeDto> StatusHistory)
{
    public static ConcernDto From(Concern c)
    {
        var thread = ConcernThread.Of(c);
        return new(c.Id, c.Key, $"/concerns/{c.Id}", c.RaisedBy, c.AddressedTo, c.TitleEn, c.TitleVi, c.SummaryEn, c.SummaryVi,
            thread.Status?.Status, thread.FirstRaised?.ToString(), thread.LastRaised?.ToString(),
            [.. c.Topics.OrderBy(t => t.NameEn).Select(TopicRef.From)],
            CitationDto.FromAll(c.Citations),
            [.. thread.Mentions.Select(MentionDto.From)],
            [.. c.StatusHistory.OrderBy(s => s.Id).Select(StatusChangeDto.From)]);
    }
}

/// <summary>One time a concern came up.</summary>
/// <param name="Key" example="vn-spokesperson-answer">Key within the concern; <c>respondsTo</c> names it.</param>
/// <param name="Kind" example="response">raised (first or again) or response.</param>
/// <param name="Party" example="viet-nam">The side that spoke.</param>
/// <param name="Date" example="2021?-06-24">EDTF date: the mention's own, else that of the round, statement or report it came up in.</param>
/// <param name="DateNote">Why a part of the mention's own date is inferred.</param>
/// <param name="Round">The round it came up in, if any.</param>
/// <param name="Statement">The statement it came up in, if any.</param>
/// <param name="Report">The report (a source) it came up in, if any.</param>
/// <param name="RespondsTo">Key of the mention this one answers.</param>
/// <param name="SummaryEn">What was said, in the tracker's words.</param>
/// <param name="SummaryVi">The same in Vietnamese.</param>
/// <param name="Quote">The words as the source prints them.</param>
/// <param name="Language" example="en">BCP 47 language of the quote.</param>
/// <param name="Citations">Where this comes from.</param>
public sealed record MentionDto(
    string Key,
    MentionKind Kind,
    Party Party,
    string? Date,
    string? DateNote,
    RoundRef? Round,
    StatementRef? Statement,
    SourceRef? Report,
    string? RespondsTo,
    string? SummaryEn,
    string? SummaryVi,
    string? Quote,
    string? Language,
    IReadOnlyList<CitationDto> Citations)
{
    public static MentionDto From(ConcernMention m) => new(
        m.Key, m.Kind, m.Party, ConcernThread.DateOf(m)?.ToString(), m.DateNote,
        m.Round is null ? null : RoundRef.From(m.Round),
        m.Statement is null ? null : StatementRef.From(m.Statement),
        m.Report is null ? null : SourceRef.From(m.Report),
        m.RespondsTo?.Key, m.SummaryEn, m.SummaryVi, m.Quote, m.Language, CitationDto.FromAll(m.Citations));
}

/// <summary>A concern's status from a date on: an editor's reading of the cited sources.</summary>
/// <param name="Status" example="raised">raised, in-discussion, responded, action-reported or no-longer-raised.</param>
/// <param name="Date">EDTF date from which it holds; null when the sources give none.</param>
/// <param name="DateNote">Why a part of the date is inferred.</param>
/// <param name="NoteEn">Why the editor reads the sources this way.</param>
/// <param name="NoteVi">The same in Vietnamese.</param>
/// <param name="Citations">The sources this reading rests on.</param>
public sealed record StatusChangeDto(ConcernStatus Status, string? Date, string? DateNote, string? NoteEn, string? NoteVi, IReadOnlyList<CitationDto> Citations)
{
    public static StatusChangeDto From(ConcernStatusChange s) =>
        new(s.Status, s.Date?.ToString(), s.DateNote, s.NoteEn, s.NoteVi, CitationDto.FromAll(s.Citations));
}
