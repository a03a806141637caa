using System.Runtime.InteropServices;
using System.Text;

namespace Segue.IO;

/// <summary>
/// NumPy's <c>.npy</c> format, version 1.0, for a 2-D little-endian float32 matrix in C order:
/// the magic <c>\x93NUMPY</c>, the version bytes 1 and 0, the header length as a little-endian
/// uint16, then the header, a Python dict literal
/// <c>{'descr': '&lt;f4', 'fortran_order': False, 'shape': (R, C), }</c> padded with spaces and
/// ending in <c>\n</c> so that the data starts at a multiple of 64 bytes, then the data. The
/// padding is computed as NumPy's own writer does (1 to 64 spaces), so the files are
/// byte-identical to <c>numpy.save</c>'s.
/// </summary>
public static class NpyFile
{
    public const int Alignment = 64;
    public static ReadOnlySpan<byte> Magic => new byte[] { 0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y' };

    /// <summary>The header (magic to the newline) of a <paramref name="rows"/> x <paramref name="cols"/> float32 matrix.</summary>
    public static byte[] Header(long rows, long cols)
    {
        string dict = $"{{'descr': '<f4', 'fortran_order': False, 'shape': ({rows}, {cols}), }}";
        int prefix = Magic.Length + 2 + 2;
        int length = dict.Length + 1; // with the newline
        int padding = Alignment - (prefix + length) % Alignment;
        var header = new byte[prefix + length + padding];
        Magic.CopyTo(header);
        header[6] = 1;
        header[7] = 0;
        int headerLength = length + padding;
        if (headerLength > ushort.MaxValue) throw new InvalidOperationException("an .npy 1.0 header is at most 65535 bytes");
        header[8] = (byte)headerLength;
        header[9] = (byte)(headerLength >> 8);
        Encoding.ASCII.GetBytes(dict, header.AsSpan(prefix));
        header.AsSpan(prefix + dict.Length, padding).Fill((byte)' ');
        header[^1] = (byte)'\n';
        return header;
    }

    /// <summary>Writes <paramref name="values"/> (row-major) as a <paramref name="rows"/> x
    /// <paramref name="cols"/> matrix to <paramref name="path"/>, atomically.</summary>
    public static void Write(string path, ReadOnlySpan<float> values, int rows, int cols)
    {
        if (values.Length != (long)rows * cols) throw new ArgumentException($"{values.Length} values for {rows} x {cols}");
        // '<f4' promises little-endian bytes, which is what the float's memory is on every platform .NET runs on here.
        if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("writing .npy files needs a little-endian machine");
        using var file = AtomicFile.Create(path);
        file.Stream.Write(Header(rows, cols));
        file.Stream.Write(MemoryMarshal.AsBytes(values));
        file.Commit();
    }

    /// <summary>Reads a <paramref name="rows"/> x <paramref name="cols"/> float32 matrix written as
    /// <see cref="Write"/> writes it (the header must be exactly that one), refusing anything else
    /// in one line naming the file.</summary>
    public static float[] Read(string path, int rows, int cols)
    {
        var header = Header(rows, cols);
        long expected = header.Length + (long)rows * cols * sizeof(float);
        try
        {
            using var stream = File.OpenRead(path);
            if (stream.Length != expected)
                throw new SegueException($"{path}: {stream.Length:N0} bytes; a {rows:N0} x {cols} float32 .npy matrix has {expected:N0}");
            var actual = new byte[header.Length];
            stream.ReadExactly(actual);
            if (!actual.AsSpan().SequenceEqual(header))
                throw new SegueException($"{path}: not a {rows:N0} x {cols} float32 .npy matrix (its header differs)");
            var values = new float[(long)rows * cols];
            stream.ReadExactly(MemoryMarshal.AsBytes(values.AsSpan()));
            return values;
        }
        catch (FileNotFoundException)
        {
            throw new SegueException($"{path}: no such file");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SegueException($"{path}: cannot read: {e.Message}", e);
        }
    }
}
