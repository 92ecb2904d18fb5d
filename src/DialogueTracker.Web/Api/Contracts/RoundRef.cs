using DialogueTracker.Web.Model;

namespace DialogueTracker.Web.Api.Contracts;

/// <summary>A round as other records name it.</summary>
/// <param name="Id">Round id.</param>
/// <param name="Key">Stable key.</param>
/// <param name="TitleEn">English title.</param>
/// <param name="Url">The round's page.</param>
public sealed record RoundRef(int Id, string Key, string TitleEn, string Url)
{
    public static RoundRef From(Round round) => new(round.Id, round.Key, round.TitleEn, $"/rounds/{round.Id}");
}
