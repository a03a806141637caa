using System.Text.Json;
using Segue.Data;
using Segue.Data.Synth;
using Segue.Evaluation;
using Segue.Retrieval;

namespace Segue.Tests.Evaluation;

public class ChallengeCutTests
{
    private static string Synth(TempDir dir, int playlists)
    {
        string mpd = dir.File("mpd");
        new SynthGenerator(new SynthOptions { Seed = 5, Playlists = playlists }).Write(mpd, Progress.None);
        return mpd;
    }

    [Fact]
    public void A_dataset_writes_its_slices_back_byte_for_byte()
    {
        using var dir = new TempDir();
        string mpd = Synth(dir, 1_500);
        MpdIngest.Run([mpd], dir.File("all.segue"), new IngestOptions(TestEvery: 0), Progress.None);
        using var ds = Dataset.Open(dir.File("all.segue"));
        var writer = new MpdJsonWriter(new DatasetTracks(ds));
        for (int slice = 0; slice < ds.Meta.Slices.Count; slice++)
        {
            var playlists = Enumerable.Range(0, ds.PlaylistCount).Where(p => ds.PlaylistSlices[p] == slice)
                .Select(p => DatasetTracks.Playlist(ds, p)).ToList();
            using var written = new MemoryStream();
            writer.WriteSlice(written, playlists);
            string name = Path.GetFileName(ds.Meta.Slices[slice]);
            Assert.True(File.ReadAllBytes(Path.Combine(mpd, "data", name)).AsSpan().SequenceEqual(written.ToArray()), name);
        }
    }

    [Fact]
    public void A_cut_takes_whole_playlists_in_the_ten_categories_with_every_track_left_in_training()
    {
        using var dir = new TempDir();
        string mpd = Synth(dir, 3_000);
        string cut = dir.File("cut");
        var summary = ChallengeCut.Run([mpd], cut, 100, seed: 3, allowUnseen: true);
        Assert.Equal(Enumerable.Repeat(10, 10), summary.ByCategory);
        Assert.Equal(2_900, summary.TrainingPlaylists);

        var original = Playlists(Path.Combine(mpd, "data")).ToDictionary(p => p.GetProperty("pid").GetInt32());
        var training = Playlists(Path.Combine(cut, "data")).ToList();
        // The training playlists are the originals, untouched.
        Assert.All(training, p => Assert.Equal(original[p.GetProperty("pid").GetInt32()].GetRawText(), p.GetRawText()));
        var truth = ChallengeTruth.Read(Path.Combine(cut, ChallengeTruth.FileName)).Playlists.ToDictionary(p => p.Pid);
        using var set = JsonDocument.Parse(File.ReadAllBytes(ChallengeSetFiles.SetPath(cut)));
        var challenge = set.RootElement.GetProperty("playlists").EnumerateArray().ToList();
        Assert.Equal(100, challenge.Count);
        Assert.Empty(challenge.Select(p => p.GetProperty("pid").GetInt32()).Intersect(training.Select(p => p.GetProperty("pid").GetInt32())));
        foreach (var playlist in challenge)
        {
            int pid = playlist.GetProperty("pid").GetInt32();
            var whole = original[pid].GetProperty("tracks").EnumerateArray().Select(t => t.GetProperty("track_uri").GetString()!).ToArray();
            var category = ChallengeCategory.Get(truth[pid].Category);
            var seeds = playlist.GetProperty("tracks").EnumerateArray().ToList();
            int[] positions = [.. seeds.Select(t => t.GetProperty("pos").GetInt32())];
            Assert.Equal(category.Seeds, seeds.Count);
            Assert.Equal(category.Seeds, playlist.GetProperty("num_samples").GetInt32());
            Assert.Equal(whole.Length, playlist.GetProperty("num_tracks").GetInt32());
            Assert.Equal(whole.Length - category.Seeds, playlist.GetProperty("num_holdouts").GetInt32());
            Assert.Equal(category.HasTitle, playlist.TryGetProperty("name", out _));
            Assert.True(whole.Length >= ChallengeSeeds.MinLengthOf(category));
            if (!category.RandomSeeds) Assert.Equal(Enumerable.Range(0, category.Seeds), positions);
            Assert.Equal(positions.Order(), positions);
            Assert.Equal(positions.Select(p => whole[p]), seeds.Select(t => t.GetProperty("track_uri").GetString()));
            Assert.Equal(Enumerable.Range(0, whole.Length).Except(positions).Select(p => whole[p]), truth[pid].Holdouts);
        }
    }

    [Fact]
    public void Without_unseen_tracks_every_challenge_track_is_in_a_training_playlist_and_the_cut_is_evaluable()
    {
        using var dir = new TempDir();
        string mpd = Synth(dir, 3_000);
        string cut = dir.File("cut"), again = dir.File("again");
        var summary = ChallengeCut.Run([mpd], cut, 60, seed: 3);
        Assert.True(summary.Challenge >= 40, $"{summary.Challenge} challenge playlists");
        var held = Playlists(Path.Combine(cut, "data"))
            .SelectMany(p => p.GetProperty("tracks").EnumerateArray().Select(t => t.GetProperty("track_uri").GetString()!)).ToHashSet();
        var truth = ChallengeTruth.Read(Path.Combine(cut, ChallengeTruth.FileName));
        Assert.All(truth.Playlists.SelectMany(p => p.Holdouts), uri => Assert.Contains(uri, held));
        using var set = JsonDocument.Parse(File.ReadAllBytes(ChallengeSetFiles.SetPath(cut)));
        var seeds = set.RootElement.GetProperty("playlists").EnumerateArray()
            .SelectMany(p => p.GetProperty("tracks").EnumerateArray().Select(t => t.GetProperty("track_uri").GetString()!));
        Assert.All(seeds, uri => Assert.Contains(uri, held));

        MpdIngest.Run([cut], dir.File("cut.segue"), new IngestOptions(), Progress.None);
        using var ds = Dataset.Open(dir.File("cut.segue"));
        var cases = ChallengeCases.Load(cut, ds, out bool hasTruth);
        Assert.True(hasTruth);
        Assert.Equal(summary.Challenge, cases.Count);
        Assert.All(cases, c => Assert.DoesNotContain(c.Withheld, t => t < 0));   // every withheld track is known
        Assert.All(cases, c => Assert.Equal(ChallengeCategory.Get(c.Category).Seeds, c.Seeds.Length));
        Assert.All(cases.Where(c => ChallengeCategory.Get(c.Category).RandomSeeds is false), c => Assert.Equal(SeedOrder.First, c.SeedOrder));

        ChallengeCut.Run([mpd], again, 60, seed: 3);
        foreach (string file in Directory.GetFiles(cut, "*", SearchOption.AllDirectories))
            Assert.Equal(File.ReadAllBytes(file), File.ReadAllBytes(Path.Combine(again, Path.GetRelativePath(cut, file))));
    }

    [Fact]
    public void Too_few_playlists_is_refused_naming_the_setting()
    {
        using var dir = new TempDir();
        var e = Assert.Throws<SettingException>(() => ChallengeCut.Run([dir.Path], dir.File("cut"), 5, seed: 1));
        Assert.Equal("playlists 5: must be between 10 (one per category) and 1000000", e.Message);
        Assert.False(Directory.Exists(dir.File("cut")));
    }

    private static IEnumerable<JsonElement> Playlists(string folder) =>
        Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal)
            .SelectMany(f => JsonDocument.Parse(File.ReadAllBytes(f)).RootElement.GetProperty("playlists").EnumerateArray());
}
