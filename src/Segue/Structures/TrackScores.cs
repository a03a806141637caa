namespace Segue.Structures;

/// <summary>
/// A generator's per-query score buffer (<see cref="ScoreBuffer{TCell}"/>) whose cells hold the
/// score alone. Per-thread scratch; allocation-free after construction.
/// </summary>
public sealed class TrackScores(int trackCount) : ScoreBuffer<TrackScores.ScoreCell>(trackCount)
{
    /// <summary>A track's score and its stamp, 16 bytes.</summary>
    public struct ScoreCell : IScoreCell
    {
        public double Score { get; set; }
        public int Stamp { get; set; }
    }

    private struct NoCount : ICellCounter<ScoreCell>
    {
        public readonly void Count(ref ScoreCell cell) { }
    }

    /// <summary>Adds <paramref name="weight"/> to each distinct track of <paramref name="playlist"/>.</summary>
    public override void AddPlaylist(ReadOnlySpan<int> playlist, double weight)
    {
        var none = new NoCount();
        AddPlaylist(playlist, weight, ref none);
    }
}
