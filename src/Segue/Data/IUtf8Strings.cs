using System.IO.Hashing;

namespace Segue.Data;

/// <summary>A list of UTF-8 strings, in memory while a dataset is built or mapped from its file
/// once written; <see cref="Utf8HashIndex"/> looks strings up in either.</summary>
public interface IUtf8Strings
{
    int Count { get; }
    ReadOnlySpan<byte> this[int index] { get; }
}

/// <summary>
/// The open-addressing hash index over an <see cref="IUtf8Strings"/> (slots hold id + 1, 0 is
/// empty; XxHash3, linear probing). It is built while interning and written to the dataset
/// as it is, so a loaded dataset finds a URI without building any dictionary.
/// </summary>
public static class Utf8HashIndex
{
    /// <summary>The slot holding <paramref name="value"/>, or the empty slot where it would go.</summary>
    public static int FindSlot<TStrings>(ReadOnlySpan<int> slots, TStrings strings, ReadOnlySpan<byte> value)
        where TStrings : IUtf8Strings
    {
        int mask = slots.Length - 1;
        int slot = (int)XxHash3.HashToUInt64(value) & mask;
        for (int entry; (entry = slots[slot]) != 0; slot = (slot + 1) & mask)
            if (strings[entry - 1].SequenceEqual(value)) break;
        return slot;
    }

    /// <summary>The id of <paramref name="value"/>, or -1.</summary>
    public static int Find<TStrings>(ReadOnlySpan<int> slots, TStrings strings, ReadOnlySpan<byte> value)
        where TStrings : IUtf8Strings =>
        slots.Length == 0 ? -1 : slots[FindSlot(slots, strings, value)] - 1;
}
