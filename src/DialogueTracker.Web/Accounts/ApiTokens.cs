using System.Security.Cryptography;
using System.Text;
using DialogueTracker.Web.Data;
using DialogueTracker.Web.Model;
using Microsoft.EntityFrameworkCore;

namespace DialogueTracker.Web.Accounts;

/// <summary>Makes, finds and revokes write-API tokens. Tokens are random, shown once, and stored only as SHA-256.</summary>
public sealed class ApiTokens(DialogueDbContext db)
{
    private const string Marker = "dt_";

    public async Task<(string Token, ApiToken Record)> CreateAsync(string userId, string name, CancellationToken cancellationToken)
    {
        var token = Marker + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var record = new ApiToken { UserId = userId, Name = name.Trim(), Prefix = token[..10], Hash = Hash(token) };
        db.ApiTokens.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        return (token, record);
    }

    public async Task<bool> RevokeAsync(string userId, int tokenId, CancellationToken cancellationToken) =>
        await db.ApiTokens
            .Where(t => t.Id == tokenId && t.UserId == userId && t.RevokedAt == null)
            .ExecuteUpdateAsync(t => t.SetProperty(x => x.RevokedAt, DateTimeOffset.UtcNow), cancellationToken) == 1;

    public Task<List<ApiToken>> ListAsync(string userId, CancellationToken cancellationToken) =>
        db.ApiTokens.AsNoTracking().Where(t => t.UserId == userId).OrderByDescending(t => t.Id).ToListAsync(cancellationToken);

    /// <summary>The live token's owner, if the token is known, not revoked and its user not disabled.</summary>
    public async Task<(ApiToken Token, EditorUser User)?> FindAsync(string token, CancellationToken cancellationToken)
    {
        if (!token.StartsWith(Marker, StringComparison.Ordinal) || token.Length > 100)
        {
            return null;
        }

        var hash = Hash(token);
        var found = await db.ApiTokens.Include(t => t.User)
            .SingleOrDefaultAsync(t => t.Hash == hash && t.RevokedAt == null, cancellationToken);
        if (found is null || found.User.DisabledAt is not null)
        {
            return null;
        }

        return (found, found.User);
    }

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
