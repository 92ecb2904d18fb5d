namespace DialogueTracker.Web.Model;

/// <summary>A user's token for the write API. Only a hash is stored; the token is shown once, when made.</summary>
public sealed class ApiToken
{
    public int Id { get; set; }
    public required string UserId { get; set; }
    public EditorUser User { get; set; } = null!;
    public required string Name { get; set; }

    /// <summary>The first characters of the token, so a user can tell their tokens apart.</summary>
    public required string Prefix { get; set; }

    /// <summary>SHA-256 of the whole token, hex.</summary>
    public required string Hash { get; set; }

    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;
    public DateTimeOffset? LastUsedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
}
