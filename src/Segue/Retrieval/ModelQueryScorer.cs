using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Segue.Model;
using Segue.Structures;

namespace Segue.Retrieval;

/// <summary>
/// One thread's scoring state for a <see cref="ModelRecommender"/>: per-context-item scores of
/// every table row, per-unit scores, the top-K heap and the set of tracks already ranked.
/// Allocated once; a query allocates nothing. With the max, context items are taken a chunk at a
/// time so that any number of seeds fits the same buffers; the mean needs a single item.
/// </summary>
internal sealed class ModelQueryScorer : IQueryScorer
{
    private const int Chunk = PackedTable.MaxItems;
    private readonly ModelRecommender _owner;
    private readonly EmbeddingModel _model;
    private readonly int _d;
    private readonly bool _mean;
    private readonly float[] _context;                   // Chunk x 2F
    private readonly float[] _albumScores, _artistScores, _trackScores, _durationScores; // [row * items + i]
    private readonly float[] _unitScores;
    private readonly TrackMarks _ranked;                 // excluded seeds and the tracks given a bonus
    private readonly TrackMarks _seedAlbums, _seedArtists; // album and artist ids (the marks work for any id)
    private readonly List<int> _distinctAlbums = [], _distinctArtists = []; // in seed order
    private TopK _top = new(500);

    public ModelQueryScorer(ModelRecommender owner)
    {
        _owner = owner;
        _model = owner.Model;
        _d = 2 * _model.F;
        _mean = _model.Config.Aggregation == Aggregation.Mean;
        _context = new float[Chunk * _d];
        _albumScores = new float[owner.Albums.ScoresLength];
        _artistScores = new float[owner.Artists.ScoresLength];
        _trackScores = owner.Tracks is null ? [] : new float[owner.Tracks.ScoresLength];
        _durationScores = owner.DurationVector is null ? [] : new float[owner.DurationVector.ScoresLength];
        _unitScores = new float[owner.UnitCount];
        _ranked = new TrackMarks(_model.Catalog.TrackCount);
        _seedAlbums = new TrackMarks(_model.Catalog.AlbumCount);
        _seedArtists = new TrackMarks(_model.Catalog.ArtistCount);
    }

    public int Recommend(in PlaylistQuery query, bool excludeSeeds, Span<ScoredTrack> results)
    {
        var seeds = query.Seeds;
        if (seeds.IsEmpty || results.IsEmpty) return 0;
        ScoreUnits(seeds);
        if (_top.Capacity < results.Length) _top = new TopK(results.Length);
        _top.Clear();
        _ranked.Clear();
        if (excludeSeeds)
            foreach (int s in seeds) _ranked.Add(s);
        AddBonusTracks(seeds);
        AddUnits();
        return _top.DrainSorted(results);
    }

    /// <summary>agg_i &lt;e_u, c_i&gt; of every unit (times its inverse norm for the cosine).</summary>
    private void ScoreUnits(ReadOnlySpan<int> seeds)
    {
        if (_mean)
        {
            // mean_i <e, c_i> = <e, mean_i c_i>: one context item.
            var sum = _context.AsSpan(0, _d);
            var c = _context.AsSpan(_d, _d);
            sum.Clear();
            foreach (int seed in seeds)
            {
                Represent(seed, c);
                TensorPrimitives.Add(sum, c, sum);
            }
            TensorPrimitives.Divide(sum, seeds.Length, sum);
            ScoreChunk(1, first: true);
        }
        else
        {
            for (int start = 0; start < seeds.Length; start += Chunk)
            {
                int items = Math.Min(Chunk, seeds.Length - start);
                for (int i = 0; i < items; i++) Represent(seeds[start + i], _context.AsSpan(i * _d, _d));
                ScoreChunk(items, first: start == 0);
            }
        }
        if (_owner.Cosine) TensorPrimitives.Multiply(_unitScores, _owner.UnitInverseNorms, _unitScores);
    }

    /// <summary>A seed's 2F context vector, normalised for the cosine.</summary>
    private void Represent(int seed, Span<float> c)
    {
        _model.Represent(seed, c);
        if (!_owner.Cosine) return;
        float norm = TensorPrimitives.Norm(c);
        if (norm > 0) TensorPrimitives.Divide(c, norm, c);
    }

