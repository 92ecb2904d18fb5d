using System.Diagnostics;

namespace DialogueTracker.Tests.Operations;

/// <summary>Small file systems for fault tests. Mounting needs root, which CI has; elsewhere the tests say so and fail.</summary>
internal static class Mounts
{
    public static bool IsRoot => Environment.UserName == "root";

    /// <summary>A tmpfs of <paramref name="megabytes"/> MB at a new folder.</summary>
    public static string Tmpfs(int megabytes)
    {
        var folder = Directory.CreateTempSubdirectory("dialoguetracker-tmpfs-").FullName;
        Run("mount", "-t", "tmpfs", "-o", $"size={megabytes}m", "tmpfs", folder);
        return folder;
    }

    /// <summary>A read-only view of <paramref name="folder"/> at a new folder (a read-only bind mount).</summary>
    public static string ReadOnlyView(string folder)
    {
        var view = Directory.CreateTempSubdirectory("dialoguetracker-readonly-").FullName;
        Run("mount", "--bind", folder, view);
        Run("mount", "-o", "remount,bind,ro", view);
        return view;
    }

    public static void Unmount(string folder)
    {
        Run("umount", "--lazy", folder);
        Directory.Delete(folder);
    }

    private static void Run(string command, params string[] args)
    {
        Assert.True(IsRoot, $"This test mounts a file system ({command} {string.Join(' ', args)}) and so needs root; CI runs as root. Run it as root.");
        using var process = Process.Start(new ProcessStartInfo(command, args) { RedirectStandardError = true })!;
        var error = process.StandardError.ReadToEnd();
        Assert.True(process.WaitForExit(30_000), $"{command} did not finish");
        Assert.True(process.ExitCode == 0, $"{command} {string.Join(' ', args)} failed ({process.ExitCode}): {error}");
    }
}
