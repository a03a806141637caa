using Segue.Data;
using Segue.Structures;

namespace Segue.Evaluation;

/// <summary>How a challenge category shows a playlist: the shortest playlist it can be cut from,
/// and which positions are its seeds.</summary>
public static class ChallengeSeeds
{
    /// <summary>The fewest tracks a playlist of any category has: what the synthetic challenge draws.</summary>
    public const int MinLength = 10;

    /// <summary>The fewest tracks a playlist of <paramref name="category"/> needs: at least
    /// <see cref="MinLength"/>, and one more than its seeds, so that a track is left to find.</summary>
    public static int MinLengthOf(ChallengeCategory category) => Math.Max(MinLength, category.Seeds + 1);

    /// <summary>The seeds' positions (ascending) in a playlist of <paramref name="length"/> tracks:
    /// the first ones, or a uniform sample drawn with <paramref name="rng"/> (a partial shuffle).</summary>
    public static int[] Positions(ChallengeCategory category, int length, Rng rng)
    {
        var positions = Enumerable.Range(0, length).ToArray();
        if (category.RandomSeeds)
            for (int i = 0; i < category.Seeds; i++)
            {
                int j = i + rng.NextInt(positions.Length - i);
                (positions[i], positions[j]) = (positions[j], positions[i]);
            }
        var seeds = positions[..category.Seeds];
        Array.Sort(seeds);
        return seeds;
    }
}
