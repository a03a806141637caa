using Segue.Structures;

namespace Segue.Retrieval;

/// <summary>
/// Wraps a recommender so that every list is full: what it cannot rank (all of a title-only
/// playlist, which has no seeds for an embedding model or co-occurrence to start from, or the tail
/// of a list when its candidates run out) is filled with the most popular tracks not yet listed.
/// Filled tracks carry their training count as score. The one popularity fill: recommenders return
/// only what they rank.
/// </summary>
public sealed class PopularityBackfill(IRecommender primary, PopularityRecommender popularity, int trackCount) : IRecommender
{
    public string Name => primary.Name;

    public IQueryScorer CreateScorer() => new Scorer(primary.CreateScorer(), popularity, new TrackMarks(trackCount));

    private sealed class Scorer(IQueryScorer primary, PopularityRecommender popularity, TrackMarks taken) : IQueryScorer
    {
        public int Recommend(in PlaylistQuery query, bool excludeSeeds, Span<ScoredTrack> results)
        {
            int written = primary.Recommend(query, excludeSeeds, results);
            if (written == results.Length) return written;
            taken.Clear();
            foreach (var r in results[..written]) taken.Add(r.Track);
            if (excludeSeeds)
                foreach (int seed in query.Seeds) taken.Add(seed);
            return popularity.Fill(results, written, taken);
        }
    }
}
