using System.Diagnostics;

namespace Segue.Tests.IO;

/// <summary>Runs the system tools the file-system tests need (mount, chattr, true).</summary>
public static class Shell
{
    /// <summary>Runs <paramref name="program"/>; returns null on success, else what went wrong.</summary>
    public static string? Run(string program, params string[] args)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(program, args) { RedirectStandardError = true, RedirectStandardOutput = true })!;
            string err = process.StandardError.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode == 0 ? null : $"{program} {string.Join(' ', args)}: exit {process.ExitCode}: {err.Trim()}";
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return $"{program}: {e.Message}";
        }
    }

    /// <summary>The id of a process that has exited: what a killed writer's temporaries carry.</summary>
    public static int DeadProcessId()
    {
        using var process = Process.Start(new ProcessStartInfo("true"))!;
        process.WaitForExit();
        return process.Id;
    }
}
