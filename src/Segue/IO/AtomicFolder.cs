namespace Segue.IO;

/// <summary>
/// Writes a folder of files as one: into a temporary folder beside the destination (see
/// <see cref="TempNames"/>), renamed into place only once every file is written. With
/// <see cref="Write"/> a folder already at the destination is moved aside for the rename and
/// removed after it, so it survives any failure before; a process killed between the two renames
/// leaves it to be moved back by the next writer of the same destination. With
/// <see cref="Create"/> nothing at the destination is ever replaced.
/// </summary>
public static class AtomicFolder
{
    /// <summary>Calls <paramref name="write"/> with the temporary folder to fill, then puts it at
    /// <paramref name="destination"/>, replacing what is there. Errors name the destination, not the
    /// temporary folder.</summary>
    public static void Write(string destination, Action<string> write) => Write(destination, write, replace: true);

    /// <summary>As <see cref="Write(string, Action{string})"/>, for a destination that must not
    /// exist: when something has appeared there by the time the folder is complete (a folder a
    /// person made meanwhile), it is left as it is and the new folder is not written.</summary>
    public static void Create(string destination, Action<string> write) => Write(destination, write, replace: false);

    private static void Write(string destination, Action<string> write, bool replace)
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
            if (!replace && Path.Exists(full))
                throw new SegueException($"{full}: appeared while this was being written; left as it is, and nothing written there: choose another output");
            // One made in the instant after the check is at most an empty folder: rename(2)
            // refuses to replace one that holds anything.
            string? aside = replace && Directory.Exists(full) ? TempNames.For(full, TempNames.MovedAside) : null;
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
