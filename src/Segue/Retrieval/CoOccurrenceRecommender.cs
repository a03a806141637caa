using Segue.Data;

namespace Segue.Retrieval;

/// <summary>
/// The item-to-item co-occurrence baseline (item kNN): a candidate's score is the sum over the
/// distinct seeds of its co-occurrence count with the seed in training playlists, normalised as
/// <see cref="CoOccurrenceNormalization"/> says. A query walks each seed's training playlists
/// through <see cref="TrackPlaylistIndex"/>, accumulating into a dense per-thread score buffer and
/// a list of the tracks it touched (to select from and to reset), so its cost is the total length
/// of those playlists, not the catalogue's size. A seed in more than
/// <see cref="MaxPlaylistsPerSeed"/> playlists walks an even, deterministic sample of that many and
/// scales its counts up by the sampling ratio, bounding the cost of very popular seeds.
/// Where the seeds have too few neighbours (or there are none: title-only playlists, since a title
/// model is future work) the list is filled by popularity, with score 0.
/// </summary>
public sealed class CoOccurrenceRecommender : IRecommender
{
    public const string BaselineName = "cooccurrence";
    public const int DefaultMaxPlaylistsPerSeed = 5000;
    private readonly Dataset _dataset;
    private readonly TrackPlaylistIndex _index;
    private readonly PopularityRecommender _popularity;

    public CoOccurrenceRecommender(Dataset dataset, TrackPlaylistIndex index, PopularityRecommender popularity,
        CoOccurrenceNormalization normalization = CoOccurrenceNormalization.Cosine,
        int maxPlaylistsPerSeed = DefaultMaxPlaylistsPerSeed)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxPlaylistsPerSeed);
        _dataset = dataset;
        _index = index;
        _popularity = popularity;
        Normalization = normalization;
        MaxPlaylistsPerSeed = maxPlaylistsPerSeed;
    }

    public string Name => BaselineName;
    public CoOccurrenceNormalization Normalization { get; }
    public int MaxPlaylistsPerSeed { get; }

    public IQueryScorer CreateScorer() => new Scorer(this);

    private sealed class Scorer(CoOccurrenceRecommender owner) : IQueryScorer
    {
        private readonly float[] _scores = new float[owner._index.TrackCount];
        private readonly int[] _touched = new int[owner._index.TrackCount];
        private readonly TrackMarks _seeds = new(owner._index.TrackCount);
        private readonly TrackMarks _seen = new(owner._index.TrackCount);
        private TopK _top = new(1);

        public int Recommend(ReadOnlySpan<int> seeds, string? title, bool excludeSeeds, Span<ScoredTrack> results)
        {
            if (results.IsEmpty) return 0;
            if (_top.Capacity < results.Length) _top = new TopK(results.Length);
            int touched = 0;
            _seeds.Clear();
            foreach (int seed in seeds)
                if (_seeds.Add(seed)) touched = Accumulate(seed, touched);

            var index = owner._index;
            bool cosine = owner.Normalization == CoOccurrenceNormalization.Cosine;
            foreach (int track in _touched.AsSpan(0, touched))
            {
                float score = _scores[track];
                _scores[track] = 0;
                if (excludeSeeds && _seeds.Contains(track)) continue;
                _top.Add(track, cosine ? score / MathF.Sqrt(index.Count(track)) : score);
            }
            int written = _top.DrainSorted(results);
            if (written == results.Length) return written;

            // The popularity fill skips what is already listed and, if asked, the seeds.
            _seen.Clear();
            foreach (var r in results[..written]) _seen.Add(r.Track);
            if (excludeSeeds)
                foreach (int seed in seeds) _seen.Add(seed);
            return owner._popularity.Fill(results, written, _seen, zeroScores: true);
        }

        // Adds the seed's weighted co-occurrence counts to the score buffer; returns the new number
        // of touched tracks.
        private int Accumulate(int seed, int touched)
        {
            var playlists = owner._index.Playlists(seed);
            if (playlists.IsEmpty) return touched;
            int walked = Math.Min(playlists.Length, owner.MaxPlaylistsPerSeed);
            float weight = owner.Normalization switch
            {
                CoOccurrenceNormalization.Cosine => 1 / MathF.Sqrt(playlists.Length),
                CoOccurrenceNormalization.Seed => 1f / playlists.Length,
                _ => 1,
            } * ((float)playlists.Length / walked);
            var dataset = owner._dataset;
            for (int i = 0; i < walked; i++)
            {
                int playlist = playlists[(int)((long)i * playlists.Length / walked)];
                _seen.Clear();
                foreach (int track in dataset.PlaylistTracks(playlist))
                {
                    if (!_seen.Add(track)) continue;
                    if (_scores[track] == 0) _touched[touched++] = track;
                    _scores[track] += weight;
                }
            }
            return touched;
        }
    }
}
