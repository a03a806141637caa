namespace Segue.IO;

/// <summary>
/// Writes a file under a temporary name beside its destination (see <see cref="TempNames"/>) and
/// renames it into place on <see cref="Commit"/>, so a reader never sees a half-written file and
/// an existing file at the destination survives any failure before the rename. Disposing without
/// committing deletes the temporary file. Any failure of the file system (a full disk, a
/// read-only folder) is a <see cref="SegueException"/> naming the destination and the cause,
/// whether it happens on creation, on a write through <see cref="Stream"/> or on commit; and
/// creating a file removes the temporaries a killed process left for the same destination.
/// </summary>
public sealed class AtomicFile : IDisposable
{
    private readonly string _path;
    private readonly string _tempPath;
    private readonly FileStream _file;
    private bool _committed;

    /// <summary>Where to write the file's bytes.</summary>
    public Stream Stream { get; }

    private AtomicFile(string path, Func<Stream, Stream>? faults)
    {
        _path = Path.GetFullPath(path);
        _tempPath = TempNames.For(_path);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
            TempNames.RemoveStale(_path);
            _file = new FileStream(_tempPath, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16);
        }
        catch (Exception e) when (FileError.Is(e))
        {
            throw FileError.Writing(_path, e);
        }
        Stream = new GuardedStream(faults is null ? _file : faults(_file), _path);
    }

    public static AtomicFile Create(string path) => new(path, null);

    /// <summary>As <see cref="Create(string)"/>, with the file's stream seen through
    /// <paramref name="faults"/>: how tests make a disk fill up at a chosen byte.</summary>
    internal static AtomicFile Create(string path, Func<Stream, Stream> faults) => new(path, faults);

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
        Stream.Flush();
        try
        {
            // A disk that fills up may only say so when the data reaches it.
            _file.Flush(flushToDisk: true);
            _file.Dispose();
            File.Move(_tempPath, _path, overwrite: true);
        }
        catch (Exception e) when (FileError.Is(e))
        {
            Dispose();
            throw FileError.Writing(_path, e);
        }
        _committed = true;
    }

    public void Dispose()
    {
        if (_committed) return;
        try
        {
            _file.Dispose();
        }
        catch (Exception e) when (FileError.Is(e))
        {
            // The buffered bytes a full disk refused are refused again on close; the file goes anyway.
        }
        try { File.Delete(_tempPath); }
        catch (Exception e) when (FileError.Is(e)) { }
    }

    /// <summary>The file's stream, with every failure of the file system reported against the
    /// destination's name.</summary>
    private sealed class GuardedStream(Stream inner, string path) : Stream
    {
        public override bool CanRead => inner.CanRead;
        public override bool CanSeek => inner.CanSeek;
        public override bool CanWrite => inner.CanWrite;

        public override long Length
        {
            get
            {
                try { return inner.Length; }
                catch (Exception e) when (FileError.Is(e)) { throw FileError.Writing(path, e); }
            }
        }

        public override long Position
        {
            get
            {
                try { return inner.Position; }
                catch (Exception e) when (FileError.Is(e)) { throw FileError.Writing(path, e); }
            }
            set
            {
                try { inner.Position = value; }
                catch (Exception e) when (FileError.Is(e)) { throw FileError.Writing(path, e); }
            }
        }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            try { inner.Write(buffer); }
            catch (Exception e) when (FileError.Is(e)) { throw FileError.Writing(path, e); }
        }

        public override void WriteByte(byte value) => Write([value]);

        public override void Flush()
        {
            try { inner.Flush(); }
            catch (Exception e) when (FileError.Is(e)) { throw FileError.Writing(path, e); }
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            try { return inner.Read(buffer, offset, count); }
            catch (Exception e) when (FileError.Is(e)) { throw FileError.Writing(path, e); }
        }

        public override long Seek(long offset, SeekOrigin origin)
        {
            try { return inner.Seek(offset, origin); }
            catch (Exception e) when (FileError.Is(e)) { throw FileError.Writing(path, e); }
        }

        public override void SetLength(long value)
        {
            try { inner.SetLength(value); }
            catch (Exception e) when (FileError.Is(e)) { throw FileError.Writing(path, e); }
        }
    }
}
