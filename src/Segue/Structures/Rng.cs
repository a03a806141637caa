namespace Segue.Structures;

/// <summary>
/// xoshiro256** seeded through SplitMix64: small, fast, and its whole state is four words that
/// a checkpoint can save, which <see cref="Random"/> does not allow. Same seed, same stream,
/// on every machine.
/// </summary>
public sealed class Rng : IUniformInts
{
    private ulong _s0, _s1, _s2, _s3;

    public Rng(ulong seed)
    {
        ulong x = seed;
        _s0 = SplitMix64(ref x);
        _s1 = SplitMix64(ref x);
        _s2 = SplitMix64(ref x);
        _s3 = SplitMix64(ref x);
    }

    private Rng(ulong[] state) => State = state;

    public static Rng FromState(ulong[] state) => new(state);

    /// <summary>The four state words, to save and restore the stream exactly.</summary>
    public ulong[] State
    {
        get => [_s0, _s1, _s2, _s3];
        private init
        {
            if (value.Length != 4 || (value[0] | value[1] | value[2] | value[3]) == 0)
                throw new ArgumentException("an xoshiro256** state is four words, not all zero");
            (_s0, _s1, _s2, _s3) = (value[0], value[1], value[2], value[3]);
        }
    }

    public ulong NextUInt64()
    {
        ulong result = ulong.RotateLeft(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = ulong.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, n), unbiased (Lemire's multiply-and-reject).</summary>
    public int NextInt(int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(n);
        ulong range = (ulong)n;
        ulong hi = Math.BigMul(NextUInt64(), range, out ulong lo);
        if (lo < range)
        {
            ulong threshold = (0 - range) % range;
            while (lo < threshold)
                hi = Math.BigMul(NextUInt64(), range, out lo);
        }
        return (int)hi;
    }

    /// <summary>Shuffles <paramref name="items"/> in place (Fisher-Yates, from the last item down).</summary>
    public void Shuffle(Span<int> items)
    {
        for (int i = items.Length - 1; i > 0; i--)
        {
            int j = NextInt(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    /// <summary>Uniform in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Standard normal (Box-Muller; one of the pair is discarded so the state stays four words).</summary>
    public double NextGaussian()
    {
        double u = 1.0 - NextDouble(); // (0, 1]: the log stays finite
        double v = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u)) * Math.Cos(2.0 * Math.PI * v);
    }

    private static ulong SplitMix64(ref ulong x)
    {
        ulong z = x += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
