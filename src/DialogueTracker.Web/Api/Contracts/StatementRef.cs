using DialogueTracker.Web.Model;

namespace DialogueTracker.Web.Api.Contracts;

/// <summary>A statement as other records name it.</summary>
/// <param name="Id">Statement id.</param>
/// <param name="Key">Stable key.</param>
/// <param name="TitleEn">English title.</param>
/// <param name="Url">The statement's page.</param>
public sealed record StatementRef(int Id, string Key, string TitleEn, string Url)
{
    public static StatementRef From(Statement statement) => new(statement.Id, statement.Key, statement.TitleEn, $"/statements/{statement.Id}");
}
