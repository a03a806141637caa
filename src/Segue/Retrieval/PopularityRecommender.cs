using Segue.Statistics;
using Segue.Structures;

namespace Segue.Retrieval;

/// <summary>
/// The popularity baseline: every playlist gets the tracks in the most training playlists, ties by
/// lower id, whatever its seeds and title. Also, through <see cref="PopularityBackfill"/>, the
/// fallback of every other recommender for what its evidence cannot fill.
/// </summary>
public sealed class PopularityRecommender : IRecommender
{
    public const string BaselineName = "popularity";
    private readonly TrainingStatistics _statistics;

    public PopularityRecommender(TrainingStatistics statistics) => _statistics = statistics;

    public string Name => BaselineName;

    /// <summary>The training statistics it counts from.</summary>
    public TrainingStatistics Statistics => _statistics;

    /// <summary>Every track, most popular first, ties by lower id.</summary>
    public ReadOnlySpan<int> Ranking => _statistics.Ranking;

    public IQueryScorer CreateScorer() => new Scorer(this);

    /// <summary>
    /// Appends tracks in popularity order to <paramref name="results"/> after the first
    /// <paramref name="written"/>, skipping those in <paramref name="taken"/>, until it is full;
    /// returns the new count. Each gets its training count as score.
    /// </summary>
    public int Fill(Span<ScoredTrack> results, int written, TrackMarks taken)
    {
        foreach (int track in _statistics.Ranking)
        {
            if (written == results.Length) break;
            if (taken.Contains(track)) continue;
            results[written++] = new ScoredTrack(track, _statistics.Count(track));
        }
        return written;
    }

    private sealed class Scorer(PopularityRecommender owner) : IQueryScorer
    {
        private readonly TrackMarks _seeds = new(owner._statistics.Dataset.TrackCount);

        public int Recommend(in PlaylistQuery query, bool excludeSeeds, Span<ScoredTrack> results)
        {
            _seeds.Clear();
            if (excludeSeeds)
                foreach (int seed in query.Seeds) _seeds.Add(seed);
            return owner.Fill(results, 0, _seeds);
        }
    }
}
