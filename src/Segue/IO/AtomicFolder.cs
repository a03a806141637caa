namespace Segue.IO;

/// <summary>
/// Writes a folder of files as one: into a temporary folder beside the destination (see
/// <see cref="TempNames"/>), renamed into place only once every file is written. A folder already
/// at the destination is moved aside for the rename and removed after it, so it survives any
/// failure before; a process killed between the two renames leaves it to be moved back by the
/// next writer of the same destination.
/// </summary>
public static class AtomicFolder
{
    /// <summary>Calls <paramref name="write"/> with the temporary folder to fill, then puts it at
    /// <paramref name="destination"/>. Errors name the destination, not the temporary folder.</summary>
    public static void Write(string destination, Action<string> write)
    {
        // "runs/a/" is "runs/a": its temporary goes beside it, not inside.
        string full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(destination));
        string temp = TempNames.For(full);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            TempNames.RemoveStale(full);
            Directory.CreateDirectory(temp);
            write(temp);
            string? aside = Directory.Exists(full) ? TempNames.For(full, TempNames.MovedAside) : null;
            if (aside is not null) Directory.Move(full, aside);
            Directory.Move(temp, full);
            if (aside is not null) Directory.Delete(aside, recursive: true);
        }
        catch (Exception e) when (FileError.Is(e))
        {
            Remove(temp);
            throw FileError.Writing(full, e);
        }
        catch (SegueException e)
        {
            Remove(temp);
            if (!e.Message.Contains(temp, StringComparison.Ordinal)) throw;
            throw new SegueException(e.Message.Replace(temp, full, StringComparison.Ordinal), e);
        }
        catch
        {
            Remove(temp);
            throw;
        }
    }

    private static void Remove(string temp)
    {
        try { if (Directory.Exists(temp)) Directory.Delete(temp, recursive: true); }
        catch (Exception e) when (FileError.Is(e)) { }
    }
}
