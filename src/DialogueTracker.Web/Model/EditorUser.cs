using Microsoft.AspNetCore.Identity;

namespace DialogueTracker.Web.Model;

/// <summary>Someone who may sign in to keep the record: an editor or an admin.</summary>
public sealed class EditorUser : IdentityUser
{
    public string? DisplayName { get; set; }

    /// <summary>Set when an admin disables the account; a disabled user cannot sign in or use a token.</summary>
    public DateTimeOffset? DisabledAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;
}
