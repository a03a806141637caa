using Segue.Data;
using Segue.Retrieval;
using Segue.Structures;

namespace Segue.Evaluation;

/// <summary>
/// A validation split that mirrors the RecSys Challenge, drawn from a dataset's training split:
/// cases in the ten challenge categories (equal consecutive blocks, as the challenge set orders
/// them), each from a playlist long enough to withhold a track after its seeds
/// (<see cref="ChallengeSeeds.MinLengthOf"/>), random-seed categories
/// seeded by a uniform sample of positions (a case's <see cref="EvalCase.SeedOrder"/> follows from
/// the positions drawn, as a challenge set's follows from its <c>pos</c>).
/// <para>The validation playlists fall in <see cref="Folds"/> of at most <see cref="MaxFoldShare"/>
/// of the training split, and a fold's cases are scored with statistics built from the training
/// split without that fold. So no statistic a case sees counts a track it withholds (nor its own
/// seeds, which would make it its own nearest neighbour), every statistic holds at least four
/// fifths of what a served ranker's holds (so features are distributed as they will be when
/// serving), and a track's statistics are the same in every case of a fold, whether the case's
/// playlist holds it or not. (Leaving out each case's playlist alone, from statistics of every
/// training playlist, lowers a track's counts by one exactly when the case holds it: trees that
/// recognise a track by its counts learn the label from that.)</para>
/// <para>A playlist gives one case while enough playlists are left; on a small dataset the
/// categories a playlist has not served yet draw on it again, so the cases do not run out. Every
/// <c>keepOutEvery</c>-th validation playlist, with all its cases, is kept out of the fit to
/// measure it. The dataset's held-out split is not touched.</para>
/// </summary>
public sealed class ValidationSplit
{
    /// <summary>The largest share of the training playlists in one fold.</summary>
    public const double MaxFoldShare = 0.2;

    private ValidationSplit(IReadOnlyList<ValidationFold> folds, int[] playlists)
    {
        Folds = folds;
        Playlists = playlists;
    }

    /// <summary>The folds, each with its statistics' playlists and its cases.</summary>
    public IReadOnlyList<ValidationFold> Folds { get; }
    /// <summary>The distinct validation playlists (dataset indices), in the order first drawn.</summary>
    public IReadOnlyList<int> Playlists { get; }

    /// <summary>The cases the ranker learns from, fold by fold.</summary>
    public IEnumerable<EvalCase> FitCases => Folds.SelectMany(f => f.FitCases);
    /// <summary>The cases kept out of the fit, fold by fold.</summary>
    public IEnumerable<EvalCase> KeptOutCases => Folds.SelectMany(f => f.KeptOutCases);

    /// <summary>Draws <paramref name="count"/> cases (fewer when the training split has too few
    /// playlists long enough) with a seeded shuffle of the training split.</summary>
    public static ValidationSplit Build(Dataset dataset, int count, int keepOutEvery, ulong seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        ArgumentOutOfRangeException.ThrowIfLessThan(keepOutEvery, 2);
        var rng = new Rng(seed);
        var order = dataset.TrainPlaylists.ToArray();
        rng.Shuffle(order);
        var categories = ChallengeCategory.All;
        var served = new ushort[dataset.PlaylistCount];     // a bit per category the playlist gave a case in
        var drawn = new Dictionary<int, int>();              // playlist -> its place among the validation playlists
        var cases = new List<(EvalCase Case, int Playlist)>[categories.Count];
        for (int c = 0; c < categories.Count; c++) cases[c] = [];
        // First each playlist once; then, for categories still short, playlists drawn for others.
        foreach (bool again in (ReadOnlySpan<bool>)[false, true])
            for (int c = 0; c < categories.Count; c++)
            {
                var category = categories[c];
                int minLength = ChallengeSeeds.MinLengthOf(category), wanted = category.Quota(count);
                for (int i = 0; i < order.Length && cases[c].Count < wanted; i++)
                {
                    int p = order[i];
                    var tracks = dataset.PlaylistTracks(p);
                    if (tracks.Length < minLength || (again ? (served[p] & (1 << c)) != 0 : served[p] != 0)) continue;
                    served[p] |= (ushort)(1 << c);
                    drawn.TryAdd(p, drawn.Count);
                    cases[c].Add((MakeCase(dataset, p, category, tracks, rng), p));
                }
            }

        var playlists = drawn.OrderBy(d => d.Value).Select(d => d.Key).ToArray();
        int foldCount = Math.Max(1, (int)Math.Ceiling(playlists.Length / (MaxFoldShare * Math.Max(1, order.Length))));
        // Blocks of keepOutEvery playlists go round the folds, so each fold keeps some out.
        int FoldOf(int playlist) => drawn[playlist] / keepOutEvery % foldCount;
        bool KeptOut(int playlist) => drawn[playlist] % keepOutEvery == keepOutEvery - 1;
        var all = cases.SelectMany(c => c).ToList();
        var folds = new List<ValidationFold>();
        for (int f = 0; f < foldCount; f++)
        {
            var members = playlists.Where(p => FoldOf(p) == f).Order().ToArray();
            if (members.Length == 0) continue;
            var inFold = new HashSet<int>(members);
            folds.Add(new ValidationFold(members, [.. dataset.TrainPlaylists.ToArray().Where(p => !inFold.Contains(p))],
                [.. all.Where(c => FoldOf(c.Playlist) == f && !KeptOut(c.Playlist)).Select(c => c.Case)],
                [.. all.Where(c => FoldOf(c.Playlist) == f && KeptOut(c.Playlist)).Select(c => c.Case)]));
        }
        return new ValidationSplit(folds, playlists);
    }

    private static EvalCase MakeCase(Dataset dataset, int playlist, ChallengeCategory category, ReadOnlySpan<int> tracks, Rng rng)
    {
        var seedPositions = ChallengeSeeds.Positions(category, tracks.Length, ref rng);
        var isSeed = new bool[tracks.Length];
        foreach (int pos in seedPositions) isSeed[pos] = true;
        var seeds = new int[seedPositions.Length];
        for (int i = 0; i < seeds.Length; i++) seeds[i] = tracks[seedPositions[i]];
        var withheld = new List<int>();
        for (int pos = 0; pos < tracks.Length; pos++)
            if (!isSeed[pos]) withheld.Add(tracks[pos]);
        return new EvalCase(dataset.Pids[playlist], category.Number, seeds, [.. withheld],
            category.HasTitle ? dataset.PlaylistName(playlist) : null, SeedOrder.Of(seedPositions), seedPositions);
    }
}
