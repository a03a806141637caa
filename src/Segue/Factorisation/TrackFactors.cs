using Segue.IO;

namespace Segue.Factorisation;

/// <summary>
/// The track side of a fitted <see cref="ImplicitAls"/> factorisation: one k-vector per dataset
/// track (0 for a track no training playlist holds), with the settings a fold-in needs. Immutable
/// and shared by all threads. A playlist is represented by folding it in: the exact least-squares
/// solution of its row's system given these factors, as if it had been a training playlist.
/// </summary>
public sealed class TrackFactors
{
    public const string FileName = "track_factors.npy";
    private readonly float[] _values;
    private readonly float[] _gram;

    public TrackFactors(float[] values, int trackCount, int k, float alpha, float regularization, int threads = 1)
    {
        if (values.Length != (long)trackCount * k) throw new ArgumentException($"{values.Length} values for {trackCount} x {k}");
        _values = values;
        TrackCount = trackCount;
        K = k;
        Alpha = alpha;
        Regularization = regularization;
        _gram = ImplicitAls.Gram(values, k, regularization, threads);
    }

    public int TrackCount { get; }
    /// <summary>The number of factors.</summary>
    public int K { get; }
    public float Alpha { get; }
    public float Regularization { get; }

    public ReadOnlySpan<float> Row(int track) => _values.AsSpan(track * K, K);

    /// <summary>All rows, track by track.</summary>
    public ReadOnlySpan<float> Values => _values;

    /// <summary>
    /// The factors <paramref name="x"/> of a playlist holding <paramref name="distinctSeeds"/>: the
    /// solution of <c>(Y^T Y + lambda I + alpha sum_s y_s y_s^T) x = (1 + alpha) sum_s y_s</c>, by
    /// Cholesky in double precision in the caller's scratch (<paramref name="matrix"/> k x k,
    /// <paramref name="vector"/> k). Each seed must appear once. A system that rounding leaves
    /// without a Cholesky factor (a regularisation tiny beside factors of little rank) gives 0, as
    /// for a playlist no training playlist shares a seed with: a query is answered, not failed.
    /// </summary>
    public void FoldIn(ReadOnlySpan<int> distinctSeeds, Span<float> x, Span<double> matrix, Span<double> vector)
    {
        int k = K;
        for (int i = 0; i < k * k; i++) matrix[i] = _gram[i];
        vector[..k].Clear();
        foreach (int s in distinctSeeds)
        {
            var y = Row(s);
            for (int j = 0; j < k; j++)
            {
                double yj = y[j];
                if (yj == 0) continue;
                vector[j] += (1 + Alpha) * yj;
                var row = matrix.Slice(j * k, k);
                for (int m = 0; m < k; m++) row[m] += Alpha * yj * y[m];
            }
        }
        if (!Cholesky.TrySolve(matrix[..(k * k)], vector[..k], k))
        {
            x[..k].Clear();
            return;
        }
        for (int j = 0; j < k; j++) x[j] = (float)vector[j];
    }

    /// <summary>Writes the factors as a float32 .npy matrix (tracks x k), atomically.</summary>
    public void Save(string path) => NpyFile.Write(path, _values, TrackCount, K);

    /// <summary>Reads factors saved by <see cref="Save"/> for a dataset of <paramref name="trackCount"/>
    /// tracks, refusing any other shape and any value beyond <see cref="MaxMagnitude"/>.</summary>
    public static TrackFactors Load(string path, int trackCount, int k, float alpha, float regularization, int threads = 1)
    {
        var values = NpyFile.Read(path, trackCount, k);
        if (FirstOutOfRange(values, k) is { } bad) throw new SegueException($"{path}: {bad}; the file is damaged");
        return new TrackFactors(values, trackCount, k, alpha, regularization, threads);
    }

    /// <summary>The largest factor a fit writes and a ranker reads: far above what regularised ALS
    /// gives (a few units at most), far below what would overflow the float sums of
    /// <c>Y^T Y</c> over millions of tracks.</summary>
    public const float MaxMagnitude = 1000;

    /// <summary>The first value of the row-major factors (<paramref name="k"/> wide) that is not a
    /// number within <see cref="MaxMagnitude"/>, in words; null when there is none.</summary>
    internal static string? FirstOutOfRange(ReadOnlySpan<float> values, int k)
    {
        for (int i = 0; i < values.Length; i++)
            if (!(Math.Abs(values[i]) <= MaxMagnitude))
                return FormattableString.Invariant($"track {i / k}: factor {i % k} is {values[i]}, not a number within ±{MaxMagnitude}");
        return null;
    }
}