    /// <summary>Scores every table row against the chunk's context items, then folds the items' maximum
    /// per unit into the unit scores.</summary>
    private void ScoreChunk(int items, bool first)
    {
        _owner.Albums.ScoreRows(_context, _d, 0, items, _albumScores);
        _owner.Artists.ScoreRows(_context, _d, _model.F, items, _artistScores);
        _owner.Tracks?.ScoreRows(_context, _d, 0, items, _trackScores);
        _owner.DurationVector?.ScoreRows(_context, _d, 0, items, _durationScores);

        var albumRows = _owner.UnitAlbumRows;
        var artists = _owner.UnitArtists;
        var trackRows = _owner.UnitTrackRows;
        var durations = _owner.UnitDurations;
        var unitScores = _unitScores;
        ref float albumScores = ref MemoryMarshal.GetArrayDataReference(_albumScores);
        ref float artistScores = ref MemoryMarshal.GetArrayDataReference(_artistScores);
        // A row's item scores are loaded as one vector; lanes past the chunk's items are masked out.
        var live = Vector256.LessThan(Vector256<int>.Indices, Vector256.Create(items)).AsSingle();
        var dead = Vector256.Create(float.NegativeInfinity);
        var durationScores = _durationScores.Length > 0 ? Vector256.Create(_durationScores.AsSpan(0, Vector256<float>.Count)) : default;
        bool extended = trackRows.Length > 0 || durations.Length > 0;
        for (int u = 0; u < unitScores.Length; u++)
        {
            var s = Vector256.LoadUnsafe(ref albumScores, (nuint)(albumRows[u] * items))
                  + Vector256.LoadUnsafe(ref artistScores, (nuint)(artists[u] * items));
            if (extended)
            {
                if (trackRows.Length > 0) s += Vector256.Create(_trackScores.AsSpan(trackRows[u] * items, Vector256<float>.Count));
                if (durations.Length > 0) s += durations[u] * durationScores;
            }
            float max = MaxLane(Vector256.ConditionalSelect(live, s, dead));
            unitScores[u] = first ? max : MathF.Max(unitScores[u], max);
        }
    }

    private static float MaxLane(Vector256<float> v)
    {
        var h = Vector128.MaxNative(v.GetLower(), v.GetUpper());
        h = Vector128.MaxNative(h, Vector128.Shuffle(h, Vector128.Create(2, 3, 0, 1)));
        h = Vector128.MaxNative(h, Vector128.Shuffle(h, Vector128.Create(1, 0, 3, 2)));
        return h.ToScalar();
    }

    /// <summary>Ranks the tracks of the seeds' albums and artists, with their bonuses: +0.1 for an album
    /// among the seeds' albums, +0.1 for an artist among the seeds' artists. The seeds' albums and
    /// artists are sets first, so a bonus costs one look-up whatever the number of seeds.</summary>
    private void AddBonusTracks(ReadOnlySpan<int> seeds)
    {
        var albums = _model.Catalog.TrackAlbums;
        var artists = _model.Catalog.TrackArtists;
        _seedAlbums.Clear();
        _seedArtists.Clear();
        _distinctAlbums.Clear();
        _distinctArtists.Clear();
        foreach (int s in seeds)
        {
            if (_seedAlbums.Add(albums[s])) _distinctAlbums.Add(albums[s]);
            if (_seedArtists.Add(artists[s])) _distinctArtists.Add(artists[s]);
        }
        foreach (int album in _distinctAlbums)
            foreach (int t in _owner.TracksOfAlbum(album))
                AddBonusTrack(t);
        foreach (int artist in _distinctArtists)
            foreach (int t in _owner.TracksOfArtist(artist))
                AddBonusTrack(t);
    }

    private void AddBonusTrack(int track)
    {
        if (!_ranked.Add(track)) return;
        float score = _unitScores[_owner.UnitOf(track)];
        if (_seedAlbums.Contains(_model.Catalog.TrackAlbums[track])) score += ModelConfig.SharedBonus;
        if (_seedArtists.Contains(_model.Catalog.TrackArtists[track])) score += ModelConfig.SharedBonus;
        _top.Add(track, score);
    }

    /// <summary>Ranks the tracks not ranked yet (no bonus, not excluded) at their unit's score. A unit
    /// below the heap's threshold is skipped whole, which after the first few hundred units is nearly
    /// every unit, so units are compared with the threshold a vector at a time.</summary>
    private void AddUnits()
    {
        var unitScores = _unitScores;
        ref float scores = ref MemoryMarshal.GetArrayDataReference(unitScores);
        int width = Vector256<float>.Count, u = 0;
        for (; u <= unitScores.Length - width; u += width)
            if (Vector256.GreaterThanOrEqualAny(Vector256.LoadUnsafe(ref scores, (nuint)u), Vector256.Create(_top.Threshold)))
                for (int j = u; j < u + width; j++) AddUnit(j, unitScores[j]);
        for (; u < unitScores.Length; u++) AddUnit(u, unitScores[u]);
    }

    private void AddUnit(int unit, float score)
    {
        if (score < _top.Threshold) return;
        if (_owner.UnitsAreTracks)
        {
            if (!_ranked.Contains(unit)) _top.Add(unit, score);
            return;
        }
        foreach (int t in _owner.TracksOfUnit(unit))
            if (!_ranked.Contains(t)) _top.Add(t, score);
    }
}
