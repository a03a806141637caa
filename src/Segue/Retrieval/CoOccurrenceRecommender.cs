using Segue.Data;
using Segue.Statistics;
using Segue.Structures;

namespace Segue.Retrieval;

/// <summary>
/// Item co-occurrence with popularity damping (item kNN, as vl6's item-item): a candidate c scores
/// <c>sum over the distinct seeds s of co(s, c) / (pop(s)^a pop(c)^b)</c>, where co counts the
/// indexed playlists holding both and pop the playlists holding one. a = b = 0 is raw counts,
/// a = b = 0.5 the cosine of the tracks' playlist sets, a = 1, b = 0 the share of the seed's
/// playlists. A query walks each seed's playlists through <see cref="TrackPlaylistIndex"/>,
/// accumulating into a dense per-thread buffer and a list of the tracks it touched, so its cost is
/// the total length of those playlists, not the catalogue's size. A seed in more than
/// <see cref="MaxPlaylistsPerSeed"/> playlists walks an even, deterministic sample of that many and
/// scales its counts up by the sampling ratio, bounding the cost of very popular seeds.
/// It ranks only the tracks that co-occur with a seed (none for a title-only playlist); wrap it in
/// <see cref="PopularityBackfill"/> for full lists.
/// </summary>
public sealed class CoOccurrenceRecommender : IRecommender
{
    public const string BaselineName = "cooccurrence";
    private readonly Dataset _dataset;
    private readonly TrackPlaylistIndex _index;
    // pop(c)^b per track, computed once: a query divides hundreds of thousands of candidates at MPD
    // scale, and a Math.Pow for each cost more than the walk's additions.
    private readonly double[]? _candidateDivisor;

    public CoOccurrenceRecommender(TrainingStatistics statistics, CoOccurrenceSettings? settings = null)
    {
        _dataset = statistics.Dataset;
        _index = statistics.Index;
        Settings = settings ?? new CoOccurrenceSettings();
        if (CandidateExponent != 0)
        {
            _candidateDivisor = new double[_index.TrackCount];
            for (int track = 0; track < _candidateDivisor.Length; track++)
                _candidateDivisor[track] = Math.Pow(_index.Count(track), CandidateExponent);
        }
    }

    public string Name => BaselineName;
    public CoOccurrenceSettings Settings { get; }
    /// <summary>a: the exponent of the seed's popularity.</summary>
    public float SeedExponent => Settings.SeedExponent;
    /// <summary>b: the exponent of the candidate's popularity.</summary>
    public float CandidateExponent => Settings.CandidateExponent;
    public int MaxPlaylistsPerSeed => Settings.MaxPlaylistsPerSeed;

    public IQueryScorer CreateScorer() => new Scorer(this, seedStatistics: false);

    /// <summary>A scorer that also keeps, per track, what the ranker's co-occurrence features read
    /// (<see cref="Scorer.CoOccurrence"/>), from the same walk.</summary>
    internal Scorer CreateFeatureScorer() => new(this, seedStatistics: true);

    internal sealed class Scorer : ICandidateScorer
    {
        private readonly CoOccurrenceRecommender _owner;
        // Sums in double: a popular seed adds thousands of small weights, and float sums would
        // order near-equal candidates by rounding. A feature scorer's buffer is its per-seed
        // tallies, whose scores are added alike.
        private readonly IPlaylistScores _scores;
        private readonly SeedCoOccurrence? _tallies;
        private QuerySeeds? _own;
        private TopK _top = new(1);

        public Scorer(CoOccurrenceRecommender owner, bool seedStatistics)
        {
            _owner = owner;
            _tallies = seedStatistics ? new SeedCoOccurrence(owner._index.TrackCount) : null;
            _scores = _tallies ?? (IPlaylistScores)new TrackScores(owner._index.TrackCount);
        }

        public float ScoreOf(int track) => (float)_scores[track];

        /// <summary>The last query's co-occurrence of each track with each seed (a feature scorer's only).</summary>
        public SeedCoOccurrence CoOccurrence => _tallies!;

        public int Recommend(in PlaylistQuery query, bool excludeSeeds, Span<ScoredTrack> results)
        {
            var seeds = QuerySeeds.Of(query, ref _own, _owner._dataset);
            _scores.Clear();
            foreach (int seed in seeds.Distinct) Accumulate(seed);

            if (_owner._candidateDivisor is { } divisor)
                foreach (int track in _scores.Touched)
                    _scores.Divide(track, divisor[track]);
            if (results.IsEmpty) return 0;
            if (_top.Capacity < results.Length) _top = new TopK(results.Length);
            foreach (int track in _scores.Touched)
            {
                if (excludeSeeds && seeds.Contains(track)) continue;
                _top.Add(track, ScoreOf(track));
            }
            return _top.DrainSorted(results);
        }

        // Adds the seed's weighted co-occurrence counts to the scores.
        private void Accumulate(int seed)
        {
            var playlists = new EvenSample(_owner._index.Playlists(seed), _owner.MaxPlaylistsPerSeed);
            if (playlists.Count == 0) return;
            double weight = Math.Pow(playlists.Total, -_owner.SeedExponent) * ((double)playlists.Total / playlists.Count);
            _tallies?.BeginSeed(playlists.Total, playlists.Count);
            var dataset = _owner._dataset;
            for (int i = 0; i < playlists.Count; i++) _scores.AddPlaylist(dataset.PlaylistTracks(playlists[i]), weight);
        }
    }
}
