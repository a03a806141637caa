namespace Segue.Structures;

/// <summary>
/// One thread's set of a query's distinct seeds, in playlist order, with a membership test: what
/// a fold-in, a seed sample or an exclusion needs when a playlist repeats a track. Reused across
/// queries; it allocates only to grow.
/// </summary>
public sealed class DistinctSeeds(int trackCount)
{
    private readonly TrackMarks _marks = new(trackCount);
    private int[] _seeds = new int[64];
    private int _count;

    /// <summary>The distinct seeds of the last <see cref="Collect"/>, in first-appearance order.</summary>
    public ReadOnlySpan<int> Seeds => _seeds.AsSpan(0, _count);

    /// <summary>Replaces the set by the distinct tracks of <paramref name="seeds"/>; returns them.</summary>
    public ReadOnlySpan<int> Collect(ReadOnlySpan<int> seeds)
    {
        _marks.Clear();
        _count = 0;
        foreach (int s in seeds)
        {
            if (!_marks.Add(s)) continue;
            if (_count == _seeds.Length) Array.Resize(ref _seeds, 2 * _count);
            _seeds[_count++] = s;
        }
        return Seeds;
    }

    public bool Contains(int track) => _marks.Contains(track);
}
