using Segue.Data;
using Segue.Model;
using Segue.Retrieval;

namespace Segue.Evaluation;

/// <summary>
/// A validation split that mirrors the RecSys Challenge, drawn from a dataset's training split:
/// cases in the ten challenge categories (equal consecutive blocks, as the challenge set orders
/// them), each from a playlist long enough to withhold a track after its seeds (at least
/// <see cref="MinLength"/> tracks, as the synthetic challenge draws them), random-seed categories
/// seeded by a uniform sample of positions (a case's <see cref="EvalCase.SeedOrder"/> follows from
/// the positions drawn, as a challenge set's follows from its <c>pos</c>). The validation
/// playlists are taken out of the training playlists whole, so no statistic built from
/// <see cref="TrainingPlaylists"/> counts a withheld track (nor a case's own seeds, which would
/// make it its own nearest neighbour). The dataset's held-out split is not touched.
/// </summary>
public sealed class ValidationSplit
{
    public const int MinLength = 10;

    private ValidationSplit(IReadOnlyList<EvalCase> cases, int[] playlists, int[] training)
    {
        Cases = cases;
        Playlists = playlists;
        TrainingPlaylists = training;
    }

    /// <summary>The validation cases, category by category.</summary>
    public IReadOnlyList<EvalCase> Cases { get; }
    /// <summary>The dataset playlist of each case.</summary>
    public IReadOnlyList<int> Playlists { get; }
    /// <summary>The training split without the validation playlists, ascending: what generators and
    /// features may count.</summary>
    public int[] TrainingPlaylists { get; }

    /// <summary>Draws <paramref name="count"/> cases (fewer when the training split has too few
    /// playlists long enough) with a seeded shuffle of the training split.</summary>
    public static ValidationSplit Build(Dataset dataset, int count, ulong seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var rng = new Rng(seed);
        var order = dataset.TrainPlaylists.ToArray();
        for (int i = order.Length - 1; i > 0; i--)
        {
            int j = rng.NextInt(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }
        var taken = new bool[dataset.PlaylistCount];
        var cases = new List<EvalCase>();
        var playlists = new List<int>();
        var categories = ChallengeCategory.All;
        for (int c = 0; c < categories.Count; c++)
        {
            var category = categories[c];
            int want = (int)((long)(c + 1) * count / categories.Count - (long)c * count / categories.Count);
            int minLength = Math.Max(MinLength, category.Seeds + 1);
            for (int i = 0; i < order.Length && want > 0; i++)
            {
                int p = order[i];
                var tracks = dataset.PlaylistTracks(p);
                if (taken[p] || tracks.Length < minLength) continue;
                taken[p] = true;
                want--;
                playlists.Add(p);
                cases.Add(MakeCase(dataset, p, category, tracks, rng));
            }
        }
        var training = dataset.TrainPlaylists.ToArray().Where(p => !taken[p]).ToArray();
        return new ValidationSplit(cases, [.. playlists], training);
    }

    private static EvalCase MakeCase(Dataset dataset, int playlist, ChallengeCategory category, ReadOnlySpan<int> tracks, Rng rng)
    {
        var positions = Enumerable.Range(0, tracks.Length).ToArray();
        if (category.RandomSeeds)
            for (int i = 0; i < category.Seeds; i++)
            {
                int j = i + rng.NextInt(positions.Length - i);
                (positions[i], positions[j]) = (positions[j], positions[i]);
            }
        var seedPositions = positions[..category.Seeds];
        Array.Sort(seedPositions);
        var isSeed = new bool[tracks.Length];
        foreach (int pos in seedPositions) isSeed[pos] = true;
        var seeds = new int[seedPositions.Length];
        for (int i = 0; i < seeds.Length; i++) seeds[i] = tracks[seedPositions[i]];
        var withheld = new List<int>();
        for (int pos = 0; pos < tracks.Length; pos++)
            if (!isSeed[pos]) withheld.Add(tracks[pos]);
        return new EvalCase(dataset.Pids[playlist], category.Number, seeds, [.. withheld],
            category.HasTitle ? dataset.PlaylistName(playlist) : null, SeedOrder.Of(seedPositions));
    }
}
