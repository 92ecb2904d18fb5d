using DialogueTracker.Web.Model;
using DialogueTracker.Web.Timeline;

namespace DialogueTracker.Web.Api.Contracts;

/// <summary>A round or a statement on the merged timeline.</summary>
/// <param name="Type" example="round">round or statement.</param>
/// <param name="Id">Id of the round or statement.</param>
/// <param name="Url" example="/rounds/4">Its page.</param>
/// <param name="Date" example="2020-02-19">EDTF date; null when unknown (undated entries come last).</param>
/// <param name="DatePrecision">year, month or day.</param>
/// <param name="TitleEn">English title.</param>
/// <param name="TitleVi">Vietnamese title.</param>
/// <param name="Kind">For rounds: launch, upgrade, round, ...</param>
/// <param name="Number">For rounds: the number within its series.</param>
/// <param name="Party">For statements: who spoke.</param>
/// <param name="Mechanism">The mechanism (a statement's through its round).</param>
/// <param name="Topics">What it touched.</param>
public sealed record TimelineEntryDto(
    TimelineEntryType Type,
    int Id,
    string Url,
    string? Date,
    DatePrecision? DatePrecision,
    string TitleEn,
    string? TitleVi,
    RoundKind? Kind,
    int? Number,
    Party? Party,
    MechanismRef? Mechanism,
    IReadOnlyList<TopicRef> Topics)
{
    public static TimelineEntryDto From(TimelineEntry e) => new(
        e.Type, e.Id, e.Url, e.Date?.ToString(), e.Date?.Precision, e.TitleEn, e.TitleVi, e.Kind, e.Number, e.Party,
        e.MechanismSlug is null ? null : new MechanismRef(e.MechanismSlug, e.MechanismNameEn!, e.MechanismNameVi!),
        [.. e.Topics.Select(TopicRef.From)]);
}
