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
/// The Gram terms compute one triangle of dot products: an off-diagonal entry stands for itself
/// and its mirror. Representations sit in rows padded for <see cref="PaddedRows"/>. Cost grows with the example, never with the tables; scratch buffers grow to the largest
/// example and are reused, so a step allocates nothing. One instance per training worker.
/// </summary>
public sealed class TripletLoss(EmbeddingModel model)
{
    private readonly ModelConfig _config = model.Config;
    private readonly int _d = 2 * model.F;
    private readonly int _stride = PaddedRows.Stride(2 * model.F);
    private int[] _ids = [];
    private float[] _e = [];       // rows x stride: representations
    private float[] _de = [];      // rows x stride: their gradients
    private float[] _dots = [];    // (m + o) x n: candidate . context item, then its weight in the backward pass
    private float[] _contextWeights = []; // n x (m + o): the same weights, by context item
    private float[] _gram = [];    // count x count: a Gram block, then its gradient coefficients
    private float[] _aff = [];     // m + o affinities (next first, then negatives)
    private float[] _dAff = [];

    private int _n, _m, _o;

    /// <summary>Takes the example for <see cref="Compute"/> and returns its tracks (context, next,
    /// negatives): every table row it will read is a row of one of them.</summary>
    public ReadOnlySpan<int> Take(ReadOnlySpan<int> context, ReadOnlySpan<int> next, ReadOnlySpan<int> negatives)
    {
        if (context.Length == 0 || next.Length == 0 || negatives.Length == 0)
            throw new ArgumentException("an example needs context, next and negative tracks");
        (_n, _m, _o) = (context.Length, next.Length, negatives.Length);
        int rows = _n + _m + _o;
        EnsureCapacity(rows, _n, Math.Max(_n, Math.Max(_m, _o)));
        context.CopyTo(_ids);
        next.CopyTo(_ids.AsSpan(_n));
        negatives.CopyTo(_ids.AsSpan(_n + _m));
        // Which rows a track uses is itself a scattered lookup: start all of them before the first.
        for (int r = 0; r < rows; r++)
            model.PrefetchRowsOf(_ids[r]);
        return _ids.AsSpan(0, rows);
    }

    /// <summary>
    /// Returns the weighted loss of the taken example and sets <paramref name="gradients"/> to its
    /// gradient (cleared first).
    /// </summary>
    public float Compute(ModelGradients gradients)
    {
        int n = _n, m = _m, o = _o, rows = n + m + o;
        for (int r = 0; r < rows; r++)
            model.Represent(_ids[r], Row(_e, r));
        _de.AsSpan(0, rows * _stride).Clear();

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

        gradients.Clear();
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
        var context = Block(_e, 0, n);
        for (int x = 0; x < candidates; x++)
        {
            var dots = _dots.AsSpan(x * n, n);
            PaddedRows.Dots(Padded(_e, n + x), context, _stride, dots);
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

        // Back through the aggregation over the context (the bonuses are constants): w[x, i], the
        // share of dAff[x] that flows through <e_x, c_i>, sends w c_i to candidate x and w e_x to c_i.
        var contextWeights = _contextWeights.AsSpan(0, n * candidates);
        for (int x = 0; x < candidates; x++)
        {
            float g = _dAff[x];
            var weights = _dots.AsSpan(x * n, n);
            if (_config.Aggregation == Aggregation.Max)
            {
                float best = TensorPrimitives.Max(weights);
                int ties = 0;
                foreach (float s in weights) if (s == best) ties++;
                float share = g / ties;
                for (int i = 0; i < n; i++)
                    weights[i] = weights[i] == best ? share : 0;
            }
            else
                weights.Fill(g / n);
            for (int i = 0; i < n; i++)
                contextWeights[i * candidates + x] = weights[i];
            if (g != 0)
                PaddedRows.AddWeighted(weights, context, _stride, Padded(_de, n + x));
        }
        var candidateRows = Block(_e, n, candidates);
        for (int i = 0; i < n; i++)
            PaddedRows.AddWeighted(contextWeights.Slice(i * candidates, candidates), candidateRows, _stride, Padded(_de, i));
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
    /// computed once and counted twice. The gradient of row i is <c>sum_j c_ij e_j</c> with
    /// <c>c_ij = 2 scale slope</c> where entry (i, j) is active, else 0: an off-diagonal entry and its
    /// mirror each contribute the other row once, a diagonal entry contributes twice the row.
    /// </summary>
    private float SelfAffinity(int first, int count, float offset, float slope, float weight)
    {
        float scale = weight / ((float)count * count);
        float factor = 2 * scale * slope;
        var coefficients = _gram.AsSpan(0, count * count);
        float sum = 0;
        for (int i = 0; i < count; i++)
        {
            var upper = coefficients.Slice(i * count + i, count - i);
            PaddedRows.Dots(Padded(_e, first + i), Block(_e, first + i, count - i), _stride, upper);
            for (int j = 0; j < upper.Length; j++)
            {
                float v = offset + slope * upper[j];
                float c = 0;
                if (v > 0)
                {
                    sum += j == 0 ? v : 2 * v;
                    c = factor;
                }
                upper[j] = c;
                coefficients[(i + j) * count + i] = c;
            }
        }
        var rows = Block(_e, first, count);
        for (int i = 0; i < count; i++)
            PaddedRows.AddWeighted(coefficients.Slice(i * count, count), rows, _stride, Padded(_de, first + i));
        return scale * sum;
    }

    /// <summary>The 2F values of a row, without its padding.</summary>
    private Span<float> Row(float[] buffer, int row) => buffer.AsSpan(row * _stride, _d);

    private Span<float> Padded(float[] buffer, int row) => buffer.AsSpan(row * _stride, _stride);

    private Span<float> Block(float[] buffer, int first, int count) => buffer.AsSpan(first * _stride, count * _stride);

    /// <summary>Grows the buffers to an example of <paramref name="rows"/> rows, <paramref name="n"/>
    /// of them context, whose largest Gram block is <paramref name="block"/> rows.</summary>
    private void EnsureCapacity(int rows, int n, int block)
    {
        if (_ids.Length < rows || _dots.Length < rows * n)
        {
            int capacity = Math.Max(rows, 2 * _ids.Length);
            _ids = new int[capacity];
            _e = new float[capacity * _stride];
            _de = new float[capacity * _stride];
            _aff = new float[capacity];
            _dAff = new float[capacity];
            _dots = new float[capacity * n];
            _contextWeights = new float[capacity * n];
        }
        if (_gram.Length < block * block)
            _gram = new float[Math.Max(block * block, 2 * _gram.Length)];
    }
}
