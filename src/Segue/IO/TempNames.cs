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
    public static void RemoveStale(string destination) =>
        RemoveStale(Path.GetDirectoryName(destination)!, Path.GetFileName(destination));

    /// <summary>As <see cref="RemoveStale(string)"/> for every destination in <paramref name="folder"/>:
    /// for the holder of a folder's lock (a training run), whose files no one else writes, and
    /// whose next writes may go to other names than the killed process's did (the next checkpoint).</summary>
    public static void RemoveStaleIn(string folder) => RemoveStale(folder, null);

    // The temporaries in `dir` of `destination` (a file name), or of any name when null.
    private static void RemoveStale(string dir, string? destination)
    {
        if (!Directory.Exists(dir)) return;
        foreach (string entry in Directory.EnumerateFileSystemEntries(dir, ".*"))
        {
            // .NAME.PID.GUID.SUFFIX exactly: ".a.1.PID.GUID.tmp" belongs to "a.1", not to "a".
            string[] parts = Path.GetFileName(entry).Split('.');
            if (parts is not ["", .., var pid, { Length: 32 }, Temporary or MovedAside] || parts.Length < 5
                || !int.TryParse(pid, out int id) || IsRunning(id)) continue;
            string name = string.Join('.', parts[1..^3]);
            if (destination is not null && name != destination) continue;
            string target = Path.Combine(dir, name);
            try
            {
                bool isFolder = Directory.Exists(entry);
                if (parts[^1] == MovedAside && isFolder && !Path.Exists(target)) Directory.Move(entry, target);
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
