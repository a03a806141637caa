namespace Segue.Retrieval;

/// <summary>
/// The popularity baseline: every playlist gets the tracks in the most training playlists, ties by
/// lower id, whatever its seeds and title. Also, through <see cref="PopularityBackfill"/>, the
/// fallback of every other recommender for what its evidence cannot fill.
/// </summary>
public sealed class PopularityRecommender : IRecommender
{
    public const string BaselineName = "popularity";
    private readonly TrackPlaylistIndex _index;
    private readonly int[] _ranking;

    public PopularityRecommender(TrackPlaylistIndex index)
    {
        _index = index;
        // One sort key per track, most popular first and equal counts by lower id: the negated
        // count in the high half, the id in the low half.
        var keys = new long[index.TrackCount];
        for (int t = 0; t < keys.Length; t++)
            keys[t] = ((long)-index.Count(t) << 32) | (uint)t;
        Array.Sort(keys);
        _ranking = new int[keys.Length];
        for (int i = 0; i < keys.Length; i++)
            _ranking[i] = (int)keys[i];
    }

    public string Name => BaselineName;

    /// <summary>The training index it counts from, for other recommenders to share.</summary>
    public TrackPlaylistIndex Index => _index;

    /// <summary>Every track, most popular first, ties by lower id.</summary>
    public ReadOnlySpan<int> Ranking => _ranking;

    public IQueryScorer CreateScorer() => new Scorer(this);

    /// <summary>
    /// Appends tracks in popularity order to <paramref name="results"/> after the first
    /// <paramref name="written"/>, skipping those in <paramref name="taken"/>, until it is full;
    /// returns the new count. Each gets its training count as score.
    /// </summary>
    public int Fill(Span<ScoredTrack> results, int written, TrackMarks taken)
    {
        foreach (int track in _ranking)
        {
            if (written == results.Length) break;
            if (taken.Contains(track)) continue;
            results[written++] = new ScoredTrack(track, _index.Count(track));
        }
        return written;
    }

    private sealed class Scorer(PopularityRecommender owner) : IQueryScorer
    {
        private readonly TrackMarks _seeds = new(owner._ranking.Length);

        public int Recommend(in PlaylistQuery query, bool excludeSeeds, Span<ScoredTrack> results)
        {
            _seeds.Clear();
            if (excludeSeeds)
                foreach (int seed in query.Seeds) _seeds.Add(seed);
            return owner.Fill(results, 0, _seeds);
        }
    }
}
