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
    /// <paramref name="written"/>, skipping those in <paramref name="listed"/> and
    /// <paramref name="excluded"/> (either may be null), until it is full; returns the new count.
    /// Each gets its training count as score.
    /// </summary>
    public int Fill(Span<ScoredTrack> results, int written, TrackMarks? listed, QuerySeeds? excluded)
    {
        foreach (int track in _statistics.Ranking)
        {
            if (written == results.Length) break;
            if (listed is not null && listed.Contains(track) || excluded is not null && excluded.Contains(track)) continue;
            results[written++] = new ScoredTrack(track, _statistics.Count(track));
        }
        return written;
    }

    /// <summary>Fills <paramref name="results"/> after its first <paramref name="written"/>, which
    /// <paramref name="scratch"/> marks first, with popular tracks none of them is and no seed in
    /// <paramref name="excluded"/> (null for none) is; returns the new count.</summary>
    public int TopUp(Span<ScoredTrack> results, int written, TrackMarks scratch, QuerySeeds? excluded)
    {
        scratch.Clear();
        foreach (var r in results[..written]) scratch.Add(r.Track);
        return Fill(results, written, scratch, excluded);
    }

    private sealed class Scorer(PopularityRecommender owner) : IQueryScorer
    {
        private QuerySeeds? _own;

        public int Recommend(in PlaylistQuery query, bool excludeSeeds, Span<ScoredTrack> results) =>
            owner.Fill(results, 0, listed: null, excludeSeeds ? QuerySeeds.Of(query, ref _own, owner._statistics.Dataset) : null);
    }
}
