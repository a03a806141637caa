namespace Segue.Data.Synth;

/// <summary>
/// Heavy-tailed choice of a rank in [0, n): density proportional to (x + offset)^-exponent,
/// sampled by inverting its CDF in closed form (no tables, so one law serves a catalogue of any
/// size). The offset flattens the very head; the exponent sets how fast popularity decays.
/// </summary>
internal readonly struct PowerLaw
{
    private readonly double _offset;
    private readonly double _oneMinus;     // 1 - exponent, never 0
    private readonly double _offsetPow;    // offset^(1 - exponent)

    public PowerLaw(double exponent, double offset)
    {
        if (Math.Abs(exponent - 1.0) < 1e-6) exponent = 1.0 + 1e-6;
        _offset = offset;
        _oneMinus = 1.0 - exponent;
        _offsetPow = Math.Pow(offset, _oneMinus);
    }

    public int Sample(ref SynthRandom random, int n)
    {
        if (n <= 1) return 0;
        double end = Math.Pow(n + _offset, _oneMinus);
        double x = Math.Pow(_offsetPow + random.NextDouble() * (end - _offsetPow), 1.0 / _oneMinus) - _offset;
        return Math.Clamp((int)x, 0, n - 1);
    }
}
