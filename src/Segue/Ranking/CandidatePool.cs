using System.Numerics.Tensors;
using Segue.Retrieval;
using Segue.Structures;

namespace Segue.Ranking;

/// <summary>
/// One thread's candidate pool and feature rows: for a playlist, the union of every generator's
/// top <see cref="Depth"/> (seeds excluded), and per candidate the <see cref="RankingFeatures"/>.
/// Per-seed statistics (co-occurrence, embedding affinity) use at most
/// <see cref="MaxFeatureSeeds"/> distinct seeds, evenly spread over the playlist, and a seed's
/// co-occurrences at most <see cref="MaxFeaturePlaylists"/> of its playlists (an even sample,
/// scaled up), which bounds the cost of 100-seed playlists. The order features look at the seeds'
/// trailing album and artist runs and at the gaps between sampled seeds' positions. Not
/// thread-safe; reuse one per thread.
/// </summary>
public sealed class CandidatePool
{
    public const int MaxFeatureSeeds = 25, MaxFeaturePlaylists = 1000;
    private const int F = RankingFeatures.Count;
    private readonly CandidateSources _sources;
    private readonly IQueryScorer[] _scorers;
    private readonly ICandidateScorer _cooc, _pknn;
    private readonly TitleRecommender.Scorer _title;
    private readonly ScoredTrack[] _list;
    private readonly int[] _slot;              // pool index + 1 of a track, 0 when not in the pool
    private readonly int[] _tracks;
    private readonly float[] _features;
    private readonly float[] _co;
    private readonly float[] _artistSeeds, _albumSeeds, _gapArtists, _gapAlbums;
    private readonly DistinctSeeds _distinct;
    private readonly TrackMarks _seen;
    private readonly int[] _seeds;
    private readonly float[] _seedVectors, _vector;
    private readonly float[] _topScore;
    private readonly float[] _playlistFactors;
    private readonly double[] _foldMatrix, _foldVector;
    private int _count;

