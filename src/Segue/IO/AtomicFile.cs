namespace Segue.IO;

/// <summary>
/// Writes a file under a temporary name beside its destination and renames it into place on
/// <see cref="Commit"/>, so a reader never sees a half-written file and an existing file at the
/// destination survives any failure before the rename. Disposing without committing deletes
/// the temporary file.
/// </summary>
public sealed class AtomicFile : IDisposable
{
    private readonly string _path;
    private readonly string _tempPath;
    private bool _committed;

    public FileStream Stream { get; }

    private AtomicFile(string path)
    {
        _path = Path.GetFullPath(path);
        var dir = Path.GetDirectoryName(_path)!;
        Directory.CreateDirectory(dir);
        _tempPath = Path.Combine(dir, $".{Path.GetFileName(_path)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        Stream = new FileStream(_tempPath, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16);
    }

    public static AtomicFile Create(string path) => new(path);

    /// <summary>Writes all of <paramref name="bytes"/> to <paramref name="path"/> atomically.</summary>
    public static void WriteAllBytes(string path, ReadOnlySpan<byte> bytes)
    {
        using var file = Create(path);
        file.Stream.Write(bytes);
        file.Commit();
    }

    /// <summary>Writes all of <paramref name="text"/> (UTF-8) to <paramref name="path"/> atomically.</summary>
    public static void WriteAllText(string path, string text) =>
        WriteAllBytes(path, System.Text.Encoding.UTF8.GetBytes(text));

    public void Commit()
    {
        if (_committed) return;
        Stream.Flush(flushToDisk: true);
        Stream.Dispose();
        File.Move(_tempPath, _path, overwrite: true);
        _committed = true;
    }

    public void Dispose()
    {
        if (_committed) return;
        Stream.Dispose();
        try { File.Delete(_tempPath); } catch (IOException) { }
    }
}
