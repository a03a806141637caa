using Segue.Structures;

namespace Segue.Data;

/// <summary>How a challenge category shows a playlist: the shortest playlist it can be cut from,
/// and which positions are its seeds. <c>segue challenge</c>, the validation split and the
/// synthetic challenge set all draw their seeds here.</summary>
public static class ChallengeSeeds
{
    /// <summary>The fewest tracks a playlist cut or drawn from a dataset has, whatever its category.</summary>
    public const int MinLength = 10;

    /// <summary>The fewest tracks a playlist of <paramref name="category"/> needs: at least
    /// <paramref name="floor"/>, and one more than its seeds, so that a track is left to find.</summary>
    public static int MinLengthOf(ChallengeCategory category, int floor = MinLength) => Math.Max(floor, category.Seeds + 1);

    /// <summary>The seeds' positions (ascending) in a playlist of <paramref name="length"/> tracks:
    /// the first ones, or a uniform sample drawn from <paramref name="random"/> (a partial shuffle).</summary>
    public static int[] Positions<TRandom>(ChallengeCategory category, int length, ref TRandom random) where TRandom : IUniformInts
    {
        var positions = Enumerable.Range(0, length).ToArray();
        if (category.RandomSeeds)
            for (int i = 0; i < category.Seeds; i++)
            {
                int j = i + random.NextInt(positions.Length - i);
                (positions[i], positions[j]) = (positions[j], positions[i]);
            }
        var seeds = positions[..category.Seeds];
        Array.Sort(seeds);
        return seeds;
    }
}
