using System.Numerics.Tensors;
using Segue.Retrieval;
using Segue.Structures;

namespace Segue.Ranking;

/// <summary>
/// One thread's candidate pool and feature rows: for a playlist, the union of every generator's
/// top <see cref="Depth"/> (seeds excluded), and per candidate the <see cref="RankingFeatures"/>.
/// The query's seed set is built once and read by every generator and feature; the co-occurrence
/// features and playlist kNN's scores come from the co-occurrence generator's own walk. Embedding
/// affinities use at most <see cref="MaxFeatureSeeds"/> distinct seeds, evenly spread over the
/// playlist, which bounds the cost of 100-seed playlists. The order features look at the seeds'
/// trailing album and artist runs and at the gaps between sampled seeds' positions. Not
/// thread-safe; reuse one per thread.
/// </summary>
public sealed class CandidatePool
{
    public const int MaxFeatureSeeds = 25;
    private static readonly int F = RankingFeatures.Count;
    private readonly CandidateSources _sources;
    private readonly IQueryScorer[] _scorers;
    private readonly ICandidateScorer?[] _scoresAnyTrack;   // per generator: its scorer when it scores any track
    private readonly CoOccurrenceRecommender.Scorer _cooc;
    private readonly TitleRecommender.Scorer _title;
    private readonly QuerySeeds _seedSet;
    private readonly ScoredTrack[] _list;
    private readonly int[] _slot;              // pool index + 1 of a track, 0 when not in the pool
    private readonly int[] _tracks;
    private readonly float[] _blankRow;        // a new candidate's row: unlisted (2 * depth) by every generator
    private readonly float[] _features;
    private readonly float[] _gapArtists, _gapAlbums;
    private readonly int[] _sample;
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
        // Co-occurrence's walk scores playlist kNN too, and so comes first in the slots.
        _cooc = sources.CoOccurrence.CreateFeatureScorer(sources.PlaylistKnn);
        _scorers = [.. sources.Generators.Select(g => g == sources.CoOccurrence ? _cooc : g == sources.PlaylistKnn ? _cooc.PlaylistKnn : g.CreateScorer())];
        _scoresAnyTrack = [.. _scorers.Select((s, g) => CandidateSources.Slots[g].ScoresAnyTrack ? (ICandidateScorer)s : null)];
        _title = _scorers.OfType<TitleRecommender.Scorer>().Single();
        _seedSet = new QuerySeeds(dataset);
        _list = new ScoredTrack[depth];
        _slot = new int[dataset.TrackCount];
        int capacity = depth * _scorers.Length;
        _tracks = new int[capacity];
        _features = new float[capacity * F];
        _blankRow = new float[F];
        foreach (var generator in RankingFeatures.Generators) _blankRow[generator.Rank] = 2 * depth;
        _gapArtists = new float[dataset.ArtistCount];
        _gapAlbums = new float[dataset.AlbumCount];
        _sample = new int[MaxFeatureSeeds];
        int d = sources.Model is null ? 0 : 2 * sources.Model.F;
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

    /// <summary>The seed set of the last <see cref="Build"/>'s query.</summary>
    public QuerySeeds SeedSet => _seedSet;

