namespace Segue.Data;

/// <summary>
/// One of the ten RecSys Challenge 2018 categories: how many seed tracks a challenge playlist
/// gives, whether it gives its title, and whether the seeds are its first tracks or a random
/// sample of them; and how many of a challenge set's playlists each category gets.
/// </summary>
public sealed record ChallengeCategory(int Number, int Seeds, bool HasTitle, bool RandomSeeds)
{
    /// <summary>How many categories <see cref="All"/> holds, as a constant for settings' ranges.</summary>
    public const int Count = 10;

    /// <summary>Categories 1..10 in the challenge's order.</summary>
    public static IReadOnlyList<ChallengeCategory> All { get; } =
    [
        new(1, 0, true, false),
        new(2, 1, true, false),
        new(3, 5, true, false),
        new(4, 5, false, false),
        new(5, 10, true, false),
        new(6, 10, false, false),
        new(7, 25, true, false),
        new(8, 25, true, true),
        new(9, 100, true, false),
        new(10, 100, true, true),
    ];

    /// <summary>The category of number 1..10.</summary>
    public static ChallengeCategory Get(int number) => All[number - 1];

    /// <summary>How many of <paramref name="count"/> challenge playlists are in this category: the
    /// categories take equal consecutive blocks in their order, as the challenge set does, some
    /// one longer than others when <paramref name="count"/> is not a multiple of ten.</summary>
    public int Quota(int count) => BlockEnd(Number, count) - BlockEnd(Number - 1, count);

    /// <summary>The category of the <paramref name="index"/>-th of <paramref name="count"/> challenge
    /// playlists, in the blocks that <see cref="Quota"/> counts.</summary>
    public static ChallengeCategory At(int index, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, count);
        int number = 1;
        while (index >= BlockEnd(number, count)) number++;
        return Get(number);
    }

    // The first k categories hold k tenths of the playlists, rounded down.
    private static int BlockEnd(int number, int count) => (int)((long)number * count / Count);

    public override string ToString() =>
        (HasTitle ? "title" : "no title") + (Seeds == 0 ? " only" : $", {(RandomSeeds ? "random" : "first")} {Seeds}");
}
