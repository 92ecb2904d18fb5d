using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;
using DialogueTracker.Web.Accounts;
using DialogueTracker.Web.Data;
using DialogueTracker.Web.Model;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DialogueTracker.Tests.Operations;

/// <summary>
/// The real app as its own process (<c>dotnet DialogueTracker.Web.dll</c> from the test output) on a database file and
/// a free 127.0.0.1 port, so a test can kill it, signal it and start it again. Every wait is bounded.
/// </summary>
internal sealed partial class AppProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private AppProcess(Process process) => _process = process;

    public Uri BaseAddress { get; private set; } = null!;

    public int Id => _process.Id;

    /// <summary>Everything the process wrote so far, standard output and error interleaved.</summary>
    public string Output => string.Join('\n', _output);

    /// <summary>Starts the app on <paramref name="databasePath"/> and waits until it listens. Rate limits are off: tests drive load.</summary>
    public static Task<AppProcess> StartAsync(string databasePath, params string[] settings) =>
        StartAsync(StartInfo(databasePath, [.. ListenArguments, .. settings]));

    /// <summary>
    /// Starts the app with the given settings only (another database than a SQLite file) and a home folder of its own, as
    /// on a machine of its own (nothing shared through files such as ~/.aspnet), and waits until it listens.
    /// </summary>
    public static Task<AppProcess> StartWithSettingsAsync(string home, params string[] settings)
    {
        var start = StartInfo([.. ListenArguments, .. settings]);
        start.Environment["HOME"] = home;
        return StartAsync(start);
    }

    private static readonly string[] ListenArguments = ["--urls", "http://127.0.0.1:0", "--RateLimiting:WritesPerMinute=0",
        "--RateLimiting:ReadsPerMinute=0", "--Serilog:MinimumLevel:Override:Microsoft.Hosting.Lifetime=Information"];

    private static async Task<AppProcess> StartAsync(ProcessStartInfo start)
    {
        var app = new AppProcess(Process.Start(start)!);
        app._process.OutputDataReceived += (_, e) => app.Receive(e.Data);
        app._process.ErrorDataReceived += (_, e) => app.Receive(e.Data);
        app._process.BeginOutputReadLine();
        app._process.BeginErrorReadLine();
        var exited = app._process.WaitForExitAsync();
        var first = await Task.WhenAny(app._listening.Task, exited, Task.Delay(StartTimeout));
        if (first != app._listening.Task)
        {
            await app.DisposeAsync();
            Assert.Fail($"The app did not start listening within {StartTimeout.TotalSeconds} s:\n{app.Output}");
        }

        app.BaseAddress = await app._listening.Task;
        return app;
    }

    /// <summary>Runs a command (<c>backup</c>, <c>restore</c>, ...) of the app to its end: its exit code and what it wrote.</summary>
    public static async Task<(int ExitCode, string Error, string Output)> RunAsync(string? databasePath, params string[] args)
    {
        using var process = Process.Start(databasePath is null ? StartInfo(args) : StartInfo(databasePath, [.. args, "--Serilog:MinimumLevel:Default=Warning"]))!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(StartTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"dotnet DialogueTracker.Web.dll {string.Join(' ', args)} did not exit within {StartTimeout.TotalSeconds} s");
        }

        return (process.ExitCode, (await stderr).Trim(), (await stdout).Trim());
    }

    public HttpClient CreateClient() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>SIGKILL: no shutdown, no flush, no checkpoint; as a crash or the OOM killer would.</summary>
    public async Task KillAsync()
    {
        _process.Kill();
        await WaitForExitAsync();
    }

    /// <summary>SIGTERM, as systemd, Docker and Kubernetes stop a service.</summary>
    public void Terminate()
    {
        using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!;
        kill.WaitForExit();
        Assert.Equal(0, kill.ExitCode);
    }

    /// <summary>The exit code, once the process has exited; a failure if it has not within <paramref name="within"/> (a minute by default).</summary>
    public async Task<int> WaitForExitAsync(TimeSpan? within = null)
    {
        using var timeout = new CancellationTokenSource(within ?? StartTimeout);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"The app did not exit within {(within ?? StartTimeout).TotalSeconds} s:\n{Output}");
        }

        return _process.ExitCode;
    }

    /// <summary>Waits (bounded) until the process has written a line containing <paramref name="text"/>.</summary>
    public async Task WaitForOutputAsync(string text)
    {
        var deadline = DateTime.UtcNow + StartTimeout;
        while (!_output.Any(line => line.Contains(text, StringComparison.Ordinal)))
        {
            Assert.True(DateTime.UtcNow < deadline, $"The app never wrote '{text}':\n{Output}");
            await Task.Delay(20);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    /// <summary>Makes a user in <paramref name="role"/> and an API token for them, straight in the database file.</summary>
    public static async Task<string> CreateTokenAsync(string databasePath, string role)
    {
        var services = new ServiceCollection()
            .AddLogging()
            .AddDbContext<DialogueDbContext>(options => options.UseSqlite(Connection(databasePath)));
        services.AddIdentityCore<EditorUser>().AddRoles<IdentityRole>().AddEntityFrameworkStores<DialogueDbContext>();
        services.AddScoped<ApiTokens>();
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<EditorUser>>();
        var user = new EditorUser { UserName = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@example.org", EmailConfirmed = true };
        user.Email = user.UserName;
        Assert.True((await users.CreateAsync(user)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        var (token, _) = await scope.ServiceProvider.GetRequiredService<ApiTokens>().CreateAsync(user.Id, "operations tests", default);
        return token;
    }

    /// <summary>A connection string to the file that never pools, so nothing of the test's stays open.</summary>
    public static string Connection(string databasePath) =>
        new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = false }.ToString();

    public static async Task<string> IntegrityCheckAsync(string databasePath)
    {
        await using var connection = new SqliteConnection(Connection(databasePath));
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check;";
        return (string)(await command.ExecuteScalarAsync())!;
    }

    public static void DeleteDatabase(string databasePath)
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(databasePath + suffix);
        }
    }

    private void Receive(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        if (ListeningOn().Match(line) is { Success: true } match)
        {
            _listening.TrySetResult(new Uri(match.Groups[1].Value));
        }
    }

    private static ProcessStartInfo StartInfo(string databasePath, string[] args) =>
        StartInfo([.. args, $"--ConnectionStrings:DialogueTracker=Data Source={databasePath}"]);

    private static ProcessStartInfo StartInfo(string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            RedirectStandardInput = true,
        };
        start.ArgumentList.Add("DialogueTracker.Web.dll");
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return start;
    }

    [GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningOn();
}
