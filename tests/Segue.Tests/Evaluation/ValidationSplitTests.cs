using Segue.Data;
using Segue.Evaluation;
using Segue.Ranking;
using Segue.Retrieval;
using F = Segue.Ranking.RankingFeatures;
using Segue.Statistics;

namespace Segue.Tests.Evaluation;

public class ValidationSplitTests
{
    private static TrackRecord T(int n) => EvalDatasets.T(n, n / 5);

    /// <summary>Slice 0 (held out) lists every track once, so track ids are the numbers whatever
    /// the training playlists hold; slice 1 trains: random playlists, with titles from a few words.
    /// <paramref name="change"/> may rewrite a playlist (by pid) before it is added.</summary>
    private static string Write(TempDir dir, string name, Func<int, List<int>, List<int>>? change = null)
    {
        var random = new Random(3);
        var builder = new DatasetBuilder(testEvery: 2, testOffset: 0);
        builder.AddPlaylist(0, "catalogue", 0, [.. Enumerable.Range(0, 200).Select(T)]);
        string[] words = ["summer", "party", "chill", "rock", "gym"];
        for (int p = 1; p <= 400; p++)
        {
            int length = random.Next(5, 130);
            var tracks = Enumerable.Range(0, length).Select(_ => (int)(200 * Math.Pow(random.NextDouble(), 2))).ToList();
            string title = words[random.Next(words.Length)] + " " + words[random.Next(words.Length)];
            builder.AddPlaylist(p, title, 1, [.. (change?.Invoke(p, tracks) ?? tracks).Select(T)]);
        }
        string path = dir.File(name);
        builder.Write(path);
        return path;
    }

    [Fact]
    public void Cases_follow_the_challenge_categories_from_training_playlists()
    {
        using var dir = new TempDir();
        using var ds = Dataset.Open(Write(dir, "a.segue"));
        var split = ValidationSplit.Build(ds, 40, keepOutEvery: 5, seed: 5);
        var fold = Assert.Single(split.Folds);    // 40 of 200 playlists: at most a fifth, one fold
        var cases = split.FitCases.Concat(split.KeptOutCases).OrderBy(c => c.Category).ToList();
        Assert.Equal(Enumerable.Range(1, 10).SelectMany(c => Enumerable.Repeat(c, 4)), cases.Select(c => c.Category));
        var train = ds.TrainPlaylists.ToArray();
        var playlistOf = split.Playlists.ToDictionary(p => ds.Pids[p]);
        foreach (var c in cases)
        {
            var category = ChallengeCategory.Get(c.Category);
            int playlist = playlistOf[c.Pid];
            var tracks = ds.PlaylistTracks(playlist).ToArray();
            Assert.Contains(playlist, train);
            Assert.Equal(category.Seeds, c.Seeds.Length);
            Assert.Equal(tracks.Length - category.Seeds, c.Withheld.Length);
            Assert.Equal(category.HasTitle, c.Title is not null);
            if (!category.RandomSeeds) Assert.Equal(tracks[..category.Seeds], c.Seeds);
            // Seed 5 draws no random sample that happens to be the playlist's first tracks.
            Assert.Equal(category.RandomSeeds ? SeedOrder.Sampled : SeedOrder.First, c.SeedOrder);
            Assert.Equal(tracks.Order(), c.Seeds.Concat(c.Withheld).Order());
            Assert.DoesNotContain(playlist, fold.TrainingPlaylists);
        }
        Assert.Equal(40, split.Playlists.Count);
        Assert.Equal(train.Length - 40, fold.TrainingPlaylists.Length);
        // Every fifth validation playlist is kept out of the fit.
        Assert.Equal(split.Playlists.Where((_, i) => i % 5 == 4).Select(p => ds.Pids[p]).Order(), split.KeptOutCases.Select(c => c.Pid).Order());
    }

    [Fact]
    public void A_small_training_split_gives_each_playlist_to_several_categories_in_folds_of_a_fifth()
    {
        using var dir = new TempDir();
        using var ds = Dataset.Open(Write(dir, "a.segue"));
        var split = ValidationSplit.Build(ds, 1000, keepOutEvery: 5, seed: 5);
        var cases = split.FitCases.Concat(split.KeptOutCases).ToList();
        var train = ds.TrainPlaylists.ToArray();
        Assert.True(cases.Count > 2 * train.Length, $"{cases.Count} cases from {train.Length} playlists");
        // Never two cases of one category from one playlist, and no playlist both fitted and kept out.
        Assert.Equal(cases.Count, cases.Select(c => (c.Pid, c.Category)).Distinct().Count());
        Assert.Empty(split.FitCases.Select(c => c.Pid).Intersect(split.KeptOutCases.Select(c => c.Pid)));
        Assert.Equal(split.Playlists.Order(), split.Folds.SelectMany(f => f.Playlists).Order());
        Assert.Equal(5, split.Folds.Count);
        foreach (var fold in split.Folds)
        {
            Assert.InRange(fold.Playlists.Length, 1, ValidationSplit.MaxFoldShare * train.Length);
            Assert.Equal(train.Except(fold.Playlists), fold.TrainingPlaylists);
            var pids = fold.Playlists.Select(p => ds.Pids[p]).ToHashSet();
            Assert.All(fold.FitCases.Concat(fold.KeptOutCases), c => Assert.Contains(c.Pid, pids));
            Assert.NotEmpty(fold.KeptOutCases);
        }
    }

