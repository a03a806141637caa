using System.Runtime.InteropServices;

namespace Segue.Retrieval;

/// <summary>
/// The co-occurrence walk's tallies when a ranker reads them: per track, the damped score the
/// generator ranks by (as <see cref="Structures.TrackScores"/> keeps it, the same additions in the
/// same order) and co(s, c) with each distinct seed one by one: summed, its largest and its smallest
/// over the seeds that have it, the same divided by pop(s), and how many seeds have it. All of a
/// track's tallies share one cell, and a seed's count is folded into them when the walk next
/// touches the track for another seed (or when the query ends), so the walk still costs one cell
/// per playlist track. Per-thread scratch; allocation-free after construction but for more seeds
/// than ever before.
/// </summary>
internal sealed class SeedCoOccurrence(int trackCount)
{
    [StructLayout(LayoutKind.Sequential)]
    private struct Cell
    {
        public double Score;
        public int Stamp;        // the playlist that last counted the track: repeats count once
        public int Seed;         // 1 + the seed whose count is Count
        public int Count;
        public int Seeds;
        public float Sum, Max, Min, NormSum, NormMax;
    }

    private readonly Cell[] _cells = new Cell[trackCount];
    private readonly int[] _touched = new int[trackCount];
    private double[] _scale = new double[64];        // per seed: what one walked playlist stands for
    private float[] _inverseTotal = new float[64];  // per seed: 1 / pop(s)
    private int _touchedCount, _generation, _seed;

    /// <summary>The tracks with a score, in the order they got one.</summary>
    public ReadOnlySpan<int> Touched => _touched.AsSpan(0, _touchedCount);

    public double this[int track] => _cells[track].Score;

    /// <summary>co(s, c) summed over the seeds.</summary>
    public float Sum(int track) => _cells[track].Sum;
    /// <summary>The largest co(s, c) of a seed.</summary>
    public float Max(int track) => _cells[track].Max;
    /// <summary>The smallest co(s, c) of the seeds that have one (0 for none).</summary>
    public float Min(int track) => _cells[track].Min;
    /// <summary>co(s, c) / pop(s) summed over the seeds.</summary>
    public float NormSum(int track) => _cells[track].NormSum;
    /// <summary>The largest co(s, c) / pop(s) of a seed.</summary>
    public float NormMax(int track) => _cells[track].NormMax;
    /// <summary>How many seeds share a playlist with the track.</summary>
    public int Seeds(int track) => _cells[track].Seeds;

    /// <summary>Empties every tally (the last query's stay readable until now).</summary>
    public void Clear()
    {
        foreach (int track in Touched) _cells[track] = default;
        _touchedCount = 0;
        _seed = 0;
    }

    /// <summary>Starts the next seed, with <paramref name="total"/> playlists of which
    /// <paramref name="walked"/> are walked.</summary>
    public void BeginSeed(int total, int walked)
    {
        if (_seed == _scale.Length)
        {
            Array.Resize(ref _scale, 2 * _seed);
            Array.Resize(ref _inverseTotal, 2 * _seed);
        }
        _scale[_seed] = (double)total / walked;
        _inverseTotal[_seed] = 1f / total;
        _seed++;
    }

    /// <summary>Adds <paramref name="weight"/> to the score of each distinct track of
    /// <paramref name="playlist"/>, and counts it for the current seed.</summary>
    public void AddPlaylist(ReadOnlySpan<int> playlist, double weight)
    {
        if (++_generation == int.MaxValue)
        {
            for (int t = 0; t < _cells.Length; t++) _cells[t].Stamp = 0;
            _generation = 1;
        }
        var cells = _cells;
        int generation = _generation, seed = _seed;
        foreach (int track in playlist)
        {
            ref var cell = ref cells[track];
            if (cell.Stamp == generation) continue;
            cell.Stamp = generation;
            if (cell.Score == 0) _touched[_touchedCount++] = track;
            cell.Score += weight;
            if (cell.Seed != seed)
            {
                Fold(ref cell);
                cell.Seed = seed;
                cell.Count = 0;
            }
            cell.Count++;
        }
    }

    /// <summary>Folds the last seed's counts in; call once the walk is over, before reading.</summary>
    public void EndQuery()
    {
        foreach (int track in Touched)
        {
            ref var cell = ref _cells[track];
            Fold(ref cell);
            cell.Count = 0;
        }
    }

    /// <summary>Divides the score of <paramref name="track"/> by <paramref name="divisor"/>.</summary>
    public void Divide(int track, double divisor) => _cells[track].Score /= divisor;

    private void Fold(ref Cell cell)
    {
        if (cell.Count == 0) return;
        int s = cell.Seed - 1;
        float co = (float)(cell.Count * _scale[s]), norm = co * _inverseTotal[s];
        cell.Sum += co;
        cell.NormSum += norm;
        cell.Max = Math.Max(cell.Max, co);
        cell.NormMax = Math.Max(cell.NormMax, norm);
        cell.Min = cell.Seeds == 0 ? co : Math.Min(cell.Min, co);
        cell.Seeds++;
    }
}
