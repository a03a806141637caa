namespace Segue.Data;

/// <summary>
/// An append-only list of UTF-8 strings stored in one byte arena with an offset table: the
/// in-memory form of a dataset's string sections (names, URIs), cheap to build and written
/// to the file as it is.
/// </summary>
public sealed class Utf8StringList : IUtf8Strings
{
    private byte[] _bytes = new byte[1 << 12];
    private long _length;
    private long[] _offsets = new long[1 << 8];   // string i spans [_offsets[i], _offsets[i + 1])
    private int _count;

    public int Count => _count;

    /// <summary>Empties the list, keeping its memory for what is added next.</summary>
    public void Clear() => _count = (int)(_length = 0);

    public int Add(ReadOnlySpan<byte> value)
    {
        if (_length + value.Length > _bytes.Length)
        {
            long size = Math.Max(_bytes.Length * 2L, _length + value.Length);
            if (size > Array.MaxLength) throw new SegueException("too much text for one dataset string section (over 2 GB)");
            Array.Resize(ref _bytes, (int)size);
        }
        value.CopyTo(_bytes.AsSpan((int)_length));
        _length += value.Length;
        if (_count + 2 > _offsets.Length) Array.Resize(ref _offsets, _offsets.Length * 2);
        _offsets[++_count] = _length;
        return _count - 1;
    }

    public ReadOnlySpan<byte> this[int index] =>
        _bytes.AsSpan((int)_offsets[index], (int)(_offsets[index + 1] - _offsets[index]));

    public ReadOnlySpan<byte> Bytes => _bytes.AsSpan(0, (int)_length);

    /// <summary>A struct view for <see cref="Utf8HashIndex"/>: generic code over a struct is
    /// specialised and inlined, where over this class it would dispatch through the interface.</summary>
    public View AsView() => new(this);

    public readonly struct View(Utf8StringList list) : IUtf8Strings
    {
        public int Count => list._count;
        public ReadOnlySpan<byte> this[int index] => list[index];
    }

    /// <summary><c>Count + 1</c> offsets: string i spans <c>[Offsets[i], Offsets[i + 1])</c>.</summary>
    public ReadOnlySpan<long> Offsets => _offsets.AsSpan(0, _count + 1);
}
