using DialogueTracker.Web.Api.Contracts;

namespace DialogueTracker.Web.Api;

/// <summary>
/// Reads one statement as the API shows it, with the version its ETag carries: null when there is no such statement or
/// it is deleted. <c>GET /api/v1/statements/{id}</c> is the most frequent first read (every statement has its URL), so
/// each engine reads it the cheapest way it has: SQLite with statements it keeps prepared
/// (<see cref="SqliteStatementReads"/>), any other engine through EF Core (<see cref="StatementReads"/>).
/// </summary>
public interface IStatementReads
{
    ValueTask<(StatementDto Statement, Guid Version)?> ReadAsync(int id, CancellationToken cancellationToken);
}
