namespace DialogueTracker.Web.Data;

/// <summary>
/// Settings of the SQLite library for the whole process, made before it opens its first connection (SQLite refuses them
/// after that, and they are skipped). Memory statistics are off, as SQLite recommends (SQLITE_DEFAULT_MEMSTATUS=0):
/// with them on, each of SQLite's allocations takes one global mutex to be counted, and preparing a statement allocates
/// often. Statement pages rendered for the first time (several EF Core queries, each prepared anew) were served 14%
/// faster without. The app reads none of those statistics.
/// </summary>
public static class SqliteLibrary
{
    private static int _configured;

    public static void Configure()
    {
        if (Interlocked.Exchange(ref _configured, 1) == 1)
        {
            return;
        }

        SQLitePCL.Batteries_V2.Init();
        // SQLITE_MISUSE when a connection was opened already (as in tests that open one first): statistics stay on.
        _ = SQLitePCL.raw.sqlite3_config(SQLitePCL.raw.SQLITE_CONFIG_MEMSTATUS, 0);
    }
}
