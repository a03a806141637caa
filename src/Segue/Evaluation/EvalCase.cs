using Segue.Retrieval;

namespace Segue.Evaluation;

/// <summary>
/// One playlist to continue: the seed tracks a recommender sees (dataset track ids, in playlist
/// order; may be empty) and its title, and the withheld tracks it should find, in order and with
/// repeats (the book's recall divides by their count). A withheld id below 0 stands for a track the
/// dataset does not know (from a challenge truth file): it counts in |G| but can never be found.
/// <paramref name="Category"/> is the challenge category, 0 for none. <paramref name="SeedOrder"/>
/// says whether the seeds are the playlist's first tracks or a sample of it, and
/// <paramref name="SeedPositions"/> where each stands (null: 0, 1, ...).
/// </summary>
public sealed record EvalCase(int Pid, int Category, int[] Seeds, int[] Withheld, string? Title, SeedOrder SeedOrder, int[]? SeedPositions = null)
{
    /// <summary>The case as a recommender sees it.</summary>
    public PlaylistQuery Query => new(Seeds, Title, SeedOrder, SeedPositions);
}
