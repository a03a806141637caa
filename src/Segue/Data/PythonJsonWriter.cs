using System.Buffers;
using System.Buffers.Text;
using System.Text;

namespace Segue.Data;

/// <summary>
/// Writes JSON byte for byte as the MPD's files were written, by Python 2's
/// <c>json.dumps(obj, indent=4)</c> with its defaults: four spaces a level, <c>", "</c> between
/// items (so every line that ends in a comma ends in a space), <c>": "</c> after keys, empty
/// containers as <c>[]</c> and <c>{}</c>, no final line break, and <c>ensure_ascii</c>: every
/// character outside printable ASCII as a <c>\u</c> escape with lower-case hex digits, characters
/// beyond the Basic Multilingual Plane as two escaped surrogates. <see cref="System.Text.Json.Utf8JsonWriter"/>
/// can produce none of the first three nor the escapes, hence this writer. Keys are written in
/// the order they are given, as Python's dict order is a matter of the caller's knowledge.
/// </summary>
public sealed class PythonJsonWriter(Stream stream) : IDisposable
{
    private const int BufferSize = 1 << 16;
    private const int Indent = 4;

    /// <summary>Characters that stand for themselves: printable ASCII except the quote and the backslash.</summary>
    private static readonly SearchValues<byte> PlainBytes = SearchValues.Create(
        [.. Enumerable.Range(' ', '~' - ' ' + 1).Where(c => c is not ('"' or '\\')).Select(c => (byte)c)]);
    private static readonly SearchValues<char> PlainChars = SearchValues.Create(
        [.. Enumerable.Range(' ', '~' - ' ' + 1).Where(c => c is not ('"' or '\\')).Select(c => (char)c)]);
    private static ReadOnlySpan<byte> Hex => "0123456789abcdef"u8;

    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
    private int _length;
    private int _depth;
    /// <summary>No item has been written yet in the innermost open container.</summary>
    private bool _empty;

    public void WriteStartObject() => Start((byte)'{');
    public void WriteStartObject(ReadOnlySpan<byte> key) { Key(key); Open((byte)'{'); }
    public void WriteStartArray(ReadOnlySpan<byte> key) { Key(key); Open((byte)'['); }
    public void WriteEndObject() => End((byte)'}');
    public void WriteEndArray() => End((byte)']');

    /// <param name="value">UTF-8.</param>
    public void WriteString(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value)
    {
        Key(key);
        Quoted(value);
    }

    public void WriteString(ReadOnlySpan<byte> key, string value)
    {
        Key(key);
        Reserve(2 + 6 * value.Length);
        _buffer[_length++] = (byte)'"';
        var rest = value.AsSpan();
        while (true)
        {
            int plain = rest.IndexOfAnyExcept(PlainChars);
            var run = plain < 0 ? rest : rest[..plain];
            _length += Encoding.ASCII.GetBytes(run, _buffer.AsSpan(_length));
            if (plain < 0) break;
            Escape(rest[plain]);
            rest = rest[(plain + 1)..];
        }
        _buffer[_length++] = (byte)'"';
    }

    public void WriteNumber(ReadOnlySpan<byte> key, long value)
    {
        Key(key);
        Reserve(20);
        Utf8Formatter.TryFormat(value, _buffer.AsSpan(_length), out int written);
        _length += written;
    }

    /// <summary>Hands what is buffered to the stream (and flushes the stream).</summary>
    public void Flush()
    {
        stream.Write(_buffer, 0, _length);
        _length = 0;
        stream.Flush();
    }

    public void Dispose()
    {
        if (_buffer.Length == 0) return;
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }

    private void Start(byte bracket)
    {
        if (_depth > 0) Item();
        Open(bracket);
    }

    private void Open(byte bracket)
    {
        Reserve(1);
        _buffer[_length++] = bracket;
        _depth++;
        _empty = true;
    }

    private void End(byte bracket)
    {
        _depth--;
        if (!_empty) Line(_depth);
        Reserve(1);
        _buffer[_length++] = bracket;
        _empty = false;
    }

    private void Key(ReadOnlySpan<byte> key)
    {
        Item();
        Quoted(key);
        Reserve(2);
        _buffer[_length++] = (byte)':';
        _buffer[_length++] = (byte)' ';
    }

    /// <summary>Starts an item of the innermost container: on a line of its own, after ", " unless it is the first.</summary>
    private void Item()
    {
        if (!_empty)
        {
            Reserve(2);
            _buffer[_length++] = (byte)',';
            _buffer[_length++] = (byte)' ';
        }
        _empty = false;
        Line(_depth);
    }

    private void Line(int depth)
    {
        int width = 1 + Indent * depth;
        Reserve(width);
        _buffer[_length] = (byte)'\n';
        _buffer.AsSpan(_length + 1, width - 1).Fill((byte)' ');
        _length += width;
    }

    private void Quoted(ReadOnlySpan<byte> utf8)
    {
        // Any byte becomes at most six: a control character's \u00XX; a four-byte sequence, twelve.
        Reserve(2 + 6 * utf8.Length);
        _buffer[_length++] = (byte)'"';
        Span<char> units = stackalloc char[2];
        while (true)
        {
            int plain = utf8.IndexOfAnyExcept(PlainBytes);
            var run = plain < 0 ? utf8 : utf8[..plain];
            run.CopyTo(_buffer.AsSpan(_length));
            _length += run.Length;
            if (plain < 0) break;
            Rune.DecodeFromUtf8(utf8[plain..], out var rune, out int consumed);
            int count = rune.EncodeToUtf16(units);
            for (int i = 0; i < count; i++) Escape(units[i]);
            utf8 = utf8[(plain + consumed)..];
        }
        _buffer[_length++] = (byte)'"';
    }

    /// <summary>Python's escapes: short forms for the quote, backslash and five controls, else \u with four lower-case hex digits.</summary>
    private void Escape(char c)
    {
        byte shortForm = c switch
        {
            '"' => (byte)'"', '\\' => (byte)'\\', '\b' => (byte)'b', '\f' => (byte)'f',
            '\n' => (byte)'n', '\r' => (byte)'r', '\t' => (byte)'t', _ => 0,
        };
        _buffer[_length++] = (byte)'\\';
        if (shortForm != 0)
        {
            _buffer[_length++] = shortForm;
            return;
        }
        _buffer[_length++] = (byte)'u';
        for (int shift = 12; shift >= 0; shift -= 4)
            _buffer[_length++] = Hex[(c >> shift) & 0xF];
    }

    /// <summary>Makes room for <paramref name="bytes"/> more, handing the buffer to the stream when it is full.</summary>
    private void Reserve(int bytes)
    {
        if (_length + bytes <= _buffer.Length) return;
        stream.Write(_buffer, 0, _length);
        _length = 0;
        if (bytes <= _buffer.Length) return;
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = ArrayPool<byte>.Shared.Rent(bytes);
    }
}
