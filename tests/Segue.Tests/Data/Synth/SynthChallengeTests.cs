using System.Text.Json;
using Segue.Data;
using Segue.Data.Synth;

namespace Segue.Tests.Data.Synth;

public sealed class SynthChallengeTests(SynthFixture fixture) : IClassFixture<SynthFixture>
{
    [Fact]
    public void ChallengeSetIsBalancedAndSeedsAndHoldoutsPartitionEachPlaylist()
    {
        var truth = ChallengeTruth.Read(fixture.Output.ChallengeTruthPath!);
        using var doc = JsonDocument.Parse(File.ReadAllBytes(fixture.Output.ChallengeSetPath!));
        Assert.Equal(["date", "version", "playlists"], doc.RootElement.EnumerateObject().Select(p => p.Name));
        var playlists = doc.RootElement.GetProperty("playlists").EnumerateArray().ToArray();
        Assert.Equal(SynthFixture.Challenge, playlists.Length);
        Assert.Equal(SynthFixture.Challenge, truth.Playlists.Count);
        // Pids follow the slices' and are never in them.
        Assert.Equal(Enumerable.Range(SynthFixture.Playlists, SynthFixture.Challenge), playlists.Select(p => p.GetProperty("pid").GetInt32()));
        Assert.All(truth.Playlists.GroupBy(p => p.Category), g => Assert.Equal(SynthFixture.Challenge / 10, g.Count()));
        Assert.Equal(Enumerable.Range(1, 10), truth.Playlists.Select(p => p.Category).Distinct().Order());

        var sliceUris = SliceTrackUris();
        int randomNotFirst = 0;
        for (int i = 0; i < playlists.Length; i++)
        {
            var playlist = playlists[i];
            var answer = truth.Playlists[i];
            var category = ChallengeCategory.Get(answer.Category);
            Assert.Equal(playlist.GetProperty("pid").GetInt32(), answer.Pid);
            var keys = playlist.EnumerateObject().Select(p => p.Name).ToArray();
            Assert.Equal(category.HasTitle ? ["name", "num_holdouts", "pid", "num_tracks", "tracks", "num_samples"]
                                           : ["num_holdouts", "pid", "num_tracks", "tracks", "num_samples"], keys);
            Assert.Equal(answer.Category is not (4 or 6), playlist.TryGetProperty("name", out _));

            var seeds = playlist.GetProperty("tracks").EnumerateArray().ToArray();
            int numTracks = playlist.GetProperty("num_tracks").GetInt32();
            Assert.Equal(category.Seeds, seeds.Length);
            Assert.Equal(seeds.Length, playlist.GetProperty("num_samples").GetInt32());
            Assert.Equal(answer.Holdouts.Count, playlist.GetProperty("num_holdouts").GetInt32());
            Assert.Equal(numTracks, seeds.Length + answer.Holdouts.Count);
            Assert.True(answer.Holdouts.Count >= 1);

            var positions = seeds.Select(s => s.GetProperty("pos").GetInt32()).ToArray();
            Assert.Equal(positions.Order(), positions);
            Assert.Equal(positions.Length, positions.Distinct().Count());
            Assert.All(positions, p => Assert.InRange(p, 0, numTracks - 1));
            if (!category.RandomSeeds)
                Assert.Equal(Enumerable.Range(0, category.Seeds), positions);
            else if (!positions.SequenceEqual(Enumerable.Range(0, category.Seeds)))
                randomNotFirst++;
            Assert.All(seeds, s => Assert.Equal(8, s.EnumerateObject().Count()));
            // The withheld tracks are real catalogue tracks, mostly seen in the slices too.
            Assert.All(answer.Holdouts, uri => Assert.StartsWith("spotify:track:", uri));
            if (answer.Holdouts.Count >= 20)
                Assert.Contains(answer.Holdouts, sliceUris.Contains);
        }
        Assert.Equal(2 * SynthFixture.Challenge / 10, randomNotFirst);
    }

    [Fact]
    public void A_set_of_other_than_a_multiple_of_ten_fills_the_category_quotas_in_order()
    {
        using var dir = new TempDir();
        var output = new SynthGenerator(new SynthOptions { Seed = 3, Playlists = 100, ChallengePlaylists = 15 }).Write(dir.File("mpd"), Progress.None);
        Assert.Equal(ChallengeCategory.All.SelectMany(c => Enumerable.Repeat(c.Number, c.Quota(15))),
            ChallengeTruth.Read(output.ChallengeTruthPath!).Playlists.Select(p => p.Category));
    }

    private HashSet<string> SliceTrackUris()
    {
        var uris = new HashSet<string>();
        foreach (var file in Directory.GetFiles(fixture.Output.SliceFolder))
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(file));
            foreach (var playlist in doc.RootElement.GetProperty("playlists").EnumerateArray())
                foreach (var track in playlist.GetProperty("tracks").EnumerateArray())
                    uris.Add(track.GetProperty("track_uri").GetString()!);
        }
        return uris;
    }
}
