using System.IO.Hashing;

namespace Segue.Data;

/// <summary>
/// Maps UTF-8 byte strings to dense ids in order of first appearance. Ingest interns URIs
/// straight from the JSON buffer, so no <see cref="string"/> is allocated per track occurrence;
/// the bytes are copied only the first time a value is seen. A slot holds the value's hash
/// beside its id, so a probe touches one cache line until the hashes match, and growing never
/// hashes again. <see cref="Slots"/> gives the table in the layout <see cref="Utf8HashIndex"/>
/// reads, for the dataset file.
/// </summary>
public sealed class Utf8Interner(int expectedCount = 16)
{
    private readonly Utf8StringList _values = new();
    // High 32 bits: the hash's high half; low 32 bits: id + 1 (0 is empty). The slot index comes
    // from the hash's low bits, as in Utf8HashIndex.
    private ulong[] _slots = new ulong[(int)Math.Max(32, System.Numerics.BitOperations.RoundUpToPowerOf2((uint)expectedCount * 2))];

    public int Count => _values.Count;

    /// <summary>Forgets every value, keeping the memory: ids start again from 0.</summary>
    public void Clear()
    {
        _values.Clear();
        Array.Clear(_slots);
    }

    public Utf8StringList Values => _values;

    /// <summary>The hash index as <see cref="Utf8HashIndex"/> reads it: id + 1 per slot (0 is empty).</summary>
    public int[] Slots => [.. _slots.Select(s => (int)(uint)s)];

    public ReadOnlySpan<byte> this[int id] => _values[id];

    /// <summary>Returns the id of <paramref name="value"/>, adding it if new.</summary>
    public int Intern(ReadOnlySpan<byte> value, out bool added)
    {
        ulong hash = XxHash3.HashToUInt64(value);
        ulong tag = hash & 0xFFFF_FFFF_0000_0000;
        int mask = _slots.Length - 1;
        int slot = (int)hash & mask;
        for (ulong entry; (entry = _slots[slot]) != 0; slot = (slot + 1) & mask)
        {
            int candidate = (int)(uint)entry - 1;
            if ((entry & 0xFFFF_FFFF_0000_0000) == tag && _values[candidate].SequenceEqual(value))
            {
                added = false;
                return candidate;
            }
        }
        int id = _values.Add(value);
        _slots[slot] = tag | (uint)(id + 1);
        if (Count * 2 > _slots.Length) Grow();
        added = true;
        return id;
    }

    private void Grow()
    {
        // Rehashing needs the low bits of each hash, which the slot does not keep.
        var slots = new ulong[_slots.Length * 2];
        int mask = slots.Length - 1;
        for (int id = 0; id < Count; id++)
        {
            ulong hash = XxHash3.HashToUInt64(_values[id]);
            int slot = (int)hash & mask;
            while (slots[slot] != 0) slot = (slot + 1) & mask;
            slots[slot] = (hash & 0xFFFF_FFFF_0000_0000) | (uint)(id + 1);
        }
        _slots = slots;
    }
}
