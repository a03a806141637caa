namespace Segue.Structures;

/// <summary>
/// A walk's per-query buffer over the catalogue: a cell per track holding its score and the stamp
/// that counts each playlist's repeated tracks once (and tells this query's cells from stale ones), and
/// the list of tracks touched (so a query costs what it touches, not the catalogue's size). A cell
/// may hold more than the score (what a <see cref="ICellCounter{TCell}"/> counts as the walk
/// passes), all in one place, so adding a playlist's track costs one cache miss: at MPD scale a walk
/// is millions of scattered updates a query. Per-thread scratch; allocation-free after construction.
/// </summary>
public abstract class ScoreBuffer<TCell>(int trackCount) : IPlaylistScores where TCell : struct, IScoreCell
{
    private readonly TCell[] _cells = new TCell[trackCount];
    private readonly int[] _touched = new int[trackCount];
    // Stamps count walked playlists over all queries, so a cell stamped before this query's first
    // playlist is stale: it is emptied when the walk meets it, not in a pass over the last
    // query's tracks (at MPD scale, 80,000 scattered writes).
    private int _touchedCount, _generation, _queryStart = 1;

    /// <summary>The tracks with a score, in the order they got one.</summary>
    public ReadOnlySpan<int> Touched => _touched.AsSpan(0, _touchedCount);

    public double this[int track]
    {
        get
        {
            ref var cell = ref _cells[track];
            return IsCurrent(cell) ? cell.Score : 0;
        }
    }

    /// <summary>The cell of <paramref name="track"/>: a stale one (<see cref="IsCurrent"/>) holds
    /// an earlier query's values.</summary>
    protected ref TCell CellOf(int track) => ref _cells[track];

    /// <summary>Whether the query's walk has met the cell's track.</summary>
    protected bool IsCurrent(in TCell cell) => cell.Stamp >= _queryStart;

    /// <summary>Empties the buffer for the next query (the last query's cells stay readable until now).</summary>
    public virtual void Clear()
    {
        _queryStart = _generation + 1;
        _touchedCount = 0;
    }

    /// <summary>Adds <paramref name="weight"/> to the score of each distinct track of
    /// <paramref name="playlist"/>, and counts it as the buffer's cells count.</summary>
    public abstract void AddPlaylist(ReadOnlySpan<int> playlist, double weight);

    /// <summary>Adds <paramref name="weight"/> to the score of each distinct track of
    /// <paramref name="playlist"/>, and lets <paramref name="counter"/> count it in its cell.</summary>
    protected void AddPlaylist<TCounter>(ReadOnlySpan<int> playlist, double weight, ref TCounter counter)
        where TCounter : struct, ICellCounter<TCell>
    {
        if (++_generation == int.MaxValue)
        {
            // Restamp: this query's cells 1, every other one empty.
            for (int t = 0; t < _cells.Length; t++)
                if (IsCurrent(_cells[t])) _cells[t].Stamp = 1;
                else _cells[t] = default;
            (_queryStart, _generation) = (1, 2);
        }
        var cells = _cells;
        int generation = _generation, queryStart = _queryStart;
        foreach (int track in playlist)
        {
            ref var cell = ref cells[track];
            if (cell.Stamp == generation) continue;
            if (cell.Stamp < queryStart)
            {
                cell = default;
                _touched[_touchedCount++] = track;
            }
            cell.Stamp = generation;
            cell.Score += weight;
            counter.Count(ref cell);
        }
    }
}

/// <summary>What a walk reads and writes of its score buffer, whatever else the cells hold.</summary>
public interface IPlaylistScores
{
    /// <summary>The tracks with a score, in the order they got one.</summary>
    ReadOnlySpan<int> Touched { get; }
    double this[int track] { get; }
    /// <summary>Empties the buffer for the next query.</summary>
    void Clear();
    /// <summary>Adds <paramref name="weight"/> to the score of each distinct track of <paramref name="playlist"/>.</summary>
    void AddPlaylist(ReadOnlySpan<int> playlist, double weight);
}

/// <summary>A cell of a <see cref="ScoreBuffer{TCell}"/>: a track's score and the stamp of the
/// playlist that last added to it.</summary>
public interface IScoreCell
{
    double Score { get; set; }
    int Stamp { get; set; }
}

/// <summary>What a walk counts in a cell besides the score, once per playlist that holds the track.
/// A struct, so that the buffer's walk is compiled for it (and for none, to nothing).</summary>
public interface ICellCounter<TCell> where TCell : struct, IScoreCell
{
    void Count(ref TCell cell);
}
