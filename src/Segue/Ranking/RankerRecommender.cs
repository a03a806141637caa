using Segue.Retrieval;
using Segue.Structures;

namespace Segue.Ranking;

/// <summary>
/// Segue's own recommender: the candidate pool of every generator, re-ranked by the LambdaRank
/// model, topped up by popularity when the pool is shorter than the list. Immutable and shared by
/// all threads; each scorer owns its pool and its scratch. Open a fitted
/// one with <see cref="RankerFolder.Open"/>.
/// </summary>
public sealed class RankerRecommender(CandidateSources sources, LambdaRankModel model, int depth) : IRecommender
{
    public const string RecommenderName = "ranker";

    public string Name => RecommenderName;
    public CandidateSources Sources => sources;
    public LambdaRankModel Model => model;
    public int Depth => depth;

    public IQueryScorer CreateScorer() => new Scorer(this);

    private sealed class Scorer : IQueryScorer
    {
        private readonly RankerRecommender _owner;
        private readonly CandidatePool _pool;
        private readonly TrackMarks _listed;
        private TopK _top = new(1);

        public Scorer(RankerRecommender owner)
        {
            _owner = owner;
            _pool = new CandidatePool(owner.Sources, owner.Depth);
            _listed = new TrackMarks(owner.Sources.Dataset.TrackCount);
        }

        public int Recommend(in PlaylistQuery query, bool excludeSeeds, Span<ScoredTrack> results)
        {
            if (results.IsEmpty) return 0;
            if (_top.Capacity < results.Length) _top = new TopK(results.Length);
            int n = _pool.Build(query);
            var tracks = _pool.Tracks;
            var features = _pool.Features;
            for (int i = 0; i < n; i++)
                _top.Add(tracks[i], _owner.Model.Trees.Score(features.Slice(i * RankingFeatures.Count, RankingFeatures.Count)));
            int written = _top.DrainSorted(results);
            if (written == results.Length) return written;
            // The pool never holds a seed; the fill must not bring one in either.
            _listed.Clear();
            foreach (var r in results[..written]) _listed.Add(r.Track);
            return _owner.Sources.Popularity.Fill(results, written, _listed, _pool.SeedSet);
        }
    }
}
