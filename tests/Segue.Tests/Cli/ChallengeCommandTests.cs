using Segue.Data.Synth;

namespace Segue.Tests.Cli;

/// <summary><c>segue challenge</c>: refusals are one line, and what exists is never replaced.</summary>
[Collection(ConsoleCollection.Name)]
public class ChallengeCommandTests
{
    [Fact]
    public void Too_few_playlists_or_an_existing_folder_is_one_line_and_writes_nothing()
    {
        using var dir = new TempDir();
        string mpd = dir.File("mpd");
        new SynthGenerator(new SynthOptions { Seed = 5, Playlists = 1_000 }).Write(mpd, Progress.None);
        var (exit, _, error) = CliRunner.Run("challenge", mpd, "--out", dir.File("cut"), "--playlists", "5");
        Assert.Equal(1, exit);
        Assert.Equal("segue: error: --playlists 5: must be between 10 (one per category) and 1000000\n", error);
        Assert.False(Directory.Exists(dir.File("cut")));

        string taken = dir.File("taken");
        Directory.CreateDirectory(taken);
        File.WriteAllText(Path.Combine(taken, "notes.txt"), "mine");
        (exit, _, error) = CliRunner.Run("challenge", mpd, "--out", taken, "--playlists", "20");
        Assert.Equal(1, exit);
        Assert.Equal($"segue: error: {taken}: already exists; a cut is written to a new folder and replaces nothing\n", error);
        Assert.Equal(["notes.txt"], Directory.GetFileSystemEntries(taken).Select(Path.GetFileName));
    }

    [Fact]
    public void A_cut_says_what_it_wrote_and_warns_when_tracks_seen_nowhere_else_held_it_short()
    {
        using var dir = new TempDir();
        string mpd = dir.File("mpd");
        new SynthGenerator(new SynthOptions { Seed = 5, Playlists = 1_000 }).Write(mpd, Progress.None);
        var (exit, output, error) = CliRunner.Run("challenge", mpd, "--out", dir.File("cut"), "--playlists", "200");
        Assert.Equal(0, exit);
        Assert.Matches(@"^segue: warning: \d+ of the 200 asked for: the other playlists hold tracks no other playlist holds; " +
            @"--allow-unseen takes them too \(their unseen tracks can never be found\)\n$", error);
        Assert.Contains("challenge playlists (1: 20,", output);
        (exit, _, error) = CliRunner.Run("challenge", mpd, "--out", dir.File("cut2"), "--playlists", "200", "--allow-unseen");
        Assert.Equal(0, exit);
        Assert.Equal("", error);
    }
}
