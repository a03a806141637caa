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
            // A fill that leaves the seeds out reads the seed set: build it once, for the primary too.
            var asked = excludeSeeds && query.SeedSet is null ? query.With(_own ??= new QuerySeeds(popularity.Statistics.Dataset)) : query;
            int written = primary.Recommend(asked, excludeSeeds, results);
            if (written == results.Length) return written;
            return popularity.TopUp(results, written, _listed, excludeSeeds ? asked.SeedSet : null);
        }
    }
}
