using System.Numerics.Tensors;
using System.Runtime.Intrinsics;
using Segue.Model;

namespace Segue.Retrieval;

/// <summary>
/// One thread's scoring state for a <see cref="ModelRecommender"/>: per-context-item scores of
/// every table row, per-unit and per-track scores, the top-K heap. Allocated once; a query
/// allocates nothing. Context items are taken a chunk at a time so that any number of seeds
/// fits the same buffers.
/// </summary>
internal sealed class ModelQueryScorer : IQueryScorer
{
    private const int Chunk = 8;
    private readonly ModelRecommender _owner;
    private readonly EmbeddingModel _model;
    private readonly int _f;
    private readonly bool _mean;
    private readonly float[] _context;                   // Chunk x 2F
    private readonly float[] _albumScores, _artistScores, _trackScores; // [row * items + i]
    private readonly float[] _durationScores = new float[Chunk];
    private readonly float[] _unitScores;
    private readonly float[] _trackTotals;               // per track, when units are pairs
    private int[] _excluded = new int[64];
    private TopK _top = new(500);

    public ModelQueryScorer(ModelRecommender owner)
    {
        _owner = owner;
        _model = owner.Model;
        _f = _model.F;
        _mean = _model.Config.Aggregation == Aggregation.Mean;
        _context = new float[Chunk * 2 * _f];
        _albumScores = new float[_model.Albums.Rows * Chunk];
        _artistScores = new float[_model.Artists.Rows * Chunk];
        _trackScores = new float[(_model.Tracks?.Rows ?? 0) * Chunk];
        _unitScores = new float[owner.UnitCount];
        _trackTotals = owner.UnitOfTrack.IsEmpty ? [] : new float[_model.Catalog.TrackCount];
    }

    public int Recommend(ReadOnlySpan<int> seeds, string? title, bool excludeSeeds, Span<ScoredTrack> results)
    {
        if (seeds.IsEmpty || results.IsEmpty) return 0;
        ScoreUnits(seeds);
        Span<float> scores = _trackTotals.Length == 0 ? _unitScores : _trackTotals;
        if (_trackTotals.Length > 0)
        {
            var unitOfTrack = _owner.UnitOfTrack;
            for (int t = 0; t < scores.Length; t++)
                scores[t] = _unitScores[unitOfTrack[t]];
        }
        AddBonuses(seeds, scores);

        if (_top.Capacity < results.Length) _top = new TopK(results.Length);
        var top = _top;
        top.Clear();
        ReadOnlySpan<int> excluded = default;
        if (excludeSeeds)
        {
            if (_excluded.Length < seeds.Length) _excluded = new int[seeds.Length * 2];
            var sorted = _excluded.AsSpan(0, seeds.Length);
            seeds.CopyTo(sorted);
            sorted.Sort();
            excluded = sorted;
        }
        top.AddAll(scores, excluded);
        return top.DrainSorted(results);
    }

    /// <summary>agg_i &lt;e_u, c_i&gt; of every unit, chunk by chunk of context items.</summary>
    private void ScoreUnits(ReadOnlySpan<int> seeds)
    {
        int d = 2 * _f;
        for (int start = 0; start < seeds.Length; start += Chunk)
        {
            int items = Math.Min(Chunk, seeds.Length - start);
            for (int i = 0; i < items; i++)
            {
                var c = _context.AsSpan(i * d, d);
                _model.Represent(seeds[start + i], c);
                if (_owner.Cosine)
                {
                    float norm = TensorPrimitives.Norm(c);
                    if (norm > 0) TensorPrimitives.Divide(c, norm, c);
                }
            }
            RowDots(_model.Albums, 0, items, _albumScores);
            RowDots(_model.Artists, _f, items, _artistScores);
            if (_model.Tracks is not null) RowDots(_model.Tracks, 0, items, _trackScores);
            if (_model.DurationVector is not null) RowDots(_model.DurationVector, 0, items, _durationScores);
            CombineChunk(items, first: start == 0);
        }
        if (_mean) TensorPrimitives.Divide(_unitScores, seeds.Length, _unitScores);
        if (_owner.Cosine) TensorPrimitives.Multiply(_unitScores, _owner.UnitInverseNorms, _unitScores);
    }

