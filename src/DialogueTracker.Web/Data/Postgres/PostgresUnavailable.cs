using Npgsql;

namespace DialogueTracker.Web.Data.Postgres;

/// <summary>
/// PostgreSQL failures that mean the database cannot take the request just now, not that the request is wrong:
/// answered 503 like SQLite's (see <see cref="DatabaseUnavailable"/>). SQLSTATE codes:
/// https://www.postgresql.org/docs/current/errcodes-appendix.html
/// </summary>
public static class PostgresUnavailable
{
    public static DatabaseUnavailableKind? Classify(Exception exception) => exception switch
    {
        PostgresException { SqlState: "53100" } => DatabaseUnavailableKind.Full,
        PostgresException { SqlState: "25006" } => DatabaseUnavailableKind.ReadOnly,
        // Lock not available, deadlock, serialization failure, too many connections, statement timeout.
        PostgresException { SqlState: "55P03" or "40P01" or "40001" or "53300" or "57014" } => DatabaseUnavailableKind.Busy,
        // Connection failures, the server shutting down or starting, I/O errors.
        PostgresException { SqlState: var state } when state.StartsWith("08", StringComparison.Ordinal)
            || state.StartsWith("57P", StringComparison.Ordinal) || state.StartsWith("58", StringComparison.Ordinal) => DatabaseUnavailableKind.IoError,
        PostgresException => null,
        // No answer from the server at all: refused, reset, timed out.
        NpgsqlException { IsTransient: true } => DatabaseUnavailableKind.IoError,
        _ => null,
    };
}
