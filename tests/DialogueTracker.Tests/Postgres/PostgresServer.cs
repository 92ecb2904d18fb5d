using Npgsql;

namespace DialogueTracker.Tests.Postgres;

/// <summary>
/// One throwaway PostgreSQL server for the test run, from Debian's packages (installed when missing): a cluster made
/// by initdb in a temporary folder, listening on a free 127.0.0.1 port, with durability off (the tests check behaviour,
/// not fsync). Each factory gets a database of its own (<see cref="CreateDatabase"/>). A watcher process stops the
/// server and deletes its folder once the test process has exited, however it ends.
/// </summary>
public sealed class PostgresServer
{
    private const string ServerUser = "postgres";
    private static readonly Lazy<PostgresServer> Instance = new(Start);

    private readonly string _folder;
    private readonly string _bin;

    private PostgresServer(string bin, string folder, int port)
    {
        _bin = bin;
        _folder = folder;
        Port = port;
    }

    public static PostgresServer Shared => Instance.Value;

    public int Port { get; }

    public string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = Port, Database = database, Username = ServerUser }.ConnectionString;

    /// <summary>A new, empty database.</summary>
    public string CreateDatabase()
    {
        var name = $"dt_{Guid.NewGuid():N}";
        Execute($"CREATE DATABASE {name}");
        return name;
    }

    /// <summary>Drops the database, closing whatever connections the app left open to it.</summary>
    public void DropDatabase(string name)
    {
        NpgsqlConnection.ClearAllPools();
        Execute($"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
    }

    private void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    private static PostgresServer Start()
    {
        LocalServices.EnsureInstalled("postgresql", () => FindBin() is not null);
        var bin = FindBin()!;
        var folder = LocalServices.TemporaryFolder("dialoguetracker-pg-", ServerUser);
        var data = Path.Combine(folder, "data");
        LocalServices.Run(Path.Combine(bin, "initdb"),
            ["-D", data, "-U", ServerUser, "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"], ServerUser);

        // The port is free when chosen; another process may take it before the server binds, so a few tries.
        for (var attempt = 1; ; attempt++)
        {
            var port = LocalServices.FreePort();
            var server = new PostgresServer(bin, folder, port);
            try
            {
                LocalServices.Run(Path.Combine(bin, "pg_ctl"), ["start", "-w", "-t", "60", "-D", data, "-l", Path.Combine(folder, "server.log"), "-o",
                    $"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300"],
                    ServerUser);
                // The test host may be ended before any exit handler finishes (or killed): a watcher outside it does this.
                LocalServices.CleanUpAfterExit(
                    $"{LocalServices.AsUser(ServerUser)} {Path.Combine(bin, "pg_ctl")} stop -w -m immediate -D {data}; rm -rf {folder}");
                return server;
            }
            catch (InvalidOperationException) when (attempt < 3)
            {
            }
            catch (InvalidOperationException ex)
            {
                var log = File.Exists(Path.Combine(folder, "server.log")) ? File.ReadAllText(Path.Combine(folder, "server.log")) : "";
                server.Stop();
                throw new InvalidOperationException($"PostgreSQL did not start: {ex.Message}\n{log}", ex);
            }
        }
    }

    private void Stop()
    {
        try
        {
            LocalServices.Run(Path.Combine(_bin, "pg_ctl"), ["stop", "-w", "-m", "immediate", "-D", Path.Combine(_folder, "data")], ServerUser);
        }
        catch (InvalidOperationException)
        {
            // Not running: nothing to stop.
        }

        Directory.Delete(_folder, recursive: true);
    }

    // Debian installs each major version under /usr/lib/postgresql/N/bin; the newest is taken.
    private static string? FindBin() =>
        Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0)
                .FirstOrDefault()
            : null;

}
