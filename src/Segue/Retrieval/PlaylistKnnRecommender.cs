using Segue.Data;
using Segue.Statistics;
using Segue.Structures;

namespace Segue.Retrieval;

/// <summary>
/// Playlist kNN as the RecSys Challenge 2018 "Definitive Turtles" (Kelen et al., "Efficient K-NN
/// for Playlist Continuation"): the query is a binary row over its distinct seeds, each weighted
/// <c>w(s) = 1 / ((pop(s) - 1)^rho + 1)</c>; an indexed playlist p's similarity is the cosine
/// <c>sum of w(s) over the seeds p holds / sqrt(|p|)</c> (|p| its distinct tracks; the query's own
/// norm changes no ranking); the top <see cref="K"/> playlists are the neighbours, each weighing
/// <c>((sim - sim_min) / sim_max)^alpha</c> over them (sim_min = 0 when fewer than K share a seed);
/// a candidate scores the summed weights of the neighbours holding it. Computed at query time from
/// the seeds' posting lists, so nothing grows with the square of the data. A seed in more than
/// <see cref="MaxPlaylistsPerSeed"/> playlists looks for neighbours among an even, deterministic
/// sample of that many (its weight w(s) still counts them all; 0: no bound), the sample
/// co-occurrence walks when the two bounds are equal: at MPD scale a popular seed is in 45,000
/// playlists. Ranks only the tracks of the neighbours; wrap it in <see cref="PopularityBackfill"/>
/// for full lists.
/// </summary>
public sealed class PlaylistKnnRecommender : IRecommender
{
    public const string BaselineName = "pknn";
    private readonly Dataset _dataset;
    private readonly TrackPlaylistIndex _index;

    public PlaylistKnnRecommender(TrainingStatistics statistics, PlaylistKnnSettings? settings = null)
    {
        _dataset = statistics.Dataset;
        _index = statistics.Index;
        Settings = settings ?? new PlaylistKnnSettings();
    }

    public string Name => BaselineName;
    public PlaylistKnnSettings Settings { get; }
    public int K => Settings.K;
    public float Rho => Settings.Rho;
    public float Alpha => Settings.Alpha;
    /// <summary>A seed in more playlists looks for neighbours among an even sample of this many (0: all).</summary>
    public int MaxPlaylistsPerSeed => Settings.MaxPlaylistsPerSeed;

    public IQueryScorer CreateScorer() => new Scorer(this);

    /// <summary>One thread's neighbours of a query: the top <see cref="K"/> playlists by similarity
    /// and the weight of each, handed out once per playlist (<see cref="Take"/>), so that a walk
    /// that meets a neighbour more than once (co-occurrence walks a playlist once per seed it
    /// holds) adds its weight once.</summary>
    internal sealed class Neighbours(PlaylistKnnRecommender owner)
    {
        private readonly double[] _similarity = new double[owner._dataset.PlaylistCount];
        private readonly double[] _weight = new double[owner._dataset.PlaylistCount];   // until taken
        private readonly int[] _playlists = new int[owner._dataset.PlaylistCount];
        private readonly TopK _top = new(owner.K);
        private readonly ScoredTrack[] _selected = new ScoredTrack[owner.K];
        private int _count;

        /// <summary>The neighbours of the last <see cref="Find"/>, most similar first (Track is the playlist).</summary>
        public ReadOnlySpan<ScoredTrack> Selected => _selected.AsSpan(0, _count);

        /// <summary>Finds the neighbours of <paramref name="seeds"/>; their weights wait to be taken.</summary>
        public void Find(QuerySeeds seeds)
        {
            foreach (var neighbour in Selected) _weight[neighbour.Track] = 0;
            var index = owner._index;
            int playlists = 0;
            int sampled = owner.MaxPlaylistsPerSeed == 0 ? int.MaxValue : owner.MaxPlaylistsPerSeed;
            foreach (int seed in seeds.Distinct)
            {
                var postings = new EvenSample(index.Playlists(seed), sampled);
                double w = 1 / (Math.Pow(Math.Max(postings.Total, 1) - 1, owner.Rho) + 1);
                for (int i = 0; i < postings.Count; i++)
                {
                    int p = postings[i];
                    if (_similarity[p] == 0) _playlists[playlists++] = p;
                    _similarity[p] += w;
                }
            }
            // Neighbours by (similarity desc, id asc); the ranking is exact in double, the heap
            // compares the float images, so a near tie at the K-th place may go either way.
            foreach (int p in _playlists.AsSpan(0, playlists))
                _top.Add(p, (float)Similarity(p));
            _count = _top.DrainSorted(_selected);
            if (_count > 0)
            {
                double max = Similarity(_selected[0].Track), min = _count == owner.K ? Similarity(_selected[_count - 1].Track) : 0;
                foreach (var neighbour in Selected)
                    _weight[neighbour.Track] = Math.Pow((Similarity(neighbour.Track) - min) / max, owner.Alpha);
            }
            foreach (int p in _playlists.AsSpan(0, playlists)) _similarity[p] = 0;
        }

        /// <summary>The weight of <paramref name="playlist"/> the first time it is asked for, 0 after
        /// and for a playlist that is no neighbour.</summary>
        public double Take(int playlist)
        {
            double w = _weight[playlist];
            _weight[playlist] = 0;
            return w;
        }

        private double Similarity(int playlist) => _similarity[playlist] / Math.Sqrt(owner._index.DistinctTracks(playlist));
    }

    private sealed class Scorer(PlaylistKnnRecommender owner) : ICandidateScorer
    {
        private readonly Neighbours _neighbours = new(owner);
        private readonly TrackScores _scores = new(owner._index.TrackCount);
        private QuerySeeds? _own;
        private TopK _top = new(1);

        public float ScoreOf(int track) => (float)_scores[track];

        public int Recommend(in PlaylistQuery query, bool excludeSeeds, Span<ScoredTrack> results)
        {
            _scores.Clear();
            var seeds = QuerySeeds.Of(query, ref _own, owner._dataset);
            _neighbours.Find(seeds);
            var dataset = owner._dataset;
            foreach (var neighbour in _neighbours.Selected)
            {
                double weight = _neighbours.Take(neighbour.Track);
                if (weight > 0) _scores.AddPlaylist(dataset.PlaylistTracks(neighbour.Track), weight);
            }
            if (results.IsEmpty) return 0;
            if (_top.Capacity < results.Length) _top = new TopK(results.Length);
            foreach (int track in _scores.Touched)
            {
                if (excludeSeeds && seeds.Contains(track)) continue;
                _top.Add(track, (float)_scores[track]);
            }
            return _top.DrainSorted(results);
        }
    }
}
