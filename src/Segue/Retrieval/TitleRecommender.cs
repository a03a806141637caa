using System.Numerics;
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
        // The query's lists (its title's, then its words'), each sorted by track, merged one after
        // another into a list sorted by track: a query reads its lists in order instead of adding
        // into a catalogue-wide array at scattered places, and a track's score is found by bisection.
        private Merged _merged = new(owner._dataset.TrackCount), _spare = new(owner._dataset.TrackCount);
        private int _titlePlaylists;
        private QuerySeeds? _own;
        private TopK _top = new(1);

        public float ScoreOf(int track)
        {
            int i = _merged.Find(track);
            return i >= 0 ? _merged.Scores[i] : 0;
        }

        /// <summary>How many training playlists of the last query's exact (normalised) title hold
        /// <paramref name="track"/>, estimated from the title's sample when it has more than
        /// <see cref="MaxPlaylists"/>.</summary>
        public float TitleHolders(int track)
        {
            int i = _merged.Find(track);
            return i >= 0 ? _merged.TitleShares[i] * _titlePlaylists : 0;
        }

        public int Recommend(in PlaylistQuery query, bool excludeSeeds, Span<ScoredTrack> results)
        {
            _merged.Clear();
            _titlePlaylists = 0;
            if (!string.IsNullOrEmpty(query.Title))
            {
                string normalized = PlaylistTitle.Normalize(query.Title);
                if (owner._titleIds.TryGetValue(normalized, out int id))
                {
                    Add(owner._byTitle, id, 1, title: true);
                    _titlePlaylists = owner._titlePlaylists[id];
                }
                var tokens = PlaylistTitle.Tokens(normalized);
                float tokenWeight = owner.TokenWeight / tokens.Length;
                foreach (string token in tokens)
                    if (tokenWeight != 0 && owner._tokenIds.TryGetValue(token, out int t))
                        Add(owner._byToken, t, tokenWeight, title: false);
            }
            if (results.IsEmpty) return 0;
            if (_top.Capacity < results.Length) _top = new TopK(results.Length);
            var seeds = excludeSeeds ? QuerySeeds.Of(query, ref _own, owner._dataset) : null;
            var (tracks, scores) = (_merged.Tracks, _merged.Scores);
            for (int i = 0; i < _merged.Count; i++)
                if (scores[i] >= _top.Threshold && (seeds is null || !seeds.Contains(tracks[i]))) _top.Add(tracks[i], scores[i]);
            return _top.DrainSorted(results);
        }

        // Merges weight times the key's shares into the list: a track's score adds its shares in
        // the order of the lists, as adding each list in turn to a score per track would.
        private void Add(Shares shares, int key, float weight, bool title)
        {
            var keyTracks = shares.Tracks(key);
            var keyShares = shares.Values(key);
            var (from, to) = (_merged, _spare);
            to.Reserve(from.Count + keyTracks.Length);
            var fromTracks = from.Tracks.AsSpan(0, from.Count);
            var (fromScores, fromTitles) = (from.Scores, from.TitleShares);
            var (tracks, scores, titleShares) = (to.Tracks, to.Scores, to.TitleShares);
            int i = 0, j = 0, n = 0;
            // Both lists at once, without a branch on which is ahead: the comparisons of two merged
            // lists of ids are a coin toss for a branch predictor. x + 0 is x, so a track on one
            // side only gets exactly its own score.
            while (i < fromTracks.Length && j < keyTracks.Length)
            {
                int a = fromTracks[i], b = keyTracks[j];
                bool old = a <= b, added = b <= a;
                float share = keyShares[j];
                tracks[n] = Math.Min(a, b);
                scores[n] = (old ? fromScores[i] : 0) + (added ? weight * share : 0);
                titleShares[n++] = title && added ? share : old ? fromTitles[i] : 0;
                i += old ? 1 : 0;
                j += added ? 1 : 0;
            }
            for (; i < fromTracks.Length; i++, n++)
                (tracks[n], scores[n], titleShares[n]) = (fromTracks[i], fromScores[i], fromTitles[i]);
            for (; j < keyTracks.Length; j++, n++)
                (tracks[n], scores[n], titleShares[n]) = (keyTracks[j], weight * keyShares[j], title ? keyShares[j] : 0);
            to.Filled(n);
            (_merged, _spare) = (to, from);
        }

        // A list of tracks in increasing order with their scores and title shares.
        private sealed class Merged
        {
            // A track is found by bisecting the tracks of one of at most 4,096 ranges of ids: a ranker
            // looks up thousands of candidates in a list of a hundred thousand at MPD scale.
            private readonly int _shift;
            private readonly int[] _rangeStart;
            private bool _indexed;
            private int _lastTrack = -1, _lastFound;

            public int[] Tracks = [];
            public float[] Scores = [], TitleShares = [];
            public int Count { get; private set; }

            public Merged(int trackCount)
            {
                _shift = Math.Max(0, 20 - BitOperations.LeadingZeroCount((uint)trackCount));   // bit length - 12
                _rangeStart = new int[(trackCount >> _shift) + 2];
            }

            public void Reserve(int length)
            {
                if (Tracks.Length >= length) return;
                length = Math.Max(length, 2 * Tracks.Length);
                (Tracks, Scores, TitleShares) = (new int[length], new float[length], new float[length]);
            }

            public void Clear() => Filled(0);

            public void Filled(int count) => (Count, _lastTrack, _indexed) = (count, -1, false);

            // The index of track, negative when absent; a ranker reads a candidate's score and its
            // title holders one after the other, which costs one search.
            public int Find(int track)
            {
                if (track == _lastTrack) return _lastFound;
                if (!_indexed) Index();
                int range = track >> _shift;
                _lastTrack = track;
                _lastFound = Array.BinarySearch(Tracks, _rangeStart[range], _rangeStart[range + 1] - _rangeStart[range], track);
                return _lastFound;
            }

            private void Index()
            {
                int range = 0;
                for (int i = 0; i < Count; i++)
                    for (int own = Tracks[i] >> _shift; range <= own; range++) _rangeStart[range] = i;
                for (; range < _rangeStart.Length; range++) _rangeStart[range] = Count;
                _indexed = true;
            }
        }
    }

    /// <summary>For every key (a title or a word), the tracks of its playlists (an even sample of
    /// at most maxPlaylists of them) in track order, with the share of those playlists holding each: s(X).</summary>
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
                tracks.Sort(first, tracks.Count - first, null);
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