    /// <summary>Pools the candidates for a playlist and computes their features; returns how many.</summary>
    public int Build(in PlaylistQuery playlist)
    {
        var query = playlist.With(_seedSet);
        var generators = RankingFeatures.Generators;
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
                    _blankRow.CopyTo(Row(slot));
                }
                var r = Row(slot);
                r[generators[g].Rank] = i;
                r[RankingFeatures.GeneratorsListing]++;
            }
        }
        CandidateFeatures(query.Title);
        SeedFeatures(query);
        OrderFeatures(query);
        foreach (int track in Tracks) _slot[track] = 0;
        return _count;
    }

    private Span<float> Row(int slot) => _features.AsSpan(slot * F, F);

    // Up to MaxFeatureSeeds of the distinct seeds, evenly spread.
    private ReadOnlySpan<int> SampleSeeds(ReadOnlySpan<int> distinct)
    {
        int take = Math.Min(distinct.Length, MaxFeatureSeeds);
        for (int n = 0; n < take; n++) _sample[n] = distinct[(int)((long)n * distinct.Length / take)];
        return _sample.AsSpan(0, take);
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
            for (int g = 0; g < _scorers.Length; g++)
            {
                if (_scoresAnyTrack[g] is not { } scorer) continue;
                var generator = RankingFeatures.Generators[g];
                row[generator.Score] = scorer.ScoreOf(track);
                row[generator.Relative] = Relative(row[generator.Score], _topScore[g]);
            }
            row[RankingFeatures.TrackPopularity] = _sources.Statistics.LogPopularity(track);
            row[RankingFeatures.AlbumPopularity] = _sources.Statistics.AlbumLogPopularity(dataset.TrackAlbums[track]);
            row[RankingFeatures.ArtistPopularity] = _sources.Statistics.ArtistLogPopularity(dataset.TrackArtists[track]);
            // log shares: how much of its artist's (album's) playlist count the track has.
            row[RankingFeatures.TrackShareOfArtist] = row[RankingFeatures.TrackPopularity] - row[RankingFeatures.ArtistPopularity];
            row[RankingFeatures.TrackShareOfAlbum] = row[RankingFeatures.TrackPopularity] - row[RankingFeatures.AlbumPopularity];
        }
    }

    private static float Relative(float score, float top) => top > 0 ? score / top : 0;

    private void SeedFeatures(in PlaylistQuery query)
    {
        var seeds = query.SeedSet!;
        var distinctSeeds = seeds.Distinct;
        var sample = SampleSeeds(distinctSeeds);
        var dataset = _sources.Dataset;
        var index = _sources.Index;
        int distinct = distinctSeeds.Length, known = 0;
        double duration = 0, logPopularity = 0;
        foreach (int s in distinctSeeds)
        {
            if (index.Count(s) > 0) known++;
            duration += dataset.TrackDurationsMs[s] / 1000.0;
            logPopularity += Math.Log(1 + index.Count(s));
        }
        float meanDuration = distinct > 0 ? (float)(duration / distinct) : 0;
        float meanPopularity = distinct > 0 ? (float)(logPopularity / distinct) : 0;

        FactorFeatures(distinctSeeds, sample);
        bool model = _sources.Model is not null && sample.Length > 0;
        if (model)
            for (int j = 0; j < sample.Length; j++) _sources.Model!.Represent(sample[j], _seedVectors.AsSpan(j * _vector.Length, _vector.Length));
        for (int i = 0; i < _count; i++)
        {
            int track = _tracks[i];
            var row = Row(i);
            if (distinct > 0)
            {
                // co(s, c) over every distinct seed, from the co-occurrence generator's walk.
                var co = _cooc.CoOccurrence.Of(track);
                row[RankingFeatures.CoMax] = co.Max;
                row[RankingFeatures.CoMean] = co.Sum / distinct;
                row[RankingFeatures.CoMin] = co.Seeds == distinct ? co.Min : 0;
                row[RankingFeatures.CoNormMax] = co.NormMax;
                row[RankingFeatures.CoNormMean] = co.NormSum / distinct;
                row[RankingFeatures.CoSeedShare] = (float)co.Seeds / distinct;
                int byArtist = seeds.ByArtist(dataset.TrackArtists[track]);
                row[RankingFeatures.SameArtistCount] = byArtist;
                row[RankingFeatures.SameArtist] = (float)byArtist / distinct;
                row[RankingFeatures.SameAlbum] = (float)seeds.OnAlbum(dataset.TrackAlbums[track]) / distinct;
                row[RankingFeatures.DurationDifference] = MathF.Abs(dataset.TrackDurationsMs[track] / 1000f - meanDuration);
                row[RankingFeatures.PopularityDifference] = row[RankingFeatures.TrackPopularity] - meanPopularity;
                row[RankingFeatures.ArtistDiversity] = (float)seeds.Artists.Length / distinct;
                row[RankingFeatures.AlbumDiversity] = (float)seeds.Albums.Length / distinct;
            }
            if (model)
            {
                _sources.Model!.Represent(track, _vector);
                float max = float.NegativeInfinity, sum = 0;
                for (int j = 0; j < sample.Length; j++)
                {
                    float dot = TensorPrimitives.Dot(_vector, _seedVectors.AsSpan(j * _vector.Length, _vector.Length));
                    max = Math.Max(max, dot);
                    sum += dot;
                }
                row[RankingFeatures.ModelMax] = max;
                row[RankingFeatures.ModelMean] = sum / sample.Length;
            }
            row[RankingFeatures.Seeds] = distinct;
            row[RankingFeatures.KnownSeeds] = known;
            row[RankingFeatures.HasTitle] = string.IsNullOrEmpty(query.Title) ? 0 : 1;
            row[RankingFeatures.SeedsSampled] = query.SeedOrder == SeedOrder.Sampled ? 1 : 0;
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
