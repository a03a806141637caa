using System.Numerics.Tensors;
using Segue.Data;
using Segue.Statistics;
using Segue.Structures;

namespace Segue.Factorisation;

/// <summary>
/// Weighted matrix factorisation for implicit feedback (Hu, Koren and Volinsky 2008; vl6's WRMF):
/// playlist factors X and track factors Y minimise, over every (playlist u, track i) pair,
/// <c>c_ui (p_ui - x_u . y_i)^2 + lambda (|X|^2 + |Y|^2)</c>, where p_ui is 1 when u holds i and 0
/// otherwise, and the confidence c_ui is 1 + alpha for a held track and 1 otherwise.
/// <para>Alternating least squares: each half-iteration solves every row of one side with the other
/// side fixed. A row's system is <c>(G + alpha sum_i y_i y_i^T) x = (1 + alpha) sum_i y_i</c> over
/// the row's tracks (or playlists), with <c>G = Y^T Y + lambda I</c> shared by all rows; it is
/// solved approximately by a few conjugate-gradient steps from the row's current value (Takács,
/// Pilászy and Tikk 2011), which costs O(nnz k) per half-iteration instead of O(nnz k^2 + n k^3).</para>
/// <para>Rows are independent given the other side and G is summed over fixed chunks in a fixed
/// order, so a seed gives the same factors on any number of threads.</para>
/// </summary>
public static class ImplicitAls
{
    public const int ConjugateGradientSteps = 3;
    private const int GramChunk = 4096, SolveChunk = 256;
    private const float InitialScale = 0.01f;

    /// <summary>Factorises the playlists of <paramref name="index"/> (a training split, or part of it)
    /// and returns the track factors; the playlist factors are only a means to them (a query folds
    /// its own in, <see cref="TrackFactors.FoldIn"/>).</summary>
    public static TrackFactors Fit(TrainingStatistics statistics, AlsSettings settings, int threads, IProgressSink? progress = null) =>
        Fit(TracksByPlaylist(statistics.Dataset, statistics.Index), statistics.Index, settings, threads, progress, ConjugateGradientSteps, out _);

    /// <summary>The distinct tracks of every playlist, ascending: the rows of the playlist side.</summary>
    internal static InvertedIndex TracksByPlaylist(Dataset dataset, TrackPlaylistIndex index) =>
        InvertedIndex.Build(dataset.PlaylistCount, Enumerable.Range(0, index.TrackCount).ToArray(), index.Playlists);

    /// <summary>The fit with its playlist factors and conjugate-gradient steps exposed (for the tests).</summary>
    internal static TrackFactors Fit(InvertedIndex tracksByPlaylist, TrackPlaylistIndex playlistsByTrack, AlsSettings settings,
        int threads, IProgressSink? progress, int steps, out float[] playlistFactors)
    {
        settings.Validate();
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(threads);
        int k = settings.Factors;
        float alpha = settings.Alpha, lambda = settings.Regularization;
        var x = new float[(long)tracksByPlaylist.KeyCount * k];
        var y = new float[(long)playlistsByTrack.TrackCount * k];
        var rng = new Rng((ulong)settings.Seed);
        for (int t = 0; t < playlistsByTrack.TrackCount; t++)
            if (playlistsByTrack.Count(t) > 0)
                for (int f = 0; f < k; f++) y[(long)t * k + f] = (float)rng.NextGaussian() * InitialScale;
        using var task = (progress ?? Progress.None).Begin("factorise (ALS)", settings.Iterations);
        for (int iteration = 0; iteration < settings.Iterations; iteration++)
        {
            SolveSide(tracksByPlaylist.KeyCount, tracksByPlaylist.Items, x, y, k, alpha, lambda, threads, steps);
            SolveSide(playlistsByTrack.TrackCount, playlistsByTrack.Playlists, y, x, k, alpha, lambda, threads, steps);
            task.Increment(1);
        }
        // A ranker must be able to read back what it fitted.
        if (TrackFactors.FirstOutOfRange(y, k) is { } bad)
            throw new SegueException($"the factorisation diverged ({bad}): lower als_alpha or raise als_regularization");
        playlistFactors = x;
        return new TrackFactors(y, playlistsByTrack.TrackCount, k, alpha, lambda, threads);
    }

