using System.Diagnostics;

namespace Segue.IO;

/// <summary>
/// The names things are written under before they are renamed into place:
/// <c>.NAME.PID.GUID.tmp</c> beside the destination NAME (and <c>.NAME.PID.GUID.old</c> for a
/// folder moved aside while its replacement is renamed in). The process id in the name is what
/// lets a later writer of the same destination tell the leftovers of a killed process from the
/// work of a live one, and remove them, so they do not pile up.
/// </summary>
public static class TempNames
{
    public const string Temporary = "tmp", MovedAside = "old";

    public static string For(string destination, string suffix = Temporary) =>
        Path.Combine(Path.GetDirectoryName(destination)!,
            $".{Path.GetFileName(destination)}.{Environment.ProcessId}.{Guid.NewGuid():N}.{suffix}");

    /// <summary>The lock held beside <paramref name="destination"/> by a command that creates it
    /// whole (<see cref="OutputLock"/>): <c>.NAME.lock</c>.</summary>
    public static string LockFor(string destination) =>
        Path.Combine(Path.GetDirectoryName(destination)!, $".{Path.GetFileName(destination)}.lock");

    /// <summary>Removes the temporaries of <paramref name="destination"/> left by processes that
    /// are no longer running. A folder moved aside by a process killed before its replacement
    /// arrived is moved back, as the destination it was.</summary>
    public static void RemoveStale(string destination)
    {
        string dir = Path.GetDirectoryName(destination)!;
        string prefix = $".{Path.GetFileName(destination)}.";
        if (!Directory.Exists(dir)) return;
        foreach (string entry in Directory.EnumerateFileSystemEntries(dir, "*.*"))
        {
            string name = Path.GetFileName(entry);
            if (!name.StartsWith(prefix, StringComparison.Ordinal)) continue;
            // PID.GUID.SUFFIX exactly: ".a.1.PID.GUID.tmp" belongs to "a.1", not to "a".
            string[] parts = name[prefix.Length..].Split('.');
            if (parts is not [var pid, { Length: 32 }, Temporary or MovedAside]
                || !int.TryParse(pid, out int id) || IsRunning(id)) continue;
            try
            {
                bool isFolder = Directory.Exists(entry);
                if (parts[2] == MovedAside && isFolder && !Path.Exists(destination)) Directory.Move(entry, destination);
                else if (isFolder) Directory.Delete(entry, recursive: true);
                else File.Delete(entry);
            }
            catch (Exception e) when (FileError.Is(e))
            {
                // Someone else's to clear (another user's, or a read-only folder): not ours to fail on.
            }
        }
    }

    private static bool IsRunning(int pid)
    {
        if (pid == Environment.ProcessId) return true;
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }
}
