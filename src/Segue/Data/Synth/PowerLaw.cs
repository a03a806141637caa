namespace Segue.Data.Synth;

/// <summary>
/// Heavy-tailed choice of a rank in [0, n): density proportional to (x + offset)^-exponent.
/// Large n are sampled by inverting the CDF in closed form (no tables, so one law serves a
/// catalogue of any size); small n, the albums of an artist and the tracks of an album, by a
/// short scan of a precomputed CDF, which saves the two powers on the hot path.
/// </summary>
internal sealed class PowerLaw
{
    private const int MaxTabulated = 64;

    private readonly double _offset;
    private readonly double _oneMinus;     // 1 - exponent, never 0
    private readonly double _offsetPow;    // offset^(1 - exponent)
    /// <summary>CDF of the law on [0, n) at _cdfStart[n] .. _cdfStart[n] + n - 1, for n up to MaxTabulated.</summary>
    private readonly double[] _cdf;

    public PowerLaw(double exponent, double offset)
    {
        if (Math.Abs(exponent - 1.0) < 1e-6) exponent = 1.0 + 1e-6;
        _offset = offset;
        _oneMinus = 1.0 - exponent;
        _offsetPow = Math.Pow(offset, _oneMinus);
        _cdf = new double[MaxTabulated * (MaxTabulated + 1) / 2];
        for (int n = 1; n <= MaxTabulated; n++)
        {
            var cdf = _cdf.AsSpan(Start(n), n);
            double end = Math.Pow(n + offset, _oneMinus);
            for (int r = 0; r < n; r++)
                cdf[r] = (Math.Pow(r + 1 + offset, _oneMinus) - _offsetPow) / (end - _offsetPow);
        }
    }

    public int Sample(ref SynthRandom random, int n)
    {
        double u = random.NextDouble();
        if (n <= MaxTabulated)
        {
            var cdf = _cdf.AsSpan(Start(n), n);
            int r = 0;
            while (r < n - 1 && cdf[r] <= u) r++;
            return r;
        }
        double endPow = Math.Pow(n + _offset, _oneMinus);
        double x = Math.Pow(_offsetPow + u * (endPow - _offsetPow), 1.0 / _oneMinus) - _offset;
        return Math.Clamp((int)x, 0, n - 1);
    }

    private static int Start(int n) => n * (n - 1) / 2;
}
