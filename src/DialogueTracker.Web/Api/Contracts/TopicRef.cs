using DialogueTracker.Web.Model;

namespace DialogueTracker.Web.Api.Contracts;

/// <summary>A topic as other records name it.</summary>
/// <param name="Slug" example="freedom-of-expression">Stable identifier, used in URLs and filters.</param>
/// <param name="NameEn" example="Freedom of expression">English name.</param>
/// <param name="NameVi" example="Tự do biểu đạt">Vietnamese name.</param>
public sealed record TopicRef(string Slug, string NameEn, string NameVi)
{
    public static TopicRef From(Topic topic) => new(topic.Slug, topic.NameEn, topic.NameVi);
}
