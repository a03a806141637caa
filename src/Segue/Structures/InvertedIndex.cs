namespace Segue.Structures;

/// <summary>
/// A CSR grouping of items by key: for every key, the items that hold it, ascending, each once
/// however often it holds the key. Tracks by playlist (a playlist holds its tracks), tracks by
/// album or artist, playlists by title token: every inversion in the engine is one of these.
/// Immutable; thread-safe for reading.
/// </summary>
public sealed class InvertedIndex
{
    private readonly int[] _start;
    private readonly int[] _items;

    private InvertedIndex(int[] start, int[] items)
    {
        _start = start;
        _items = items;
    }

    /// <summary>The keys an item holds (repeats allowed; they count once).</summary>
    public delegate ReadOnlySpan<int> KeysOf(int item);

    public int KeyCount => _start.Length - 1;

    /// <summary>The items holding <paramref name="key"/>, ascending.</summary>
    public ReadOnlySpan<int> Items(int key) => _items.AsSpan(_start[key], _start[key + 1] - _start[key]);

    /// <summary>How many items hold <paramref name="key"/>.</summary>
    public int Count(int key) => _start[key + 1] - _start[key];

    /// <summary>Groups <paramref name="items"/> (ascending) by the keys each holds: two passes over
    /// them, count then place.</summary>
    public static InvertedIndex Build(int keyCount, ReadOnlySpan<int> items, KeysOf keysOf)
    {
        var start = new int[keyCount + 1];
        var seen = new TrackMarks(keyCount);
        foreach (int item in items)
        {
            seen.Clear();
            foreach (int key in keysOf(item))
                if (seen.Add(key)) start[key + 1]++;
        }
        for (int k = 0; k < keyCount; k++)
            start[k + 1] = checked(start[k + 1] + start[k]);
        var placed = new int[start[^1]];
        var fill = start[..^1];
        foreach (int item in items)
        {
            seen.Clear();
            foreach (int key in keysOf(item))
                if (seen.Add(key)) placed[fill[key]++] = item;
        }
        return new InvertedIndex(start, placed);
    }

    /// <summary>Groups items 0..n-1 by their one key each (<paramref name="keyOfItem"/>).</summary>
    public static InvertedIndex Build(int keyCount, int[] keyOfItem) =>
        Build(keyCount, Enumerable.Range(0, keyOfItem.Length).ToArray(), item => keyOfItem.AsSpan(item, 1));
}
