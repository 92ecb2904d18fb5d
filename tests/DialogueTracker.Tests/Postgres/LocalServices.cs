using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace DialogueTracker.Tests.Postgres;

/// <summary>
/// What starting a throwaway server from Debian's packages takes: the package installed when missing (as CI and a fresh
/// machine lack it), a free loopback port, commands run as the server's own user when the tests run as root (PostgreSQL
/// refuses to run as root).
/// </summary>
internal static class LocalServices
{
    private static readonly Lock InstallGate = new();

    /// <summary>Installs <paramref name="package"/> with apt-get unless <paramref name="installed"/> already holds; fails the test run, never skips, if it cannot.</summary>
    public static void EnsureInstalled(string package, Func<bool> installed)
    {
        lock (InstallGate)
        {
            if (installed())
            {
                return;
            }

            if (Environment.UserName != "root")
            {
                throw new InvalidOperationException($"The tests need Debian's {package} package and are not root to install it: apt-get install {package}");
            }

            Run("apt-get", ["update", "-qq"], environment: new() { ["DEBIAN_FRONTEND"] = "noninteractive" });
            Run("apt-get", ["install", "-y", "-qq", package], environment: new() { ["DEBIAN_FRONTEND"] = "noninteractive" });
            if (!installed())
            {
                throw new InvalidOperationException($"apt-get installed {package}, but the tests still cannot find it.");
            }
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static bool IsRoot => Environment.UserName == "root";

    /// <summary>A process for <paramref name="file"/>, as <paramref name="user"/> when the tests run as root.</summary>
    public static ProcessStartInfo StartInfo(string file, IEnumerable<string> arguments, string? user)
    {
        var info = user is not null && IsRoot ? new ProcessStartInfo("runuser", ["-u", user, "--", file, .. arguments]) : new ProcessStartInfo(file, arguments);
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        info.UseShellExecute = false;
        return info;
    }

    /// <summary>Runs a command to its end; its output goes into the exception when it fails.</summary>
    public static string Run(string file, IEnumerable<string> arguments, string? user = null, Dictionary<string, string>? environment = null)
    {
        var info = StartInfo(file, arguments, user);
        foreach (var (key, value) in environment ?? [])
        {
            info.Environment[key] = value;
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} failed ({process.ExitCode}): {error.Result}{output.Result}");
        }

        return output.Result;
    }

    /// <summary>
    /// Runs <paramref name="shellCommands"/> once this process has exited, however it ends (test hosts are often ended
    /// before exit handlers finish): a detached shell waits for it. The paths in the commands are the tests' own.
    /// </summary>
    public static void CleanUpAfterExit(string shellCommands)
    {
        var script = $"exec >/dev/null 2>&1 </dev/null; while kill -0 {Environment.ProcessId}; do sleep 0.5; done; {shellCommands}";
        using var watcher = Process.Start(new ProcessStartInfo("setsid", ["-f", "sh", "-c", script])
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        watcher.WaitForExit();
    }

    /// <summary>The prefix that runs a shell command as <paramref name="user"/> when the tests run as root.</summary>
    public static string AsUser(string user) => IsRoot ? $"runuser -u {user} --" : "";

    /// <summary>A temporary folder the given user owns (the server's data lives there).</summary>
    public static string TemporaryFolder(string prefix, string? owner)
    {
        var folder = Directory.CreateTempSubdirectory(prefix).FullName;
        if (owner is not null && IsRoot)
        {
            Run("chown", [owner, folder]);
        }

        return folder;
    }
}
