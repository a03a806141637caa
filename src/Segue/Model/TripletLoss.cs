using System.Numerics.Tensors;

namespace Segue.Model;

/// <summary>
/// The book's loss on one example, forward and backward by hand, on spans. Rows of the example
/// are the n context tracks, the m next tracks and the o negatives; the six terms (each scaled
/// by its weight, skipped when the weight is 0) are
/// <code>
/// mean_triplet     = relu(1 + mean_k neg_k - mean_j pos_j)
/// extremal_triplet = relu(1 + max_k neg_k - min_j pos_j)
/// reg              = sum over all rows of relu(||e|| - reg)
/// ctx_self         = mean over the n x n Gram entries of relu(0.5 - g)
/// next_self        = mean over the m x m Gram entries of relu(0.5 - g)
/// neg_self         = mean over the o x o Gram entries of relu(g)
/// </code>
/// where pos and neg are the affinities of the next tracks and negatives to the context.
/// The Gram terms visit one triangle: an off-diagonal entry stands for itself and its mirror.
/// Cost grows with the example, never with the tables; scratch buffers grow to the largest
/// example and are reused, so a step allocates nothing. One instance per training worker.
/// </summary>
public sealed class TripletLoss(EmbeddingModel model)
{
    private readonly ModelConfig _config = model.Config;
    private readonly int _d = 2 * model.F;
    private int[] _ids = [];
    private float[] _e = [];       // rows x 2F representations
    private float[] _de = [];      // rows x 2F their gradients
    private float[] _dots = [];    // (m + o) x n: candidate . context item
    private float[] _aff = [];     // m + o affinities (next first, then negatives)
    private float[] _dAff = [];
    private readonly float[] _sum = new float[2 * model.F];

    private int _n, _m, _o;

    /// <summary>
    /// Takes the example for <see cref="Compute"/> and registers every table row it will read in
    /// <paramref name="gradients"/> (cleared, zero), so that an optimiser can bring exactly those
    /// rows up to date before they are read.
    /// </summary>
    public void Gather(ReadOnlySpan<int> context, ReadOnlySpan<int> next, ReadOnlySpan<int> negatives, ModelGradients gradients)
    {
        if (context.Length == 0 || next.Length == 0 || negatives.Length == 0)
            throw new ArgumentException("an example needs context, next and negative tracks");
        (_n, _m, _o) = (context.Length, next.Length, negatives.Length);
        int rows = _n + _m + _o;
        EnsureCapacity(rows, _n);
        context.CopyTo(_ids);
        next.CopyTo(_ids.AsSpan(_n));
        negatives.CopyTo(_ids.AsSpan(_n + _m));
        gradients.Clear();
        for (int r = 0; r < rows; r++)
            model.ScatterGradient(_ids[r], default, gradients);
    }

    /// <summary>
    /// Returns the weighted loss of the gathered example and adds its gradient to
    /// <paramref name="gradients"/>.
    /// </summary>
    public float Compute(ModelGradients gradients)
    {
        int n = _n, m = _m, o = _o, rows = n + m + o;
        for (int r = 0; r < rows; r++)
            model.Represent(_ids[r], Row(_e, r));
        _de.AsSpan(0, rows * _d).Clear();

        var w = _config.Weights;
        float loss = 0;
        if (w.MeanTriplet > 0 || w.ExtremalTriplet > 0)
            loss += Triplets(n, m, o, w);
        if (w.Reg > 0)
            loss += NormPenalty(rows, w.Reg);
        if (w.ContextSelf > 0)
            loss += SelfAffinity(0, n, 0.5f, -1f, w.ContextSelf);
        if (w.NextSelf > 0)
            loss += SelfAffinity(n, m, 0.5f, -1f, w.NextSelf);
        if (w.NegativeSelf > 0)
            loss += SelfAffinity(n + m, o, 0f, 1f, w.NegativeSelf);

        for (int r = 0; r < rows; r++)
            model.ScatterGradient(_ids[r], Row(_de, r), gradients);
        return loss;
    }

