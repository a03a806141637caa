using Segue.Structures;

namespace Segue.Data.Synth;

/// <summary>
/// SplitMix64: a tiny, fast generator whose streams are cheap to derive from (seed, stream,
/// index), so each slice and each catalogue entity gets its own randomness and the output does
/// not depend on the order or the threads that produce it.
/// </summary>
internal struct SynthRandom : IUniformInts
{
    private ulong _state;

    public SynthRandom(ulong state) => _state = state;

    /// <summary>A generator for one independent stream, e.g. (seed, Streams.Slice, slice index).</summary>
    public static SynthRandom For(long seed, ulong stream, long index) =>
        new(Hash((ulong)seed, stream, (ulong)index));

    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    public static ulong Hash(ulong a, ulong b, ulong c) =>
        Mix(Mix(Mix(a + 0x9E3779B97F4A7C15UL) ^ b) + c);

    public ulong NextULong() => Mix(_state += 0x9E3779B97F4A7C15UL);

    /// <summary>Uniform in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextULong() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [0, n) by multiply-shift (bias below 2^-32 for our n).</summary>
    public int NextInt(int n) => (int)(((NextULong() >> 32) * (ulong)n) >> 32);

    public bool Chance(double p) => NextDouble() < p;

    public double NextGaussian()
    {
        // Box-Muller; 1 - u keeps the logarithm's argument in (0, 1].
        double u = 1.0 - NextDouble(), v = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u)) * Math.Cos(2.0 * Math.PI * v);
    }

    /// <summary>Streams of randomness; new streams get new numbers so old outputs keep their bytes.</summary>
    public static class Streams
    {
        public const ulong Catalogue = 1, Slice = 2, Challenge = 3, Names = 4, Uris = 5, Durations = 6;
    }
}
