using Segue.IO;

namespace Segue.Data;

/// <summary>A run of whole playlists of a table, read into a buffer of <see cref="ChunkBuffers"/>
/// (given back once parsed), and the line its first row is on.</summary>
internal sealed record PlaylistTableChunk(PlaylistTableFile File, byte[] Buffer, int Length, long FirstLine);

/// <summary>
/// A playlist table read as a stream, one chunk after another: its header first, then runs of
/// rows of about <c>chunkBytes</c> that end where one playlist's rows give way to the
/// next, so that chunks can be parsed in parallel and no playlist is split between two. Row
/// ends are found by <see cref="DelimitedRows.RowEnd"/>, the parser's own rule, so a chunk never
/// starts inside a quoted field. Not thread-safe: chunks are taken one at a time.
/// </summary>
internal sealed class PlaylistTableFile : IDisposable
{
    /// <summary>About as many rows as an MPD slice holds (66,000), so that merging a chunk costs what merging a slice does.</summary>
    public const int DefaultChunkBytes = 16 << 20;
    // Room past the chunk's size for the rest of its last playlist, so that the buffer rarely grows.
    private const int Margin = 1 << 20;
    private static ReadOnlySpan<byte> ByteOrderMark => [0xEF, 0xBB, 0xBF];

    private readonly FileStream _stream;
    private readonly int _chunkBytes;
    private readonly ChunkBuffers _buffers;
    private readonly RowSplitter _splitter;
    private byte[] _carry = [];
    private int _carryLength;
    private bool _end;
    private long _line;

    public string Path { get; }
    /// <summary>Its place among the files ingested: each starts its own slices.</summary>
    public int Index { get; }
    public byte Delimiter { get; }
    public PlaylistTableHeader Header { get; }
    public long Length { get; }

    private PlaylistTableFile(string path, int index, ChunkBuffers buffers, int chunkBytes)
    {
        Path = path;
        Index = index;
        _buffers = buffers;
        _chunkBytes = chunkBytes;
        if (Directory.Exists(path)) throw new SegueException($"{path}: is a folder; a playlist table is a CSV or TSV file");
        if (!File.Exists(path)) throw new SegueException($"{path}: no such file");
        try
        {
            _stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            Length = _stream.Length;
        }
        catch (Exception e) when (FileError.Is(e))
        {
            throw FileError.Reading(path, e);
        }
        // The header: its first line says the delimiter (unless the extension does), and its row
        // ends where the parser's rule says (a quoted name could hold a line break).
        while (_carry.AsSpan(0, _carryLength).IndexOf(DelimitedRows.LineFeed) < 0 && !_end) Grow(ref _carry, ref _carryLength);
        var start = _carry.AsSpan(0, _carryLength);
        int bom = start.StartsWith(ByteOrderMark) ? ByteOrderMark.Length : 0;
        if (start[bom..].Trim("\r\n"u8).IsEmpty) throw new SegueException($"{path}: empty; a playlist table starts with a header line naming its columns");
        int firstLineEnd = start.IndexOf(DelimitedRows.LineFeed);
        Delimiter = PlaylistTableFormat.Of(path, firstLineEnd < 0 ? start[bom..] : start[bom..firstLineEnd]);
        _splitter = new RowSplitter(Delimiter);
        int headerEnd;
        while ((headerEnd = DelimitedRows.RowEnd(_carry.AsSpan(0, _carryLength), bom, Delimiter)) < 0 && !_end) Grow(ref _carry, ref _carryLength);
        if (headerEnd < 0) headerEnd = _carryLength;
        var header = _carry.AsSpan(bom, headerEnd - bom);
        Header = PlaylistTableHeader.Read(path, TrimLineFeed(header), _splitter);
        _line = 1 + header.Count(DelimitedRows.LineFeed);
        _carry.AsSpan(headerEnd, _carryLength - headerEnd).CopyTo(_carry);
        _carryLength -= headerEnd;
    }

    private void Grow(ref byte[] buffer, ref int length) => Fill(ref buffer, ref length, Math.Max(2 * length, 1 << 16));

    public static PlaylistTableFile Open(string path, int index, ChunkBuffers buffers, int chunkBytes = DefaultChunkBytes) =>
        new(path, index, buffers, chunkBytes);

    /// <summary>The next run of whole playlists, or null at the end of the file.</summary>
    public PlaylistTableChunk? Next()
    {
        if (_end && _carryLength == 0) return null;
        var buffer = _buffers.Rent(Math.Max(_chunkBytes, _carryLength) + Margin);
        _carry.AsSpan(0, _carryLength).CopyTo(buffer);
        int length = _carryLength;
        Fill(ref buffer, ref length, buffer.Length);
        int boundary = Boundary(ref buffer, ref length);
        long firstLine = _line;
        _line += buffer.AsSpan(0, boundary).Count(DelimitedRows.LineFeed);
        _carryLength = length - boundary;
        if (_carry.Length < _carryLength) _carry = new byte[Math.Max(_carryLength, 2 * _carry.Length)];
        buffer.AsSpan(boundary, _carryLength).CopyTo(_carry);
        return new PlaylistTableChunk(this, buffer, boundary, firstLine);
    }

    /// <summary>Where the chunk in <paramref name="buffer"/> ends: at the first row past
    /// <c>chunkBytes</c> whose pid differs from the row before it, reading more when the
    /// rows in hand run out; at the end of the file when it comes first.</summary>
    private int Boundary(ref byte[] buffer, ref int length)
    {
        int pidField = Header.FieldOf(PlaylistTableColumns.Pid);
        byte[]? previous = null;
        int pos = 0;
        while (true)
        {
            int end = DelimitedRows.RowEnd(buffer.AsSpan(0, length), pos, Delimiter);
            if (end < 0)
            {
                if (_end) return length;
                Fill(ref buffer, ref length, length + Margin);
                continue;
            }
            if (end >= _chunkBytes)
            {
                var row = TrimLineFeed(buffer.AsSpan(pos, end - pos));
                if (!row.Trim("\r"u8).IsEmpty)
                {
                    var pid = _splitter.Split(row) is null && _splitter.Count > pidField ? _splitter.Field(row, pidField) : row;
                    if (previous is not null && !pid.SequenceEqual(previous)) return pos;
                    previous = pid.ToArray();
                }
            }
            pos = end;
        }
    }

    /// <summary>Reads until <paramref name="length"/> reaches <paramref name="target"/> or the file ends, growing the buffer as needed.</summary>
    private void Fill(ref byte[] buffer, ref int length, int target)
    {
        if (buffer.Length < target)
        {
            var bigger = buffer == _carry ? new byte[target] : _buffers.Rent(target);
            buffer.AsSpan(0, length).CopyTo(bigger);
            if (buffer != _carry) _buffers.Return(buffer);
            buffer = bigger;
        }
        try
        {
            while (length < target && !_end)
            {
                int read = _stream.Read(buffer, length, Math.Min(buffer.Length, target) - length);
                if (read == 0) _end = true;
                length += read;
            }
        }
        catch (Exception e) when (FileError.Is(e))
        {
            throw FileError.Reading(Path, e);
        }
    }

    public static ReadOnlySpan<byte> TrimLineFeed(ReadOnlySpan<byte> row) =>
        !row.IsEmpty && row[^1] == DelimitedRows.LineFeed ? row[..^1] : row;

    public void Dispose() => _stream.Dispose();
}
