using Segue.Data;
using Segue.Evaluation;
using Segue.Ranking;
using Segue.Retrieval;

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
        var split = ValidationSplit.Build(ds, 40, seed: 5);
        Assert.Equal(40, split.Cases.Count);
        Assert.Equal(Enumerable.Range(1, 10).SelectMany(c => Enumerable.Repeat(c, 4)), split.Cases.Select(c => c.Category));
        var train = ds.TrainPlaylists.ToArray();
        for (int i = 0; i < split.Cases.Count; i++)
        {
            var c = split.Cases[i];
            var category = ChallengeCategory.Get(c.Category);
            int playlist = split.Playlists[i];
            var tracks = ds.PlaylistTracks(playlist).ToArray();
            Assert.Contains(playlist, train);
            Assert.Equal(category.Seeds, c.Seeds.Length);
            Assert.Equal(tracks.Length - category.Seeds, c.Withheld.Length);
            Assert.Equal(category.HasTitle, c.Title is not null);
            if (!category.RandomSeeds) Assert.Equal(tracks[..category.Seeds], c.Seeds);
            // Seed 5 draws no random sample that happens to be the playlist's first tracks.
            Assert.Equal(category.RandomSeeds ? SeedOrder.Sampled : SeedOrder.First, c.SeedOrder);
            Assert.Equal(tracks.Order(), c.Seeds.Concat(c.Withheld).Order());
            Assert.DoesNotContain(playlist, split.TrainingPlaylists);
        }
        Assert.Equal(train.Length - 40, split.TrainingPlaylists.Length);
    }

    [Fact]
    public void A_withheld_validation_track_changes_no_statistic()
    {
        using var dir = new TempDir();
        string pathA = Write(dir, "a.segue");
        ValidationSplit splitA;
        Dictionary<int, HashSet<int>> seedsOf;
        using (var a = Dataset.Open(pathA))
        {
            splitA = ValidationSplit.Build(a, 30, seed: 9);
            seedsOf = splitA.Cases.ToDictionary(c => c.Pid, c => c.Seeds.ToHashSet());
        }
        // The same data but every withheld track of every validation playlist replaced.
        var random = new Random(11);
        string pathB = Write(dir, "b.segue", (pid, tracks) => !seedsOf.TryGetValue(pid, out var seeds) ? tracks
            : [.. tracks.Select(t => seeds.Contains(t) ? t : NotIn(seeds, t, random))]);
        using var dsA = Dataset.Open(pathA);
        using var dsB = Dataset.Open(pathB);
        var splitB = ValidationSplit.Build(dsB, 30, seed: 9);
        Assert.Equal(splitA.Cases.Select(c => (c.Pid, c.Category, c.Title)), splitB.Cases.Select(c => (c.Pid, c.Category, c.Title)));
        Assert.Equal(splitA.Cases.Select(c => c.Seeds), splitB.Cases.Select(c => c.Seeds));
        Assert.All(splitA.Cases.Zip(splitB.Cases).Where(p => p.First.Category != 1), p => Assert.NotEqual(p.First.Withheld, p.Second.Withheld));

        var sourcesA = new CandidateSources(dsA, splitA.TrainingPlaylists, new GeneratorSettings(), model: null);
        var sourcesB = new CandidateSources(dsB, splitB.TrainingPlaylists, new GeneratorSettings(), model: null);
        for (int t = 0; t < dsA.TrackCount; t++)
            Assert.Equal(sourcesA.Index.Playlists(t).ToArray(), sourcesB.Index.Playlists(t).ToArray());
        Assert.Equal(sourcesA.AlbumPopularity, sourcesB.AlbumPopularity);
        Assert.Equal(sourcesA.ArtistPopularity, sourcesB.ArtistPopularity);
        var poolA = new CandidatePool(sourcesA, 50);
        var poolB = new CandidatePool(sourcesB, 50);
        foreach (var c in splitA.Cases)
        {
            poolA.Build(c.Query);
            poolB.Build(c.Query);
            Assert.Equal(poolA.Tracks.ToArray(), poolB.Tracks.ToArray());
            Assert.Equal(poolA.Features.ToArray(), poolB.Features.ToArray());
        }
    }

    private static int NotIn(HashSet<int> seeds, int track, Random random)
    {
        int other;
        do other = random.Next(200); while (other == track || seeds.Contains(other));
        return other;
    }
}
