using System.Buffers;
using System.Buffers.Binary;
using System.IO.Hashing;
using System.IO.MemoryMappedFiles;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Segue.IO;

/// <summary>
/// The container of Segue's binary files (datasets, models, checkpoints): a header naming the
/// kind of file and its version, a table of sections with their checksums, then the sections,
/// each aligned to 64 bytes so it can be read in place as an array of numbers.
/// <code>
///   0  magic        8 bytes, the kind of file ("SEGUEDS\0", ...)
///   8  version      u32
///  12  sections     u32
///  16  table hash   u64 XxHash64 of the section table
///  24  file length  u64
///  32  section table: per section u32 id, u32 reserved, u64 offset, u64 length, u64 XxHash64
/// </code>
/// All numbers little-endian. <see cref="SectionFileReader"/> memory-maps the file, so opening
/// costs the same whatever its size; the section checksums are checked by <see cref="SectionFileReader.Verify"/>.
/// </summary>
public static class SectionFile
{
    public const int HeaderSize = 32;
    public const int EntrySize = 32;
    public const int Alignment = 64;
    /// <summary>Room reserved for the header and section table; sections start after it.</summary>
    public const int MaxSections = 126;
    public const int DataStart = HeaderSize + MaxSections * EntrySize;   // 4064, rounded up below
    public static int FirstSectionOffset => Align(DataStart);

    public static long Align(long offset) => (offset + Alignment - 1) / Alignment * Alignment;
    public static int Align(int offset) => (offset + Alignment - 1) / Alignment * Alignment;
}

/// <summary>Writes a <see cref="SectionFile"/> atomically: nothing appears at the path until
/// <see cref="Commit"/>.</summary>
public sealed class SectionFileWriter : IDisposable
{
    private readonly AtomicFile _file;
    private readonly byte[] _magic;
    private readonly int _version;
    private readonly List<(uint Id, long Offset, long Length, ulong Hash)> _sections = [];
    private readonly XxHash64 _hash = new();

    public SectionFileWriter(string path, ReadOnlySpan<byte> magic, int version)
    {
        if (magic.Length != 8) throw new ArgumentException("magic must be 8 bytes", nameof(magic));
        _magic = magic.ToArray();
        _version = version;
        _file = AtomicFile.Create(path);
        _file.Stream.Position = SectionFile.FirstSectionOffset;
    }

    public void Add<T>(uint id, ReadOnlySpan<T> values) where T : unmanaged
    {
        if (_sections.Count == SectionFile.MaxSections) throw new InvalidOperationException("too many sections");
        if (_sections.Exists(s => s.Id == id)) throw new InvalidOperationException($"section {id} written twice");
        var bytes = MemoryMarshal.AsBytes(values);
        long offset = _file.Stream.Position;
        _file.Stream.Write(bytes);
        _hash.Reset();
        _hash.Append(bytes);
        _sections.Add((id, offset, bytes.Length, _hash.GetCurrentHashAsUInt64()));
        long padded = SectionFile.Align(_file.Stream.Position);
        Span<byte> zeros = stackalloc byte[SectionFile.Alignment];
        _file.Stream.Write(zeros[..(int)(padded - _file.Stream.Position)]);
    }

    public void Commit()
    {
        long length = _file.Stream.Position;
        var table = new byte[_sections.Count * SectionFile.EntrySize];
        for (int i = 0; i < _sections.Count; i++)
        {
            var e = table.AsSpan(i * SectionFile.EntrySize);
            var (id, offset, size, hash) = _sections[i];
            BinaryPrimitives.WriteUInt32LittleEndian(e, id);
            BinaryPrimitives.WriteInt64LittleEndian(e[8..], offset);
            BinaryPrimitives.WriteInt64LittleEndian(e[16..], size);
            BinaryPrimitives.WriteUInt64LittleEndian(e[24..], hash);
        }
        var header = new byte[SectionFile.HeaderSize];
        _magic.CopyTo(header, 0);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(8), _version);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(12), _sections.Count);
        BinaryPrimitives.WriteUInt64LittleEndian(header.AsSpan(16), XxHash64.HashToUInt64(table));
        BinaryPrimitives.WriteInt64LittleEndian(header.AsSpan(24), length);
        _file.Stream.Position = 0;
        _file.Stream.Write(header);
        _file.Stream.Write(table);
        _file.Commit();
    }

    public void Dispose() => _file.Dispose();
}

/// <summary>Reads a <see cref="SectionFile"/> in place through a read-only memory map.</summary>
public sealed unsafe class SectionFileReader : IDisposable
{
    private readonly SafeFileHandle _handle;
    private readonly MemoryMappedFile _map;
    private readonly MemoryMappedViewAccessor _view;
    private readonly byte* _base;
    private readonly long _length;
    private readonly Dictionary<uint, (long Offset, long Length, ulong Hash)> _sections = [];

    private readonly string _kind;

    public string Path { get; }
    public int Version { get; }

    /// <summary>Opens <paramref name="path"/>, checking that it is a complete file of the kind
    /// <paramref name="magic"/> names (<paramref name="kind"/> words it for errors) in one of the
    /// versions this build reads.</summary>
    public static SectionFileReader Open(string path, ReadOnlySpan<byte> magic, int version, string kind)
    {
        if (!File.Exists(path)) throw new SegueException($"{path}: no such file");
        long length = new FileInfo(path).Length;
        if (length < SectionFile.HeaderSize) throw new SegueException($"{path}: not a Segue {kind} (file too short: {length} bytes)");
        return new SectionFileReader(path, length, magic.ToArray(), version, kind);
    }

