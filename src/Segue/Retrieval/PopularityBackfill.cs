using Segue.Structures;

namespace Segue.Retrieval;

/// <summary>
/// Wraps a recommender so that every list is full: what it cannot rank (all of a title-only
/// playlist, which has no seeds for an embedding model or co-occurrence to start from, or the tail
/// of a list when its candidates run out) is filled with the most popular tracks not yet listed.
/// Filled tracks carry their training count as score. The one popularity fill: recommenders return
/// only what they rank.
/// </summary>
public sealed class PopularityBackfill(IRecommender primary, PopularityRecommender popularity) : IRecommender
{
    public string Name => primary.Name;

    public IQueryScorer CreateScorer() => new Scorer(primary.CreateScorer(), popularity);

    private sealed class Scorer(IQueryScorer primary, PopularityRecommender popularity) : IQueryScorer
    {
        private readonly TrackMarks _listed = new(popularity.Statistics.Dataset.TrackCount);
        private QuerySeeds? _own;

        public int Recommend(in PlaylistQuery query, bool excludeSeeds, Span<ScoredTrack> results)
        {
            int written = primary.Recommend(query, excludeSeeds, results);
            if (written == results.Length) return written;
            return popularity.TopUp(results, written, _listed, excludeSeeds ? QuerySeeds.Of(query, ref _own, popularity.Statistics.Dataset) : null);
        }
    }
}