    /// <summary>Both triplet terms: affinities of the next tracks and negatives, then their gradient.</summary>
    private float Triplets(int n, int m, int o, LossWeights w)
    {
        int candidates = m + o;
        var trackAlbums = model.Catalog.TrackAlbums;
        var trackArtists = model.Catalog.TrackArtists;
        var contextIds = _ids.AsSpan(0, n);
        for (int x = 0; x < candidates; x++)
        {
            var e = Row(_e, n + x);
            var dots = _dots.AsSpan(x * n, n);
            for (int i = 0; i < n; i++)
                dots[i] = TensorPrimitives.Dot(e, Row(_e, i));
            float a = _config.Aggregation == Aggregation.Max ? TensorPrimitives.Max(dots) : TensorPrimitives.Sum(dots) / n;
            int track = _ids[n + x];
            bool sameAlbum = false, sameArtist = false;
            foreach (int c in contextIds)
            {
                sameAlbum |= trackAlbums[c] == trackAlbums[track];
                sameArtist |= trackArtists[c] == trackArtists[track];
            }
            if (sameAlbum) a += ModelConfig.SharedBonus;
            if (sameArtist) a += ModelConfig.SharedBonus;
            _aff[x] = a;
        }
        var pos = _aff.AsSpan(0, m);
        var neg = _aff.AsSpan(m, o);
        var dPos = _dAff.AsSpan(0, m);
        var dNeg = _dAff.AsSpan(m, o);
        dPos.Clear();
        dNeg.Clear();

        float loss = 0;
        if (w.MeanTriplet > 0)
        {
            float v = 1 + TensorPrimitives.Sum(neg) / o - TensorPrimitives.Sum(pos) / m;
            if (v > 0)
            {
                loss += w.MeanTriplet * v;
                TensorPrimitives.Add(dNeg, w.MeanTriplet / o, dNeg);
                TensorPrimitives.Add(dPos, -w.MeanTriplet / m, dPos);
            }
        }
        if (w.ExtremalTriplet > 0)
        {
            float maxNeg = TensorPrimitives.Max(neg), minPos = TensorPrimitives.Min(pos);
            float v = 1 + maxNeg - minPos;
            if (v > 0)
            {
                loss += w.ExtremalTriplet * v;
                SplitAmongTies(neg, maxNeg, w.ExtremalTriplet, dNeg);
                SplitAmongTies(pos, minPos, -w.ExtremalTriplet, dPos);
            }
        }

        // Back through the aggregation over the context; the bonuses are constants.
        _sum.AsSpan().Clear();
        for (int x = 0; x < candidates; x++)
        {
            float g = _dAff[x];
            if (g == 0) continue;
            var e = Row(_e, n + x);
            var de = Row(_de, n + x);
            var dots = _dots.AsSpan(x * n, n);
            if (_config.Aggregation == Aggregation.Max)
            {
                float best = TensorPrimitives.Max(dots);
                int ties = 0;
                foreach (float s in dots) if (s == best) ties++;
                float share = g / ties;
                for (int i = 0; i < n; i++)
                {
                    if (dots[i] != best) continue;
                    TensorPrimitives.MultiplyAdd(Row(_e, i), share, de, de);
                    TensorPrimitives.MultiplyAdd(e, share, Row(_de, i), Row(_de, i));
                }
            }
            else
            {
                // d mean_i <e, c_i> = (1/n) sum_i c_i for e, and (1/n) e for every c_i.
                for (int i = 0; i < n; i++)
                    TensorPrimitives.MultiplyAdd(Row(_e, i), g / n, de, de);
                TensorPrimitives.MultiplyAdd(e, g / n, _sum, _sum);
            }
        }
        if (_config.Aggregation == Aggregation.Mean)
            for (int i = 0; i < n; i++)
                TensorPrimitives.Add(Row(_de, i), _sum, Row(_de, i));
        return loss;
    }

    /// <summary>The max/min sends its gradient to the extreme entry; where several tie, it is
    /// split evenly among them (JAX's rule).</summary>
    private static void SplitAmongTies(ReadOnlySpan<float> values, float extreme, float gradient, Span<float> destination)
    {
        int ties = 0;
        foreach (float v in values) if (v == extreme) ties++;
        for (int i = 0; i < values.Length; i++)
            if (values[i] == extreme) destination[i] += gradient / ties;
    }

    private float NormPenalty(int rows, float weight)
    {
        float loss = 0, reg = _config.Reg;
        for (int r = 0; r < rows; r++)
        {
            var e = Row(_e, r);
            float norm = MathF.Sqrt(TensorPrimitives.Dot(e, e));
            if (norm <= reg) continue;
            loss += weight * (norm - reg);
            TensorPrimitives.MultiplyAdd(e, weight / norm, Row(_de, r), Row(_de, r));
        }
        return loss;
    }

    /// <summary>
    /// <c>weight * mean over the count x count Gram entries g of relu(offset + slope g)</c> over
    /// rows [first, first + count), with its gradient. g is symmetric, so each off-diagonal pair is
    /// visited once and counted twice; the gradient of an entry with respect to either row is the
    /// other row, and of a diagonal entry twice the row, so both get the same factor.
    /// </summary>
    private float SelfAffinity(int first, int count, float offset, float slope, float weight)
    {
        float scale = weight / ((float)count * count);
        float factor = 2 * scale * slope;
        float sum = 0;
        for (int i = 0; i < count; i++)
        {
            var ei = Row(_e, first + i);
            var dei = Row(_de, first + i);
            float diagonal = offset + slope * TensorPrimitives.Dot(ei, ei);
            if (diagonal > 0)
            {
                sum += diagonal;
                TensorPrimitives.MultiplyAdd(ei, factor, dei, dei);
            }
            for (int j = i + 1; j < count; j++)
            {
                var ej = Row(_e, first + j);
                float v = offset + slope * TensorPrimitives.Dot(ei, ej);
                if (v <= 0) continue;
                sum += 2 * v;
                TensorPrimitives.MultiplyAdd(ej, factor, dei, dei);
                var dej = Row(_de, first + j);
                TensorPrimitives.MultiplyAdd(ei, factor, dej, dej);
            }
        }
        return scale * sum;
    }

    private Span<float> Row(float[] buffer, int row) => buffer.AsSpan(row * _d, _d);

    private void EnsureCapacity(int rows, int n)
    {
        if (_ids.Length >= rows && _dots.Length >= rows * n) return;
        int capacity = Math.Max(rows, 2 * _ids.Length);
        _ids = new int[capacity];
        _e = new float[capacity * _d];
        _de = new float[capacity * _d];
        _aff = new float[capacity];
        _dAff = new float[capacity];
        _dots = new float[capacity * Math.Max(n, 1)];
    }
}