    [Theory]
    [InlineData(40)]      // one fold, a case per playlist
    [InlineData(1000)]    // five folds, several cases per playlist
    public void A_validation_case_own_withheld_tracks_change_none_of_its_features(int count)
    {
        using var dir = new TempDir();
        using var dsA = Dataset.Open(Write(dir, "a.segue"));
        var splitA = ValidationSplit.Build(dsA, count, keepOutEvery: 5, seed: 9);
        var settings = new GeneratorSettings { Als = new(Factors: 8) };
        // Title only, first 5, random 25 and first 100, each from another fold when there are several.
        foreach (var (k, f) in new[] { (1, 0), (3, 1), (8, 2), (9, 3) })
        {
            var foldA = splitA.Folds[f % splitA.Folds.Count];
            var c = foldA.FitCases.Concat(foldA.KeptOutCases).First(c => c.Category == k);
            var seeds = c.Seeds.ToHashSet();
            var random = new Random(11);
            string pathB = Write(dir, $"b{k}.segue", (pid, tracks) => pid != c.Pid ? tracks
                : [.. tracks.Select(t => seeds.Contains(t) ? t : NotIn(seeds, t, random))]);
            using var dsB = Dataset.Open(pathB);
            var foldB = ValidationSplit.Build(dsB, count, keepOutEvery: 5, seed: 9).Folds[f % splitA.Folds.Count];
            var caseB = foldB.FitCases.Concat(foldB.KeptOutCases).Single(b => b.Pid == c.Pid && b.Category == c.Category);
            Assert.Equal(c.Seeds, caseB.Seeds);
            Assert.NotEqual(c.Withheld, caseB.Withheld);
            var poolA = new CandidatePool(new CandidateSources(TrainingStatistics.Of(dsA, foldA.TrainingPlaylists), settings, model: null), 50);
            var poolB = new CandidatePool(new CandidateSources(TrainingStatistics.Of(dsB, foldB.TrainingPlaylists), settings, model: null), 50);
            poolA.Build(c.Query);
            poolB.Build(caseB.Query);
            Assert.Equal(poolA.Tracks.ToArray(), poolB.Tracks.ToArray());
            Assert.Equal(poolA.Features.ToArray(), poolB.Features.ToArray());
        }
    }

    /// <summary>What leave-one-out statistics get wrong: were each case's own playlist alone left
    /// out, a track's counts would drop by one exactly in the cases whose playlist holds it, and
    /// trees that recognise the track by its counts would read the label off them.</summary>
    [Fact]
    public void A_candidate_has_the_same_statistics_in_every_case_of_a_fold()
    {
        using var dir = new TempDir();
        using var ds = Dataset.Open(Write(dir, "a.segue"));
        var split = ValidationSplit.Build(ds, 1000, keepOutEvery: 5, seed: 9);
        int[] own = [F.TrackPopularity, F.AlbumPopularity, F.ArtistPopularity, F.TrackShareOfArtist, F.TrackShareOfAlbum];
        foreach (var fold in split.Folds.Take(2))
        {
            var pool = new CandidatePool(new CandidateSources(TrainingStatistics.Of(ds, fold.TrainingPlaylists), new GeneratorSettings { Als = new(Factors: 8) }, model: null), 50);
            var seen = new Dictionary<int, float[]>();
            int holders = 0;
            foreach (var c in fold.FitCases.Concat(fold.KeptOutCases))
            {
                var withheld = c.Withheld.ToHashSet();
                int n = pool.Build(c.Query);
                for (int i = 0; i < n; i++)
                {
                    var row = pool.Features.Slice(i * F.Count, F.Count).ToArray();
                    float[] values = [.. own.Select(f => row[f])];
                    if (withheld.Contains(pool.Tracks[i])) holders++;
                    if (seen.TryGetValue(pool.Tracks[i], out var before)) Assert.Equal(before, values);
                    else seen.Add(pool.Tracks[i], values);
                }
            }
            Assert.True(holders > 100, $"{holders} withheld candidates");
        }
    }

    private static int NotIn(HashSet<int> seeds, int track, Random random)
    {
        int other;
        do other = random.Next(200); while (other == track || seeds.Contains(other));
        return other;
    }
}
