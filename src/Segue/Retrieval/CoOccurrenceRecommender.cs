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
            // A track in no playlist scores 0 whatever it is divided by; every divisor is at least 1.
            _candidateDivisor = new double[_index.TrackCount];
            for (int track = 0; track < _candidateDivisor.Length; track++)
                _candidateDivisor[track] = Math.Pow(Math.Max(1, _index.Count(track)), CandidateExponent);
        }
    }

    public string Name => BaselineName;
    public CoOccurrenceSettings Settings { get; }
    /// <summary>a: the exponent of the seed's popularity.</summary>
    public float SeedExponent => Settings.SeedExponent;
    /// <summary>b: the exponent of the candidate's popularity.</summary>
    public float CandidateExponent => Settings.CandidateExponent;
    public int MaxPlaylistsPerSeed => Settings.MaxPlaylistsPerSeed;

    public IQueryScorer CreateScorer() => new Scorer(this, neighbours: null);

    /// <summary>A scorer that also keeps, per track, what the ranker's co-occurrence features read
    /// (<see cref="Scorer.CoOccurrence"/>), and that scores playlist kNN in the same walk
    /// (<see cref="Scorer.PlaylistKnn"/>), which reads the same playlists, those holding a seed.</summary>
    internal Scorer CreateFeatureScorer(PlaylistKnnRecommender playlistKnn) => new(this, new PlaylistKnnRecommender.Neighbours(playlistKnn));

    internal sealed class Scorer : ICandidateScorer
    {
        private readonly CoOccurrenceRecommender _owner;
        // Sums in double: a popular seed adds thousands of small weights, and float sums would
        // order near-equal candidates by rounding. A feature scorer's buffer is its per-seed
        // tallies, whose scores are added alike.
        private readonly IPlaylistScores _scores;
        private readonly SeedCoOccurrence? _tallies;
        private readonly PlaylistKnnRecommender.Neighbours? _neighbours;
        private readonly NeighbourList? _neighbourList;
        private QuerySeeds? _own;
        private TopK _top = new(1), _neighbourTop = new(1);

        // With neighbours: a feature scorer.
        public Scorer(CoOccurrenceRecommender owner, PlaylistKnnRecommender.Neighbours? neighbours)
        {
            _owner = owner;
            _neighbours = neighbours;
            if (neighbours is not null)
            {
                _tallies = new SeedCoOccurrence(owner._index.TrackCount);
                _neighbourList = new NeighbourList(this);
            }
            _scores = _tallies ?? (IPlaylistScores)new TrackScores(owner._index.TrackCount);
        }

        public float ScoreOf(int track) => (float)Score(track);

        /// <summary>The last query's co-occurrence of each track with each seed (a feature scorer's only).</summary>
        public SeedCoOccurrence CoOccurrence => _tallies!;

        /// <summary>Playlist kNN's scores and list for the query this scorer walked last, from the same
        /// walk: equal to its own scorer's, but for the order its sums are added in (a feature scorer's
        /// only). Read it after each <see cref="Recommend"/>.</summary>
        public ICandidateScorer PlaylistKnn => _neighbourList!;

        public int Recommend(in PlaylistQuery query, bool excludeSeeds, Span<ScoredTrack> results)
        {
            var seeds = QuerySeeds.Of(query, ref _own, _owner._dataset);
            _scores.Clear();
            _neighbours?.Find(seeds);
            foreach (int seed in seeds.Distinct) Accumulate(seed);
            if (_neighbourList is null) return List(seeds, excludeSeeds, results, []).CoOccurrence;
            AddUnwalkedNeighbours();
            // The neighbours' list comes from the same pass, as long as the one asked for.
            var listed = _neighbourList.Prepare(results.Length, excludeSeeds);
            var (n, neighbours) = List(seeds, excludeSeeds, results, listed);
            _neighbourList.Listed(neighbours);
            return n;
        }

        private double Score(int track) => Divided(track, _scores[track]);

        private double Divided(int track, double raw) => _owner._candidateDivisor is { } divisor ? raw / divisor[track] : raw;

        // Adds the seed's weighted co-occurrence counts to the scores.
        private void Accumulate(int seed)
        {
            var playlists = new EvenSample(_owner._index.Playlists(seed), _owner.MaxPlaylistsPerSeed);
            if (playlists.Count == 0) return;
            double weight = Math.Pow(playlists.Total, -_owner.SeedExponent) * ((double)playlists.Total / playlists.Count);
            _tallies?.BeginSeed(playlists.Total, playlists.Count);
            var dataset = _owner._dataset;
            for (int i = 0; i < playlists.Count; i++)
            {
                int p = playlists[i];
                if (_tallies is null) _scores.AddPlaylist(dataset.PlaylistTracks(p), weight);
                else _tallies.AddPlaylist(dataset.PlaylistTracks(p), weight, _neighbours!.Take(p));
            }
        }

        // The neighbours a seed's even sample skipped, in the order playlist kNN walks them.
        private void AddUnwalkedNeighbours()
        {
            var dataset = _owner._dataset;
            foreach (var neighbour in _neighbours!.Selected)
            {
                double weight = _neighbours.Take(neighbour.Track);
                if (weight > 0) _tallies!.AddNeighbour(dataset.PlaylistTracks(neighbour.Track), weight);
            }
        }

        // The best tracks by co-occurrence and by the neighbours, in one pass over the walk's tracks
        // (either list may be empty); a track only the other walk met scores 0 and is not listed.
        private (int CoOccurrence, int Neighbours) List(QuerySeeds seeds, bool excludeSeeds, Span<ScoredTrack> coOccurrence, Span<ScoredTrack> neighbours)
        {
            bool byCoOccurrence = !coOccurrence.IsEmpty, byNeighbours = !neighbours.IsEmpty;
            if (_top.Capacity < coOccurrence.Length) _top = new TopK(coOccurrence.Length);
            if (_neighbourTop.Capacity < neighbours.Length) _neighbourTop = new TopK(neighbours.Length);
            foreach (int track in _scores.Touched)
            {
                // Every divisor is at least 1, so a track whose raw score is below the list's
                // threshold stays below it: its divisor, a scattered read, is not needed.
                double raw = _scores[track];
                if (byCoOccurrence && (float)raw >= _top.Threshold) Offer(_top, track, Divided(track, raw), seeds, excludeSeeds);
                if (byNeighbours) Offer(_neighbourTop, track, _tallies!.NeighbourScore(track), seeds, excludeSeeds);
            }
            return (byCoOccurrence ? _top.DrainSorted(coOccurrence) : 0, byNeighbours ? _neighbourTop.DrainSorted(neighbours) : 0);
        }

        // The seed test comes last: a scattered read that the tracks below the list's threshold, most of them, never need.
        private static void Offer(TopK top, int track, double score, QuerySeeds seeds, bool excludeSeeds)
        {
            float image = (float)score;
            if (score > 0 && image >= top.Threshold && !(excludeSeeds && seeds.Contains(track))) top.Add(track, image);
        }

        private sealed class NeighbourList(Scorer walk) : ICandidateScorer
        {
            private ScoredTrack[] _listed = [];
            private int _count;
            private bool _excludingSeeds;

            public float ScoreOf(int track) => (float)walk._tallies!.NeighbourScore(track);

            public int Recommend(in PlaylistQuery query, bool excludeSeeds, Span<ScoredTrack> results)
            {
                // The walk's list is exact, so its first n are the best n.
                if (results.Length <= _listed.Length && excludeSeeds == _excludingSeeds)
                {
                    int n = Math.Min(_count, results.Length);
                    _listed.AsSpan(0, n).CopyTo(results);
                    return n;
                }
                return walk.List(QuerySeeds.Of(query, ref walk._own, walk._owner._dataset), excludeSeeds, [], results).Neighbours;
            }

            // Where the walk lists the neighbours' best, as long as its own list.
            public Span<ScoredTrack> Prepare(int length, bool excludeSeeds)
            {
                if (_listed.Length != length) _listed = new ScoredTrack[length];
                _excludingSeeds = excludeSeeds;
                return _listed;
            }

            public void Listed(int count) => _count = count;
        }
    }
}