    /// <summary>Folds one chunk of context items into the unit scores (max, or sum for the mean).</summary>
    private void CombineChunk(int items, bool first)
    {
        var albumRows = _owner.UnitAlbumRows;
        var artists = _owner.UnitArtists;
        var trackRows = _owner.UnitTrackRows;
        var durations = _owner.UnitDurations;
        var albumScores = _albumScores;
        var artistScores = _artistScores;
        var unitScores = _unitScores;
        bool extended = trackRows.Length > 0 || durations.Length > 0;
        for (int u = 0; u < unitScores.Length; u++)
        {
            int a = albumRows[u] * items, r = artists[u] * items;
            int tr = trackRows.Length > 0 ? trackRows[u] * items : -1;
            float z = durations.Length > 0 ? durations[u] : 0f;
            float acc = _mean ? 0f : float.NegativeInfinity;
            for (int i = 0; i < items; i++)
            {
                float s = albumScores[a + i] + artistScores[r + i];
                if (extended)
                {
                    if (tr >= 0) s += _trackScores[tr + i];
                    s += z * _durationScores[i];
                }
                acc = _mean ? acc + s : MathF.Max(acc, s);
            }
            unitScores[u] = first ? acc : _mean ? unitScores[u] + acc : MathF.Max(unitScores[u], acc);
        }
    }

    /// <summary>+0.1 to every track of each distinct seed album, then of each distinct seed artist.</summary>
    private void AddBonuses(ReadOnlySpan<int> seeds, Span<float> scores)
    {
        var albums = _model.Catalog.TrackAlbums;
        var artists = _model.Catalog.TrackArtists;
        for (int s = 0; s < seeds.Length; s++)
            if (FirstWithKey(seeds, s, albums))
                foreach (int t in _owner.TracksOfAlbum(albums[seeds[s]]))
                    scores[t] += ModelConfig.SharedBonus;
        for (int s = 0; s < seeds.Length; s++)
            if (FirstWithKey(seeds, s, artists))
                foreach (int t in _owner.TracksOfArtist(artists[seeds[s]]))
                    scores[t] += ModelConfig.SharedBonus;
    }

    private static bool FirstWithKey(ReadOnlySpan<int> seeds, int s, ReadOnlySpan<int> keyOfTrack)
    {
        for (int j = 0; j < s; j++)
            if (keyOfTrack[seeds[j]] == keyOfTrack[seeds[s]]) return false;
        return true;
    }

    /// <summary>
    /// <c>dest[row * items + i] = &lt;table row, context item i's columns [offset, offset + cols)&gt;</c>
    /// for every row: a dense pass over the table. Each row is read once for all the chunk's items
    /// (calling a dot product per row and item would cost more in calls than in arithmetic).
    /// </summary>
    private void RowDots(Table table, int offset, int items, Span<float> dest)
    {
        int cols = table.Cols, d = 2 * _f;
        var values = table.Values;
        if (!Vector256.IsHardwareAccelerated || cols % Vector256<float>.Count != 0)
        {
            for (int row = 0; row < table.Rows; row++)
                for (int i = 0; i < items; i++)
                    dest[row * items + i] = TensorPrimitives.Dot(table.Row(row), _context.AsSpan(i * d + offset, cols));
            return;
        }
        ref float w = ref System.Runtime.InteropServices.MemoryMarshal.GetArrayDataReference(values);
        ref float c = ref System.Runtime.InteropServices.MemoryMarshal.GetArrayDataReference(_context);
        for (int row = 0; row < table.Rows; row++)
        {
            nuint rowStart = (nuint)row * (nuint)cols;
            for (int i = 0; i < items; i++)
            {
                nuint itemStart = (nuint)(i * d + offset);
                var acc = Vector256<float>.Zero;
                for (int k = 0; k < cols; k += Vector256<float>.Count)
                    acc = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref w, rowStart + (nuint)k),
                                                     Vector256.LoadUnsafe(ref c, itemStart + (nuint)k), acc);
                dest[row * items + i] = Vector256.Sum(acc);
            }
        }
    }
}
