namespace Segue.Data;

/// <summary>
/// Maps UTF-8 byte strings to dense ids in order of first appearance. Ingest interns URIs
/// straight from the JSON buffer, so no <see cref="string"/> is allocated per track occurrence;
/// the bytes are copied only the first time a value is seen.
/// </summary>
public sealed class Utf8Interner
{
    private readonly Utf8StringList _values = new();
    private int[] _slots = new int[1 << 4];

    public int Count => _values.Count;

    public Utf8StringList Values => _values;

    /// <summary>The hash index, in the layout <see cref="Utf8HashIndex"/> reads.</summary>
    public ReadOnlySpan<int> Slots => _slots;

    public ReadOnlySpan<byte> this[int id] => _values[id];

    /// <summary>Returns the id of <paramref name="value"/>, adding it if new.</summary>
    public int Intern(ReadOnlySpan<byte> value, out bool added)
    {
        int slot = Utf8HashIndex.FindSlot(_slots, _values, value);
        if (_slots[slot] != 0) { added = false; return _slots[slot] - 1; }
        int id = _values.Add(value);
        _slots[slot] = id + 1;
        if (Count * 2 > _slots.Length) Grow();
        added = true;
        return id;
    }

    /// <summary>The id of <paramref name="value"/>, or -1 when it was never interned.</summary>
    public int Find(ReadOnlySpan<byte> value) => Utf8HashIndex.Find(_slots, _values, value);

    private void Grow()
    {
        var slots = new int[_slots.Length * 2];
        for (int id = 0; id < Count; id++)
            slots[Utf8HashIndex.FindSlot(slots, _values, _values[id])] = id + 1;
        _slots = slots;
    }
}
