namespace Segue.IO;

/// <summary>
/// The check every command makes of its output path before it starts work: that a file can be
/// written there (or a folder made), so that a typing mistake or a read-only folder is one line
/// at once rather than an error at the end of a long run. Writability is tested by creating a
/// file, not by reading permission bits, which say nothing to root, to a read-only mount or to an
/// immutable folder.
/// </summary>
public static class OutputPath
{
    /// <summary>Checks that the file <paramref name="path"/> can be written; returns its full path.</summary>
    public static string File(string path)
    {
        RequireName(path, "file");
        string full = Path.GetFullPath(path);
        if (Directory.Exists(full)) throw new SegueException($"{path}: is a folder; give the path of a file to write");
        if (Path.EndsInDirectorySeparator(path)) throw new SegueException($"{path}: ends in '{path[^1]}'; give the path of a file to write");
        CheckWritable(path, Path.GetDirectoryName(full)!);
        return full;
    }

    /// <summary>Checks that the folder <paramref name="path"/> can be made (or is there) and
    /// written in; returns its full path, without a trailing separator ("runs/a/" is "runs/a").</summary>
    public static string Folder(string path)
    {
        RequireName(path, "folder");
        string full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        if (System.IO.File.Exists(full)) throw new SegueException($"{path}: is a file; give the path of a folder to write");
        CheckWritable(path, full);
        return full;
    }

    private static void RequireName(string path, string what)
    {
        if (path.Length == 0) throw new SegueException($"an empty path; give the path of a {what} to write");
    }

    /// <summary>Checks that <paramref name="dir"/>, or the nearest folder above it that exists
    /// (where it will be made), takes a new file.</summary>
    private static void CheckWritable(string path, string dir)
    {
        while (!Directory.Exists(dir))
        {
            if (System.IO.File.Exists(dir)) throw new SegueException($"{path}: {dir} is a file, not a folder");
            dir = Path.GetDirectoryName(dir) ?? throw new SegueException($"{path}: no such folder");
        }
        try
        {
            using var probe = new FileStream(Path.Combine(dir, $".segue-probe.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp"),
                FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose);
        }
        catch (Exception e) when (FileError.Is(e))
        {
            throw new SegueException($"{path}: cannot write in {dir} ({FileError.Cause(e)})");
        }
    }
}