    private SectionFileReader(string path, long length, byte[] magic, int version, string kind)
    {
        Path = path;
        _length = length;
        _kind = kind;
        // One handle for the map and for Verify's reads, so both see the same file even if another
        // is renamed into its place meanwhile.
        _handle = File.OpenHandle(path);
        _map = MemoryMappedFile.CreateFromFile(_handle, null, 0, MemoryMappedFileAccess.Read, HandleInheritability.None, leaveOpen: true);
        _view = _map.CreateViewAccessor(0, 0, MemoryMappedFileAccess.Read);
        byte* p = null;
        _view.SafeMemoryMappedViewHandle.AcquirePointer(ref p);
        _base = p + _view.PointerOffset;
        try
        {
            ReadHeader(magic, version, kind);
            Version = version;
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    private void ReadHeader(byte[] magic, int version, string kind)
    {
        var header = new ReadOnlySpan<byte>(_base, SectionFile.HeaderSize);
        if (!header[..8].SequenceEqual(magic))
            throw new SegueException($"{Path}: not a Segue {kind} (wrong magic number)");
        int fileVersion = BinaryPrimitives.ReadInt32LittleEndian(header[8..]);
        if (fileVersion != version)
            throw new SegueException($"{Path}: {kind} format version {fileVersion}, but this build of Segue reads version {version}");
        int count = BinaryPrimitives.ReadInt32LittleEndian(header[12..]);
        long declared = BinaryPrimitives.ReadInt64LittleEndian(header[24..]);
        if (declared != _length)
            throw new SegueException($"{Path}: truncated or damaged {kind}: {_length} bytes, header says {declared}");
        if (count < 0 || count > SectionFile.MaxSections)
            throw new SegueException($"{Path}: damaged {kind} header (section count {count})");
        var table = new ReadOnlySpan<byte>(_base + SectionFile.HeaderSize, count * SectionFile.EntrySize);
        if (XxHash64.HashToUInt64(table) != BinaryPrimitives.ReadUInt64LittleEndian(header[16..]))
            throw new SegueException($"{Path}: damaged {kind} header (section table checksum mismatch)");
        for (int i = 0; i < count; i++)
        {
            var e = table[(i * SectionFile.EntrySize)..];
            uint id = BinaryPrimitives.ReadUInt32LittleEndian(e);
            long offset = BinaryPrimitives.ReadInt64LittleEndian(e[8..]);
            long size = BinaryPrimitives.ReadInt64LittleEndian(e[16..]);
            if (offset < SectionFile.FirstSectionOffset || size < 0 || offset + size > _length)
                throw new SegueException($"{Path}: damaged {kind} (section {id} lies outside the file)");
            _sections[id] = (offset, size, BinaryPrimitives.ReadUInt64LittleEndian(e[24..]));
        }
    }

    public bool Has(uint id) => _sections.ContainsKey(id);

    public ulong Checksum(uint id) => Entry(id).Hash;

    public ReadOnlySpan<T> Get<T>(uint id) where T : unmanaged
    {
        var (offset, size, _) = Entry(id);
        if (size % sizeof(T) != 0) throw new SegueException($"{Path}: damaged file (section {id} has {size} bytes, not a whole number of {sizeof(T)}-byte values)");
        return new ReadOnlySpan<T>(_base + offset, checked((int)(size / sizeof(T))));
    }

    /// <summary>Recomputes every section's checksum and throws, naming the first damaged section
    /// (by <paramref name="name"/> when given), if one does not match. Sections are hashed in
    /// parallel, largest first, so the time is about that of the largest at memory speed.</summary>
    public void Verify(Func<uint, string>? name = null)
    {
        var bySize = _sections.OrderByDescending(s => s.Value.Length).Select(s => s.Key).ToArray();
        var damaged = new bool[bySize.Length];
        Parallel.For(0, bySize.Length, i => damaged[i] = !Matches(_sections[bySize[i]]));
        // The lowest damaged id, whichever thread found it, so the message is deterministic.
        var ids = bySize.Where((_, i) => damaged[i]).ToList();
        if (ids.Count == 0) return;
        uint id = ids.Min();
        throw new SegueException($"{Path}: damaged {_kind}: checksum mismatch in section {id}{(name is null ? "" : $" ({name(id)})")}");
    }

    // Read, not hashed through the map: faulting in a fresh mapping page by page costs several
    // times the hashing (the more so in a virtual machine), while a read copies from the page cache
    // at memory speed. Pages the caller then uses fault in as it reads them.
    private bool Matches((long Offset, long Length, ulong Hash) section)
    {
        var hasher = new XxHash64();
        var buffer = ArrayPool<byte>.Shared.Rent(1 << 20);
        try
        {
            for (long done = 0; done < section.Length;)
            {
                int read = RandomAccess.Read(_handle, buffer.AsSpan(0, (int)Math.Min(buffer.Length, section.Length - done)), section.Offset + done);
                if (read == 0) return false;   // the file shrank under us
                hasher.Append(buffer.AsSpan(0, read));
                done += read;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
        return hasher.GetCurrentHashAsUInt64() == section.Hash;
    }

    private (long Offset, long Length, ulong Hash) Entry(uint id) =>
        _sections.TryGetValue(id, out var entry) ? entry
            : throw new SegueException($"{Path}: damaged file (section {id} missing)");

    public void Dispose()
    {
        if (_base != null) _view.SafeMemoryMappedViewHandle.ReleasePointer();
        _view?.Dispose();
        _map?.Dispose();
        _handle?.Dispose();
    }
}
