namespace Segue.IO;

/// <summary>
/// An OS lock on a file (no sharing) held by a command for as long as it writes a place: a second
/// process, or a second command in this one, that asks for the same lock is refused in one line
/// while the first works, and a killed process releases it.
/// </summary>
public static class OutputLock
{
    /// <summary>Holds <paramref name="lockPath"/> (made when missing, its folder too) until the
    /// returned handle is disposed; errors name <paramref name="place"/>, what the lock guards.
    /// <paramref name="removeWhenDone"/> deletes the file on release.</summary>
    public static IDisposable Hold(string lockPath, string place, bool removeWhenDone = false)
    {
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(lockPath)!);
            return new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, bufferSize: 1,
                removeWhenDone ? FileOptions.DeleteOnClose : FileOptions.None);
        }
        catch (IOException e) when (File.Exists(lockPath) && e is not DirectoryNotFoundException)
        {
            throw new SegueException($"{place}: in use by another segue command (it holds {Path.GetFileName(lockPath)}); wait for it or choose another output", e);
        }
        catch (Exception e) when (FileError.Is(e))
        {
            throw FileError.Writing(place, e);
        }
    }
}
