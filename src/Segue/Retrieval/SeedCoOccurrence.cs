using Segue.Structures;

namespace Segue.Retrieval;

/// <summary>
/// The co-occurrence walk's tallies when a ranker reads them: per track, the damped score the
/// generator ranks by (the same additions in the same order as its plain <see cref="TrackScores"/>)
/// and co(s, c) with each distinct seed one by one: summed, its largest and its smallest over the
/// seeds that have it, the same divided by pop(s), and how many seeds have it. The walk's cell holds
/// only the score and the current seed's count, so adding a playlist's track costs what the plain
/// walk's does; a seed's count is folded into the track's <see cref="Tally"/> (a second array) when
/// the walk next meets the track for another seed, and the last one when the tally is read: a
/// ranker reads a few thousand of the walk's hundred thousand tracks. The cell also holds the
/// playlist kNN score (<see cref="NeighbourScore"/>): its neighbours are playlists holding a seed,
/// which this walk reads anyway, so their weights are added as it passes (and by
/// <see cref="AddNeighbour"/> for a neighbour the walk's sample skipped). Per-thread scratch;
/// allocation-free after construction but for more seeds than ever before.
/// </summary>
internal sealed class SeedCoOccurrence(int trackCount) : ScoreBuffer<SeedCoOccurrence.Cell>(trackCount)
{
    internal struct Cell : IScoreCell
    {
        public double Score { get; set; }
        public int Stamp { get; set; }
        public int Seed;         // 1 + the seed whose count is Count; 0 before the query's walk met the track
        public int Count;
        public int Tally;        // the track's place in the tallies: the order the walk met the tracks
        public double Neighbours;  // the summed weights of the neighbour playlists holding the track
    }

    /// <summary>co(s, c) of one track over the query's distinct seeds.</summary>
    internal struct Tally
    {
        /// <summary>co(s, c) summed over the seeds.</summary>
        public float Sum;
        /// <summary>The largest co(s, c) of a seed.</summary>
        public float Max;
        /// <summary>The smallest co(s, c) of the seeds that have one (0 for none).</summary>
        public float Min;
        /// <summary>co(s, c) / pop(s) summed over the seeds.</summary>
        public float NormSum;
        /// <summary>The largest co(s, c) / pop(s) of a seed.</summary>
        public float NormMax;
        /// <summary>How many seeds share a playlist with the track.</summary>
        public int Seeds;
    }

    // Counts a playlist's track for the current seed, folding the previous seed's count first (or
    // giving the track its tally when the walk first meets it), and adds the playlist's neighbour weight.
    private readonly struct SeedCounter(SeedCoOccurrence owner, double neighbourWeight) : ICellCounter<Cell>
    {
        public void Count(ref Cell cell)
        {
            cell.Neighbours += neighbourWeight;
            if (cell.Seed != owner._seed)
            {
                if (cell.Seed == 0) owner.Allot(ref cell);
                else owner.Fold(ref cell);
                cell.Seed = owner._seed;
            }
            cell.Count++;
        }
    }

    private readonly struct NeighbourCounter(double neighbourWeight) : ICellCounter<Cell>
    {
        public void Count(ref Cell cell) => cell.Neighbours += neighbourWeight;
    }

    private readonly Tally[] _tallies = new Tally[trackCount];   // in the order the walk met the tracks, so that folds stay near
    private double[] _scale = new double[64];        // per seed: what one walked playlist stands for
    private float[] _inverseTotal = new float[64];  // per seed: 1 / pop(s)
    private int _seed, _allotted;

    /// <summary>The tallies of <paramref name="track"/> after the walk.</summary>
    public Tally Of(int track)
    {
        ref var cell = ref CellOf(track);
        if (!IsCurrent(cell) || cell.Seed == 0) return default;
        Fold(ref cell);
        return _tallies[cell.Tally];
    }

    /// <summary>Empties the walk for the next query, whose seeds count from the first.</summary>
    public override void Clear()
    {
        base.Clear();
        _seed = 0;
        _allotted = 0;
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

    /// <summary>The summed weights of the neighbour playlists holding <paramref name="track"/>.</summary>
    public double NeighbourScore(int track)
    {
        ref var cell = ref CellOf(track);
        return IsCurrent(cell) ? cell.Neighbours : 0;
    }

    /// <summary>Adds <paramref name="weight"/> to the score of each distinct track of
    /// <paramref name="playlist"/>, and counts it for the current seed.</summary>
    public override void AddPlaylist(ReadOnlySpan<int> playlist, double weight) => AddPlaylist(playlist, weight, neighbourWeight: 0);

    /// <summary>As <see cref="AddPlaylist(ReadOnlySpan{int}, double)"/>, and adds
    /// <paramref name="neighbourWeight"/> to each track's neighbour score.</summary>
    public void AddPlaylist(ReadOnlySpan<int> playlist, double weight, double neighbourWeight)
    {
        var counter = new SeedCounter(this, neighbourWeight);
        AddPlaylist(playlist, weight, ref counter);
    }

    /// <summary>Adds <paramref name="weight"/> to the neighbour score of each distinct track of
    /// <paramref name="playlist"/>, a neighbour the co-occurrence walk did not read: its scores and
    /// counts are untouched.</summary>
    public void AddNeighbour(ReadOnlySpan<int> playlist, double weight)
    {
        var counter = new NeighbourCounter(weight);
        AddPlaylist(playlist, 0, ref counter);
    }

    private void Allot(ref Cell cell)
    {
        cell.Tally = _allotted++;
        _tallies[cell.Tally] = default;
    }

    private void Fold(ref Cell cell)
    {
        if (cell.Count == 0) return;
        ref var tally = ref _tallies[cell.Tally];
        int s = cell.Seed - 1;
        float co = (float)(cell.Count * _scale[s]), norm = co * _inverseTotal[s];
        tally.Sum += co;
        tally.NormSum += norm;
        tally.Max = Math.Max(tally.Max, co);
        tally.NormMax = Math.Max(tally.NormMax, norm);
        tally.Min = tally.Seeds == 0 ? co : Math.Min(tally.Min, co);
        tally.Seeds++;
        cell.Count = 0;
    }
}
