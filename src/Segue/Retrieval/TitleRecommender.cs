using Segue.Data;
using Segue.Structures;
using Segue.Statistics;

namespace Segue.Retrieval;

/// <summary>
/// The title model, for cold start: a playlist is answered by the indexed playlists that share its
/// title under the MPD's normalisation (<see cref="PlaylistTitle"/>), backed by those sharing a
/// word of it, so "summer party 2017" still finds the "summer" and "party" playlists. A track
/// scores <c>s(T) + TokenWeight * mean over the title's words w of s(w)</c>, where s(X) is the
/// share of the playlists of X holding the track. A title or word held by more than
/// <see cref="MaxPlaylists"/> playlists walks an even, deterministic sample of them. Ranks only the
/// tracks of those playlists; wrap it in <see cref="PopularityBackfill"/> for full lists.
/// <para>The model is static, so s(X) is computed once per title and per word when it is built: a
/// query merges a few precomputed lists instead of walking thousands of playlists (at 1M playlists
/// a popular title's walk cost tens of milliseconds).</para>
/// </summary>
public sealed class TitleRecommender : IRecommender
{
    public const string BaselineName = "title";
    private readonly int _trackCount;
    private readonly Dataset _dataset;
    private readonly Dictionary<string, int> _titleIds = new(StringComparer.Ordinal), _tokenIds = new(StringComparer.Ordinal);
    private readonly Shares _byTitle, _byToken;
    private readonly int[] _titlePlaylists;   // playlists per title id

    public TitleRecommender(TrainingStatistics statistics, TitleSettings? settings = null)
    {
        var dataset = statistics.Dataset;
        var playlists = statistics.Playlists;
        Settings = settings ?? new TitleSettings();
        int maxPlaylists = Settings.MaxPlaylists;
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxPlaylists);
        _trackCount = dataset.TrackCount;
        _dataset = dataset;
        var titleOf = new int[dataset.PlaylistCount];
        var tokensOf = new int[dataset.PlaylistCount][];
        foreach (int p in playlists)
        {
            string title = PlaylistTitle.Normalize(dataset.PlaylistName(p));
            titleOf[p] = Id(_titleIds, title);
            tokensOf[p] = [.. PlaylistTitle.Tokens(title).Select(t => Id(_tokenIds, t))];
        }
        var byTitle = InvertedIndex.Build(_titleIds.Count, playlists, p => titleOf.AsSpan(p, 1));
        _titlePlaylists = [.. Enumerable.Range(0, byTitle.KeyCount).Select(byTitle.Count)];
        _byTitle = Shares.Build(dataset, byTitle, maxPlaylists);
        _byToken = Shares.Build(dataset, InvertedIndex.Build(_tokenIds.Count, playlists, p => tokensOf[p]), maxPlaylists);
    }

    public string Name => BaselineName;
    public TitleSettings Settings { get; }
    public float TokenWeight => Settings.TokenWeight;
    public int MaxPlaylists => Settings.MaxPlaylists;

    public IQueryScorer CreateScorer() => new Scorer(this);

    private static int Id(Dictionary<string, int> ids, string key)
    {
        if (!ids.TryGetValue(key, out int id)) ids.Add(key, id = ids.Count);
        return id;
    }

    internal sealed class Scorer(TitleRecommender owner) : ICandidateScorer
    {
        private readonly float[] _scores = new float[owner._trackCount];
        private readonly float[] _titleShares = new float[owner._trackCount];
        private readonly int[] _touched = new int[owner._trackCount];
        private int _titlePlaylists;
        private QuerySeeds? _own;
        private TopK _top = new(1);
        private int _touchedCount;

        public float ScoreOf(int track) => _scores[track];

        /// <summary>How many training playlists of the last query's exact (normalised) title hold
        /// <paramref name="track"/>, estimated from the title's sample when it has more than
        /// <see cref="MaxPlaylists"/>.</summary>
        public float TitleHolders(int track) => _titleShares[track] * _titlePlaylists;

        public int Recommend(in PlaylistQuery query, bool excludeSeeds, Span<ScoredTrack> results)
        {
            foreach (int track in _touched.AsSpan(0, _touchedCount)) _scores[track] = _titleShares[track] = 0;
            _touchedCount = 0;
            _titlePlaylists = 0;
            if (!string.IsNullOrEmpty(query.Title))
            {
                string normalized = PlaylistTitle.Normalize(query.Title);
                if (owner._titleIds.TryGetValue(normalized, out int id))
                {
                    Accumulate(owner._byTitle, id, 1);
                    _titlePlaylists = owner._titlePlaylists[id];
                    var tracks = owner._byTitle.Tracks(id);
                    var share = owner._byTitle.Values(id);
                    for (int i = 0; i < tracks.Length; i++) _titleShares[tracks[i]] = share[i];
                }
                var tokens = PlaylistTitle.Tokens(normalized);
                foreach (string token in tokens)
                    if (owner._tokenIds.TryGetValue(token, out int t))
                        Accumulate(owner._byToken, t, owner.TokenWeight / tokens.Length);
            }
            if (results.IsEmpty) return 0;
            if (_top.Capacity < results.Length) _top = new TopK(results.Length);
            var seeds = excludeSeeds ? QuerySeeds.Of(query, ref _own, owner._dataset) : null;
            foreach (int track in _touched.AsSpan(0, _touchedCount))
                if (seeds is null || !seeds.Contains(track)) _top.Add(track, _scores[track]);
            return _top.DrainSorted(results);
        }

        // Adds weight times the key's share of playlists holding each track.
        private void Accumulate(Shares shares, int key, float weight)
        {
            if (weight == 0) return;
            var tracks = shares.Tracks(key);
            var share = shares.Values(key);
            for (int i = 0; i < tracks.Length; i++)
            {
                int track = tracks[i];
                if (_scores[track] == 0) _touched[_touchedCount++] = track;
                _scores[track] += weight * share[i];
            }
        }
    }

    /// <summary>For every key (a title or a word), the tracks of its playlists (an even sample of
    /// at most maxPlaylists of them) with the share of those playlists holding each: s(X).</summary>
    private sealed class Shares(int[] start, int[] tracks, float[] values)
    {
        public ReadOnlySpan<int> Tracks(int key) => tracks.AsSpan(start[key], start[key + 1] - start[key]);
        public ReadOnlySpan<float> Values(int key) => values.AsSpan(start[key], start[key + 1] - start[key]);

        public static Shares Build(Dataset dataset, InvertedIndex playlistsByKey, int maxPlaylists)
        {
            var start = new int[playlistsByKey.KeyCount + 1];
            var tracks = new List<int>();
            var values = new List<float>();
            var counts = new int[dataset.TrackCount];
            var seen = new TrackMarks(dataset.TrackCount);
            for (int key = 0; key < playlistsByKey.KeyCount; key++)
            {
                var playlists = new EvenSample(playlistsByKey.Items(key), maxPlaylists);
                int walked = playlists.Count, first = tracks.Count;
                for (int i = 0; i < walked; i++)
                {
                    seen.Clear();
                    foreach (int track in dataset.PlaylistTracks(playlists[i]))
                    {
                        if (!seen.Add(track)) continue;
                        if (counts[track]++ == 0) tracks.Add(track);
                    }
                }
                for (int j = first; j < tracks.Count; j++)
                {
                    values.Add((float)counts[tracks[j]] / walked);
                    counts[tracks[j]] = 0;
                }
                start[key + 1] = tracks.Count;
            }
            return new Shares(start, [.. tracks], [.. values]);
        }
    }
}
