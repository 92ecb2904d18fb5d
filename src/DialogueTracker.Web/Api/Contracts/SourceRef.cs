using DialogueTracker.Web.Model;

namespace DialogueTracker.Web.Api.Contracts;

/// <summary>A source as a citation names it.</summary>
/// <param name="Id" example="1">Source id.</param>
/// <param name="Key" example="seed-vi-eu-delegation-dialogue-page">Stable key.</param>
/// <param name="Title">Title, when known.</param>
/// <param name="Publisher">Who published the copy that was read, when known.</param>
/// <param name="Url">Where it can be read, when online.</param>
/// <param name="Language" example="vi">BCP 47 language tag.</param>
public sealed record SourceRef(int Id, string Key, string? Title, string? Publisher, string? Url, string Language)
{
    public static SourceRef From(Source source) =>
        new(source.Id, source.Key, source.Title, source.Publisher, source.Url, source.Language);
}
