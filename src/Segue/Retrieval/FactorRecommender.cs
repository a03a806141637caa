using Segue.Data;
using Segue.Factorisation;
using Segue.Statistics;
using Segue.Structures;

namespace Segue.Retrieval;

/// <summary>
/// Implicit-feedback matrix factorisation as a recommender (baseline <c>als</c>): the playlist is
/// folded into the track factors (<see cref="TrackFactors.FoldIn"/>) and every track a training
/// playlist holds is scored by its dot product with the playlist's factors, all at once from a
/// <see cref="PackedTable"/> copy of the factors (at MPD scale that is millions of dot products per
/// query). A title-only playlist gets nothing; wrap it in <see cref="PopularityBackfill"/> for full lists.
/// </summary>
public sealed class FactorRecommender : IRecommender
{
    public const string BaselineName = "als";
    private readonly int[] _scored;
    private readonly PackedTable _packed;
    private readonly Dataset _dataset;

    public FactorRecommender(TrackFactors factors, TrainingStatistics statistics)
    {
        var index = statistics.Index;
        Factors = factors;
        _dataset = statistics.Dataset;
        _scored = [.. Enumerable.Range(0, index.TrackCount).Where(t => index.Count(t) > 0)];
        _packed = new PackedTable(factors.Values, factors.TrackCount, factors.K);
    }

    public string Name => BaselineName;
    public TrackFactors Factors { get; }

    public IQueryScorer CreateScorer() => new Scorer(this);

    private sealed class Scorer(FactorRecommender owner) : IQueryScorer
    {
        private readonly TrackFactors _factors = owner.Factors;
        private readonly float[] _x = new float[owner.Factors.K];
        private readonly double[] _matrix = new double[owner.Factors.K * owner.Factors.K], _vector = new double[owner.Factors.K];
        private QuerySeeds? _own;
        private readonly float[] _scores = new float[owner._packed.ScoresLengthFor(1)];
        private TopK _top = new(500);

        public int Recommend(in PlaylistQuery query, bool excludeSeeds, Span<ScoredTrack> results)
        {
            if (query.Seeds.IsEmpty || results.IsEmpty) return 0;
            var seeds = QuerySeeds.Of(query, ref _own, owner._dataset);
            _factors.FoldIn(seeds.Distinct, _x, _matrix, _vector);
            owner._packed.ScoreRows(_x, _x.Length, 0, 1, _scores);
            if (_top.Capacity < results.Length) _top = new TopK(results.Length);
            _top.Clear();
            foreach (int track in owner._scored)
            {
                if (excludeSeeds && seeds.Contains(track)) continue;
                if (_scores[track] > _top.Threshold) _top.Add(track, _scores[track]);
            }
            return _top.DrainSorted(results);
        }
    }
}
