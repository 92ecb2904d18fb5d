using System.Net.Sockets;

namespace DialogueTracker.Tests.Postgres;

/// <summary>
/// One throwaway Redis for the test run, from Debian's redis-server (installed when missing), on a free 127.0.0.1 port,
/// nothing persisted; a watcher stops it and deletes its folder once the test process has exited.
/// </summary>
public sealed class RedisServer
{
    private static readonly Lazy<RedisServer> Instance = new(Start);

    private RedisServer(int port) => Port = port;

    public static RedisServer Shared => Instance.Value;

    public int Port { get; }

    public string Configuration => $"127.0.0.1:{Port}";

    private static RedisServer Start()
    {
        LocalServices.EnsureInstalled("redis-server", () => File.Exists("/usr/bin/redis-server"));
        var folder = LocalServices.TemporaryFolder("dialoguetracker-redis-", owner: null);
        var pidFile = Path.Combine(folder, "redis.pid");
        var port = LocalServices.FreePort();
        LocalServices.Run("/usr/bin/redis-server", ["--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1",
            "--save", "", "--appendonly", "no", "--dir", folder, "--daemonize", "yes", "--pidfile", pidFile, "--logfile", Path.Combine(folder, "redis.log")]);
        LocalServices.CleanUpAfterExit($"kill $(cat {pidFile}); sleep 1; rm -rf {folder}");
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                using var client = new TcpClient("127.0.0.1", port);
                return new RedisServer(port);
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(100);
            }
        }
    }
}
