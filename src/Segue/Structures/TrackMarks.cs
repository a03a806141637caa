namespace Segue.Structures;

/// <summary>
/// A set of track ids that empties in O(1): a track is in it when its stamp equals the current
/// generation, so a new query (or a new playlist in a walk) starts a generation instead of clearing
/// an array as long as the catalogue. Per-thread scratch.
/// </summary>
public sealed class TrackMarks(int trackCount)
{
    private readonly int[] _stamps = new int[trackCount];
    private int _generation = 1;

    /// <summary>Empties the set.</summary>
    public void Clear()
    {
        if (++_generation != int.MaxValue) return;
        Array.Clear(_stamps);
        _generation = 1;
    }

    /// <summary>Adds <paramref name="track"/>; returns false when it was already in the set.</summary>
    public bool Add(int track)
    {
        if (_stamps[track] == _generation) return false;
        _stamps[track] = _generation;
        return true;
    }

    public bool Contains(int track) => _stamps[track] == _generation;
}