    private delegate ReadOnlySpan<int> RowItems(int row);

    // Solves every row of `target` against the fixed side; rows without items are 0, their exact solution.
    private static void SolveSide(int rows, RowItems items, float[] target, float[] fixedSide, int k, float alpha, float lambda,
        int threads, int steps)
    {
        var gram = Gram(fixedSide, k, lambda, threads);
        int chunks = (rows + SolveChunk - 1) / SolveChunk;
        Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = threads }, () => new float[3 * k], (chunk, _, scratch) =>
        {
            int end = Math.Min(rows, (chunk + 1) * SolveChunk);
            for (int row = chunk * SolveChunk; row < end; row++)
            {
                var solution = target.AsSpan((int)((long)row * k), k);
                var held = items(row);
                if (held.IsEmpty) solution.Clear();
                else SolveRow(held, solution, fixedSide, gram, k, alpha, steps, scratch);
            }
            return scratch;
        }, _ => { });
    }

    /// <summary>A few conjugate-gradient steps on one row's system, from its current value.</summary>
    internal static void SolveRow(ReadOnlySpan<int> held, Span<float> x, ReadOnlySpan<float> other, ReadOnlySpan<float> gram,
        int k, float alpha, int steps, Span<float> scratch)
    {
        var r = scratch[..k];
        var p = scratch.Slice(k, k);
        var ap = scratch.Slice(2 * k, k);
        // r = b - A x = -G x + sum_i ((1 + alpha) - alpha y_i.x) y_i
        Multiply(gram, x, r, k);
        TensorPrimitives.Negate(r, r);
        foreach (int i in held)
        {
            var yi = other.Slice(i * k, k);
            TensorPrimitives.MultiplyAdd(yi, 1 + alpha - alpha * TensorPrimitives.Dot(yi, x), r, r);
        }
        r.CopyTo(p);
        float rs = TensorPrimitives.Dot(r, r);
        for (int step = 0; step < steps && rs > 1e-20f; step++)
        {
            Multiply(gram, p, ap, k);
            foreach (int i in held)
            {
                var yi = other.Slice(i * k, k);
                TensorPrimitives.MultiplyAdd(yi, alpha * TensorPrimitives.Dot(yi, p), ap, ap);
            }
            float a = rs / TensorPrimitives.Dot(p, ap);
            TensorPrimitives.MultiplyAdd(p, a, x, x);
            TensorPrimitives.MultiplyAdd(ap, -a, r, r);
            float next = TensorPrimitives.Dot(r, r);
            TensorPrimitives.MultiplyAdd(p, next / rs, r, p);
            rs = next;
        }
    }

    private static void Multiply(ReadOnlySpan<float> matrix, ReadOnlySpan<float> v, Span<float> result, int k)
    {
        for (int j = 0; j < k; j++) result[j] = TensorPrimitives.Dot(matrix.Slice(j * k, k), v);
    }

    /// <summary><c>F^T F + lambda I</c> of the row-major factors <paramref name="factors"/> (k wide):
    /// chunks of rows summed in float in parallel, the chunks in double in their order.</summary>
    internal static float[] Gram(float[] factors, int k, float lambda, int threads)
    {
        long rows = factors.Length / k;
        int chunks = (int)((rows + GramChunk - 1) / GramChunk);
        var partial = new float[chunks][];
        Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = threads }, chunk =>
        {
            var sum = new float[k * k];
            long end = Math.Min(rows, (chunk + 1L) * GramChunk);
            for (long row = (long)chunk * GramChunk; row < end; row++)
            {
                var v = factors.AsSpan((int)(row * k), k);
                for (int j = 0; j < k; j++)
                    if (v[j] != 0) TensorPrimitives.MultiplyAdd(v, v[j], sum.AsSpan(j * k, k), sum.AsSpan(j * k, k));
            }
            partial[chunk] = sum;
        });
        var total = new double[k * k];
        foreach (var sum in partial)
            for (int i = 0; i < total.Length; i++) total[i] += sum[i];
        for (int j = 0; j < k; j++) total[j * k + j] += lambda;
        return [.. total.Select(v => (float)v)];
    }
}