    public CandidatePool(CandidateSources sources, int depth)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(depth);
        _sources = sources;
        Depth = depth;
        var dataset = sources.Dataset;
        _scorers = [.. sources.Generators.Select(g => g.CreateScorer())];
        (_cooc, _pknn, _title) = ((ICandidateScorer)_scorers[0], (ICandidateScorer)_scorers[1], (TitleRecommender.Scorer)_scorers[2]);
        _list = new ScoredTrack[depth];
        _slot = new int[dataset.TrackCount];
        int capacity = depth * _scorers.Length;
        _tracks = new int[capacity];
        _features = new float[capacity * F];
        _co = new float[capacity];
        _artistSeeds = new float[dataset.ArtistCount];
        _albumSeeds = new float[dataset.AlbumCount];
        _gapArtists = new float[dataset.ArtistCount];
        _gapAlbums = new float[dataset.AlbumCount];
        _distinct = new DistinctSeeds(dataset.TrackCount);
        _seen = new TrackMarks(dataset.TrackCount);
        _seeds = new int[MaxFeatureSeeds];
        int d = sources.Model is null ? 0 : 2 * sources.Model.Model.F;
        _seedVectors = new float[MaxFeatureSeeds * d];
        _vector = new float[d];
        _topScore = new float[_scorers.Length];
        int k = sources.Factors.K;
        _playlistFactors = new float[k];
        _foldMatrix = new double[k * k];
        _foldVector = new double[k];
    }

    /// <summary>How deep each generator's list goes.</summary>
    public int Depth { get; }

    /// <summary>The candidates of the last <see cref="Build"/>.</summary>
    public ReadOnlySpan<int> Tracks => _tracks.AsSpan(0, _count);

    /// <summary>The feature rows of the last <see cref="Build"/>, one per candidate, <see cref="RankingFeatures.Count"/> wide.</summary>
    public ReadOnlySpan<float> Features => _features.AsSpan(0, _count * F);

    /// <summary>Pools the candidates for a playlist and computes their features; returns how many.</summary>
    public int Build(in PlaylistQuery query)
    {
        var seeds = query.Seeds;
        _count = 0;
        for (int g = 0; g < _scorers.Length; g++)
        {
            int n = _scorers[g].Recommend(query, excludeSeeds: true, _list);
            _topScore[g] = n > 0 ? _list[0].Score : 0;
            for (int i = 0; i < n; i++)
            {
                int track = _list[i].Track;
                int slot = _slot[track] - 1;
                if (slot < 0)
                {
                    slot = _count++;
                    _slot[track] = slot + 1;
                    _tracks[slot] = track;
                    var row = Row(slot);
                    row.Clear();
                    foreach (int f in RankingFeatures.GeneratorRanks) row[f] = 2 * Depth;
                }
                var r = Row(slot);
                r[RankingFeatures.GeneratorRanks[g]] = i;
                r[RankingFeatures.Generators]++;
            }
        }
        var distinct = _distinct.Collect(seeds);
        int seedCount = SampleSeeds(distinct);
        CandidateFeatures(query.Title);
        SeedFeatures(query, distinct, seedCount);
        OrderFeatures(query);
        foreach (int track in Tracks) _slot[track] = 0;
        return _count;
    }

    private Span<float> Row(int slot) => _features.AsSpan(slot * F, F);

    // Up to MaxFeatureSeeds of the distinct seeds, evenly spread; returns how many.
    private int SampleSeeds(ReadOnlySpan<int> distinct)
    {
        int take = Math.Min(distinct.Length, MaxFeatureSeeds);
        for (int n = 0; n < take; n++) _seeds[n] = distinct[(int)((long)n * distinct.Length / take)];
        return take;
    }

    private void CandidateFeatures(string? title)
    {
        var index = _sources.Index;
        var dataset = _sources.Dataset;
        var names = _sources.Names;
        uint[] titleWords = string.IsNullOrEmpty(title) ? [] : NameWords.Hashed(title);
        for (int i = 0; i < _count; i++)
        {
            int track = _tracks[i];
            var row = Row(i);
            row[RankingFeatures.TitleInTrack] = NameWords.Share(titleWords, names.Track(track));
            row[RankingFeatures.TitleInAlbum] = NameWords.Share(titleWords, names.Album(dataset.TrackAlbums[track]));
            row[RankingFeatures.TitleInArtist] = NameWords.Share(titleWords, names.Artist(dataset.TrackArtists[track]));
            row[RankingFeatures.TitleHolderShare] = _title.TitleHolders(track) / Math.Max(1, index.Count(track));
            row[RankingFeatures.HolderLength] = _sources.HolderLength[track];
            row[RankingFeatures.CoocScore] = _cooc.ScoreOf(track);
            row[RankingFeatures.CoocRelative] = Relative(row[RankingFeatures.CoocScore], _topScore[0]);
            row[RankingFeatures.PknnScore] = _pknn.ScoreOf(track);
            row[RankingFeatures.PknnRelative] = Relative(row[RankingFeatures.PknnScore], _topScore[1]);
            row[RankingFeatures.TitleScore] = _title.ScoreOf(track);
            row[RankingFeatures.TitleRelative] = Relative(row[RankingFeatures.TitleScore], _topScore[2]);
            row[RankingFeatures.TrackPopularity] = _sources.Statistics.LogPopularity(track);
            row[RankingFeatures.AlbumPopularity] = _sources.Statistics.AlbumLogPopularity(dataset.TrackAlbums[track]);
            row[RankingFeatures.ArtistPopularity] = _sources.Statistics.ArtistLogPopularity(dataset.TrackArtists[track]);
            // log shares: how much of its artist's (album's) playlist count the track has.
            row[RankingFeatures.TrackShareOfArtist] = row[RankingFeatures.TrackPopularity] - row[RankingFeatures.ArtistPopularity];
            row[RankingFeatures.TrackShareOfAlbum] = row[RankingFeatures.TrackPopularity] - row[RankingFeatures.AlbumPopularity];
        }
    }

    private static float Relative(float score, float top) => top > 0 ? score / top : 0;

    private void SeedFeatures(in PlaylistQuery query, ReadOnlySpan<int> distinctSeeds, int seedCount)
    {
        var seeds = _seeds.AsSpan(0, seedCount);
        var dataset = _sources.Dataset;
        var index = _sources.Index;
        // Artists, albums, duration and popularity are cheap to count, so they see every distinct
        // seed: with 100 seeds, a sample of 25 would blur which artists recur.
        int distinct = distinctSeeds.Length, known = 0, artists = 0, albums = 0;
        double duration = 0, logPopularity = 0;
        foreach (int s in distinctSeeds)
        {
            if (index.Count(s) > 0) known++;
            if (_artistSeeds[dataset.TrackArtists[s]]++ == 0) artists++;
            if (_albumSeeds[dataset.TrackAlbums[s]]++ == 0) albums++;
            duration += dataset.TrackDurationsMs[s] / 1000.0;
            logPopularity += Math.Log(1 + index.Count(s));
        }
        float meanDuration = distinct > 0 ? (float)(duration / distinct) : 0;
        float meanPopularity = distinct > 0 ? (float)(logPopularity / distinct) : 0;

        CoOccurrences(seeds);
        FactorFeatures(distinctSeeds, seeds);
        bool model = _sources.Model is not null && seedCount > 0;
        if (model)
            for (int j = 0; j < seedCount; j++) _sources.Model!.Model.Represent(seeds[j], _seedVectors.AsSpan(j * _vector.Length, _vector.Length));
        for (int i = 0; i < _count; i++)
        {
            int track = _tracks[i];
            var row = Row(i);
            if (seedCount > 0)
            {
                row[RankingFeatures.CoMean] /= seedCount;
                row[RankingFeatures.CoNormMean] /= seedCount;
                row[RankingFeatures.CoSeedShare] /= seedCount;
                row[RankingFeatures.SameArtistCount] = _artistSeeds[dataset.TrackArtists[track]];
                row[RankingFeatures.SameArtist] = _artistSeeds[dataset.TrackArtists[track]] / distinct;
                row[RankingFeatures.SameAlbum] = _albumSeeds[dataset.TrackAlbums[track]] / distinct;
                row[RankingFeatures.DurationDifference] = MathF.Abs(dataset.TrackDurationsMs[track] / 1000f - meanDuration);
                row[RankingFeatures.PopularityDifference] = row[RankingFeatures.TrackPopularity] - meanPopularity;
            }
            if (model)
            {
                _sources.Model!.Model.Represent(track, _vector);
                float max = float.NegativeInfinity, sum = 0;
                for (int j = 0; j < seedCount; j++)
                {
                    float dot = TensorPrimitives.Dot(_vector, _seedVectors.AsSpan(j * _vector.Length, _vector.Length));
                    max = Math.Max(max, dot);
                    sum += dot;
                }
                row[RankingFeatures.ModelMax] = max;
                row[RankingFeatures.ModelMean] = sum / seedCount;
            }
            row[RankingFeatures.Seeds] = distinct;
            row[RankingFeatures.KnownSeeds] = known;
            row[RankingFeatures.HasTitle] = string.IsNullOrEmpty(query.Title) ? 0 : 1;
            row[RankingFeatures.SeedsSampled] = query.SeedOrder == SeedOrder.Sampled ? 1 : 0;
            row[RankingFeatures.ArtistDiversity] = distinct > 0 ? (float)artists / distinct : 0;
            row[RankingFeatures.AlbumDiversity] = distinct > 0 ? (float)albums / distinct : 0;
        }
        foreach (int s in distinctSeeds)
        {
            _artistSeeds[dataset.TrackArtists[s]] = 0;
            _albumSeeds[dataset.TrackAlbums[s]] = 0;
        }
    }

    // The factorisation's view: the candidate's affinity with the playlist folded in from every
    // distinct seed (raw and relative to the pool's best), and its best affinity with a sampled seed.
    private void FactorFeatures(ReadOnlySpan<int> distinctSeeds, ReadOnlySpan<int> sampledSeeds)
    {
        if (distinctSeeds.IsEmpty) return;
        var factors = _sources.Factors;
        factors.FoldIn(distinctSeeds, _playlistFactors, _foldMatrix, _foldVector);
        float best = 0;
        for (int i = 0; i < _count; i++)
        {
            var candidate = factors.Row(_tracks[i]);
            var row = Row(i);
            row[RankingFeatures.AlsScore] = TensorPrimitives.Dot(candidate, _playlistFactors);
            best = Math.Max(best, row[RankingFeatures.AlsScore]);
            float max = float.NegativeInfinity;
            foreach (int s in sampledSeeds) max = Math.Max(max, TensorPrimitives.Dot(candidate, factors.Row(s)));
            row[RankingFeatures.AlsMax] = max;
        }
        for (int i = 0; i < _count; i++)
            Row(i)[RankingFeatures.AlsRelative] = Relative(Row(i)[RankingFeatures.AlsScore], best);
    }

    // co(s, c) of each sampled seed with every candidate: max, min and sum (the mean once divided),
    // raw and divided by the seed's popularity.
    private void CoOccurrences(ReadOnlySpan<int> seeds)
    {
        var index = _sources.Index;
        var dataset = _sources.Dataset;
        bool first = true;
        foreach (int s in seeds)
        {
            var playlists = new EvenSample(index.Playlists(s), MaxFeaturePlaylists);
            Array.Clear(_co, 0, _count);
            float scale = playlists.Scale;
            for (int i = 0; i < playlists.Count; i++)
            {
                _seen.Clear();
                foreach (int track in dataset.PlaylistTracks(playlists[i]))
                {
                    int slot = _slot[track] - 1;
                    if (slot >= 0 && _seen.Add(track)) _co[slot] += scale;
                }
            }
            float inverse = playlists.Total > 0 ? 1f / playlists.Total : 0;
            for (int i = 0; i < _count; i++)
            {
                var row = Row(i);
                float co = _co[i], norm = co * inverse;
                row[RankingFeatures.CoMax] = first ? co : Math.Max(row[RankingFeatures.CoMax], co);
                row[RankingFeatures.CoMin] = first ? co : Math.Min(row[RankingFeatures.CoMin], co);
                row[RankingFeatures.CoMean] += co;
                row[RankingFeatures.CoNormMax] = first ? norm : Math.Max(row[RankingFeatures.CoNormMax], norm);
                row[RankingFeatures.CoNormMean] += norm;
                if (co > 0) row[RankingFeatures.CoSeedShare]++;
            }
            first = false;
        }
    }

    // The seeds' trailing album and artist runs that a candidate would continue, the albums and
    // artists on both sides of a gap between two seeds (tracks withheld between seeds of one album
    // are likely of it too), and how far apart the seeds lie.
    private void OrderFeatures(in PlaylistQuery query)
    {
        var seeds = query.Seeds;
        if (seeds.IsEmpty) return;
        var dataset = _sources.Dataset;
        var albums = dataset.TrackAlbums;
        var artists = dataset.TrackArtists;
        int lastAlbum = albums[seeds[^1]], lastArtist = artists[seeds[^1]];
        int albumRun = 0, artistRun = 0;
        for (int j = seeds.Length - 1; j >= 0 && albums[seeds[j]] == lastAlbum; j--) albumRun++;
        for (int j = seeds.Length - 1; j >= 0 && artists[seeds[j]] == lastArtist; j--) artistRun++;
        for (int j = 1; j < seeds.Length; j++)
        {
            if (query.PositionOf(j) - query.PositionOf(j - 1) < 2) continue;
            if (albums[seeds[j]] == albums[seeds[j - 1]]) _gapAlbums[albums[seeds[j]]]++;
            if (artists[seeds[j]] == artists[seeds[j - 1]]) _gapArtists[artists[seeds[j]]]++;
        }
        float span = (float)(query.PositionOf(seeds.Length - 1) + 1) / seeds.Length;
        for (int i = 0; i < _count; i++)
        {
            int track = _tracks[i];
            var row = Row(i);
            row[RankingFeatures.AlbumRun] = albums[track] == lastAlbum ? albumRun : 0;
            row[RankingFeatures.ArtistRun] = artists[track] == lastArtist ? artistRun : 0;
            row[RankingFeatures.GapAlbum] = _gapAlbums[albums[track]];
            row[RankingFeatures.GapArtist] = _gapArtists[artists[track]];
            row[RankingFeatures.SeedSpan] = span;
        }
        foreach (int s in seeds)
        {
            _gapAlbums[albums[s]] = 0;
            _gapArtists[artists[s]] = 0;
        }
    }
}
