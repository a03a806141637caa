using Segue.Structures;

namespace Segue.Retrieval;

/// <summary>
/// The co-occurrence walk's tallies when a ranker reads them: per track, the damped score the
/// generator ranks by (the same additions in the same order as its plain <see cref="TrackScores"/>)
/// and co(s, c) with each distinct seed one by one: summed, its largest and its smallest over the
/// seeds that have it, the same divided by pop(s), and how many seeds have it. All of a track's
/// tallies share its cell of the walk's <see cref="ScoreBuffer{TCell}"/>, and a seed's count is
/// folded into them when the walk next meets the track for another seed (or when the query ends),
/// so the walk still costs one cell per playlist track. Per-thread scratch; allocation-free after
/// construction but for more seeds than ever before.
/// </summary>
internal sealed class SeedCoOccurrence(int trackCount) : ScoreBuffer<SeedCoOccurrence.Cell>(trackCount)
{
    internal struct Cell : IScoreCell
    {
        public double Score { get; set; }
        public int Stamp { get; set; }
        public int Seed;         // 1 + the seed whose count is Count
        public int Count;
        public int Seeds;
        public float Sum, Max, Min, NormSum, NormMax;
    }

    // Counts a playlist's track for the current seed, folding the previous seed's count first.
    private readonly struct SeedCounter(SeedCoOccurrence owner) : ICellCounter<Cell>
    {
        public void Count(ref Cell cell)
        {
            if (cell.Seed != owner._seed)
            {
                owner.Fold(ref cell);
                cell.Seed = owner._seed;
                cell.Count = 0;
            }
            cell.Count++;
        }
    }

    private double[] _scale = new double[64];        // per seed: what one walked playlist stands for
    private float[] _inverseTotal = new float[64];  // per seed: 1 / pop(s)
    private int _seed;

    /// <summary>co(s, c) summed over the seeds.</summary>
    public float Sum(int track) => CellOf(track).Sum;
    /// <summary>The largest co(s, c) of a seed.</summary>
    public float Max(int track) => CellOf(track).Max;
    /// <summary>The smallest co(s, c) of the seeds that have one (0 for none).</summary>
    public float Min(int track) => CellOf(track).Min;
    /// <summary>co(s, c) / pop(s) summed over the seeds.</summary>
    public float NormSum(int track) => CellOf(track).NormSum;
    /// <summary>The largest co(s, c) / pop(s) of a seed.</summary>
    public float NormMax(int track) => CellOf(track).NormMax;
    /// <summary>How many seeds share a playlist with the track.</summary>
    public int Seeds(int track) => CellOf(track).Seeds;

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
    public override void AddPlaylist(ReadOnlySpan<int> playlist, double weight)
    {
        var counter = new SeedCounter(this);
        AddPlaylist(playlist, weight, ref counter);
    }

    /// <summary>Folds the last seed's counts in, before the tallies are read; the next query's
    /// seeds count from the first again.</summary>
    public void EndQuery()
    {
        foreach (int track in Touched)
        {
            ref var cell = ref CellOf(track);
            Fold(ref cell);
            cell.Count = 0;
        }
        _seed = 0;
    }

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
