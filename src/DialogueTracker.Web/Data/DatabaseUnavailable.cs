using Microsoft.Data.Sqlite;

namespace DialogueTracker.Web.Data;

/// <summary>
/// SQLite failures that say the database cannot be written or reached just now (a full disk, a read-only file, an
/// I/O error, a file that will not open, a lock held past the busy timeout) rather than that the request or the code
/// is wrong. They answer 503: nothing was written, and the same request can succeed once the operator (or the other
/// writer) is done.
/// </summary>
public static class DatabaseUnavailable
{
    // Primary result codes (https://sqlite.org/rescode.html); extended codes carry them in the low byte.
    private const int Busy = 5, Locked = 6, ReadOnly = 8, IoError = 10, Full = 13, CantOpen = 14;

    /// <summary>The failure's kind, looking through EF Core's wrappers; null when it is some other error.</summary>
    public static DatabaseUnavailableKind? Classify(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (Postgres.PostgresUnavailable.Classify(e) is { } onPostgres)
            {
                return onPostgres;
            }

            if (e is SqliteException sqlite)
            {
                return (sqlite.SqliteErrorCode & 0xFF) switch
                {
                    Busy or Locked => DatabaseUnavailableKind.Busy,
                    Full => DatabaseUnavailableKind.Full,
                    ReadOnly => DatabaseUnavailableKind.ReadOnly,
                    IoError or CantOpen => DatabaseUnavailableKind.IoError,
                    _ => null,
                };
            }
        }

        return null;
    }

    public static bool Is(Exception exception) => Classify(exception) is not null;

    /// <summary>Seconds a client should wait: a lock clears in moments, storage needs an operator.</summary>
    public static int RetryAfterSeconds(DatabaseUnavailableKind kind) => kind == DatabaseUnavailableKind.Busy ? 5 : 60;

    public static string Detail(DatabaseUnavailableKind kind) => kind switch
    {
        DatabaseUnavailableKind.Busy => "The database is busy with other writes. Nothing was saved; try again in a few seconds.",
        DatabaseUnavailableKind.Full => "The server's disk is full. Nothing was saved; reading still works. Try again once the operator has freed space.",
        DatabaseUnavailableKind.ReadOnly => "The database is read-only just now. Nothing was saved; reading still works. Try again later.",
        _ => "The database could not be written (a storage error). Nothing was saved; try again later.",
    };
}
