using DialogueTracker.Web.Model;

namespace DialogueTracker.Web.Api.Contracts;

/// <summary>A mechanism as other records name it.</summary>
/// <param name="Slug" example="human-rights-dialogue">Stable identifier, used in URLs and filters.</param>
/// <param name="NameEn" example="EU–Viet Nam Human Rights Dialogue">English name.</param>
/// <param name="NameVi" example="Đối thoại Nhân quyền EU–Việt Nam">Vietnamese name.</param>
public sealed record MechanismRef(string Slug, string NameEn, string NameVi)
{
    public static MechanismRef From(Mechanism mechanism) => new(mechanism.Slug, mechanism.NameEn, mechanism.NameVi);
}
