using System.Runtime.InteropServices;

namespace Segue.Structures;

/// <summary>
/// A generator's per-query score buffer: a dense score per track, the list of tracks touched (so a
/// query costs what it touches, not the catalogue's size), and a stamp per track that counts each
/// playlist's repeated tracks once. Score and stamp share one cell, so adding a playlist's track
/// costs one cache miss, not two: at MPD scale the walk is millions of scattered updates a query.
/// Per-thread scratch; allocation-free after construction.
/// </summary>
public sealed class TrackScores(int trackCount)
{
    [StructLayout(LayoutKind.Sequential)]
    private struct Cell
    {
        public double Score;
        public int Stamp;
    }

    private readonly Cell[] _cells = new Cell[trackCount];
    private readonly int[] _touched = new int[trackCount];
    private int _touchedCount, _generation;

    /// <summary>The tracks with a score, in the order they got one.</summary>
    public ReadOnlySpan<int> Touched => _touched.AsSpan(0, _touchedCount);

    public double this[int track] => _cells[track].Score;

    /// <summary>Zeroes every score (the last query's stay readable until now).</summary>
    public void Clear()
    {
        foreach (int track in Touched) _cells[track].Score = 0;
        _touchedCount = 0;
    }

    /// <summary>Adds <paramref name="weight"/> to each distinct track of <paramref name="playlist"/>.</summary>
    public void AddPlaylist(ReadOnlySpan<int> playlist, double weight)
    {
        if (++_generation == int.MaxValue)
        {
            for (int t = 0; t < _cells.Length; t++) _cells[t].Stamp = 0;
            _generation = 1;
        }
        var cells = _cells;
        int generation = _generation;
        foreach (int track in playlist)
        {
            ref var cell = ref cells[track];
            if (cell.Stamp == generation) continue;
            cell.Stamp = generation;
            if (cell.Score == 0) _touched[_touchedCount++] = track;
            cell.Score += weight;
        }
    }

    /// <summary>Divides the score of <paramref name="track"/> by <paramref name="divisor"/>.</summary>
    public void Divide(int track, double divisor) => _cells[track].Score /= divisor;
}
