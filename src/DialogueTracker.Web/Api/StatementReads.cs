using DialogueTracker.Web.Api.Contracts;
using DialogueTracker.Web.Data;
using DialogueTracker.Web.Model;
using Microsoft.EntityFrameworkCore;

namespace DialogueTracker.Web.Api;

/// <summary>
/// One statement through EF Core, in one query projected to what the DTO needs: the statement with its round, its
/// topics, its citations with their sources. One query is one round trip and, on PostgreSQL, one snapshot (three queries
/// could pair one version's statement with another's topics). The model's query filters leave out what is deleted: the
/// statement, its round, its topics, the sources of its citations. Any engine; on SQLite, the write API's answers and the
/// reference that <see cref="SqliteStatementReads"/> is tested against.
/// </summary>
public sealed class StatementReads(DialogueDbContext db) : IStatementReads
{
    public async ValueTask<(StatementDto Statement, Guid Version)?> ReadAsync(int id, CancellationToken cancellationToken)
    {
        // A statement has a few topics and citations: joined in one query, their product is a handful of rows.
        var read = await db.Statements.AsNoTracking().Where(s => s.Id == id)
            .Select(s => new
            {
                Row = new StatementRow(
                    s.Id, s.Key, s.Date, s.DateNote, s.Party, s.PartyName, s.Speaker, s.SpeakerRole, s.Occasion, s.InResponseTo,
                    s.Round == null ? null : s.Round.Id, s.Round == null ? null : s.Round.Key, s.Round == null ? null : s.Round.TitleEn,
                    s.TitleEn, s.TitleVi, s.SummaryEn, s.SummaryVi, s.Quote, s.Language, s.Version),
                Topics = s.Topics.Select(t => new TopicRef(t.Slug, t.NameEn, t.NameVi)).ToList(),
                Citations = s.Citations.OrderBy(c => c.Id)
                    .Select(c => new CitationDto(new SourceRef(c.Source.Id, c.Source.Key, c.Source.Title, c.Source.Publisher, c.Source.Url, c.Source.Language),
                        c.Quote, c.Locator, c.ClaimField, c.ClaimValue))
                    .ToList(),
            })
            .AsSingleQuery()
            .SingleOrDefaultAsync(cancellationToken);
        return read is null ? null : (ToDto(read.Row, read.Topics, read.Citations), read.Row.Version);
    }

    /// <summary>The DTO as <see cref="StatementDto.From"/> makes it from the entity, whichever way the parts were read.</summary>
    internal static StatementDto ToDto(StatementRow s, List<TopicRef> topics, List<CitationDto> citations) => new(
        s.Id, s.Key, $"/statements/{s.Id}", s.Date?.ToString(), s.Date?.Precision, s.DateNote,
        s.Party, s.PartyName, s.Speaker, s.SpeakerRole, s.Occasion, s.InResponseTo,
        s.RoundId is { } roundId ? new RoundRef(roundId, s.RoundKey!, s.RoundTitleEn!, $"/rounds/{roundId}") : null,
        s.TitleEn, s.TitleVi, s.SummaryEn, s.SummaryVi, s.Quote, s.Language,
        // In memory, as StatementDto.From orders them: the culture's order, not the database's.
        [.. topics.OrderBy(t => t.NameEn)], citations);

    /// <summary>A statement's own columns and its round's.</summary>
    internal sealed record StatementRow(
        int Id, string Key, PartialDate? Date, string? DateNote, Party Party, string? PartyName, string? Speaker, string? SpeakerRole,
        string? Occasion, string? InResponseTo, int? RoundId, string? RoundKey, string? RoundTitleEn,
        string TitleEn, string? TitleVi, string? SummaryEn, string? SummaryVi, string? Quote, string Language, Guid Version);
}
