using System.IO.Compression;
using Segue.Data;
using Segue.Evaluation;
using Segue.Tests.Data;

namespace Segue.Tests.Cli;

[Collection(ConsoleCollection.Name)]
public class SubmissionCommandTests
{
    [Fact]
    public void Evals_gzipped_submission_passes_verify_and_a_broken_one_exits_1()
    {
        using var dir = new TempDir();
        var builder = new DatasetBuilder(testEvery: 0, testOffset: 0);
        builder.AddPlaylist(1, "all", 0, [.. Enumerable.Range(0, 520).Select(n => new TrackRecord(SliceJson.TrackUri(n),
            $"spotify:album:{SliceJson.Id('a', n / 4)}", $"spotify:artist:{SliceJson.Id('r', n / 8)}", $"Song {n}", "Album", "Artist", 1000))]);
        builder.Write(dir.File("d.segue"));
        File.WriteAllText(dir.File(ChallengeSetFiles.SetFileName), $$"""
            {"playlists": [{"name": "a", "pid": 1000000, "tracks": [{"pos": 0, "track_uri": "{{SliceJson.TrackUri(3)}}"}]},
                           {"pid": 1000001, "tracks": []}]}
            """);
        var (exit, _, err) = CliRunner.Run("eval", "--dataset", dir.File("d.segue"), "--test", dir.Path, "--baseline", "popularity",
            "--submission", dir.File("s.csv.gz"), "--team", "segue", "--email", "me@example.com");
        Assert.True(exit == 0, err);
        using (var gzip = new GZipStream(File.OpenRead(dir.File("s.csv.gz")), CompressionMode.Decompress))
        using (var reader = new StreamReader(gzip))
        {
            Assert.StartsWith("# segue eval: popularity on", reader.ReadLine());
            Assert.Equal("team_info,segue,me@example.com", reader.ReadLine());
        }
        string output;
        (exit, output, err) = CliRunner.Run("submission", "verify", dir.File("s.csv.gz"), "--challenge", dir.Path);
        Assert.True(exit == 0, err);
        Assert.Contains("(gzipped): team segue, contact me@example.com; 2 playlists", output);
        Assert.Contains("the submission is well formed: ready to submit", output);

        File.WriteAllText(dir.File("bad.csv"), "team_info,segue,me@example.com\n1000000, spotify:track:x\n");
        (exit, _, err) = CliRunner.Run("submission", "verify", dir.File("bad.csv"), "--challenge", dir.Path);
        Assert.Equal(1, exit);
        string[] lines = err.Trim().Split('\n');
        Assert.Equal($"{dir.File("bad.csv")}: line 2: pid 1000000: 1 tracks, should be 500", lines[1]);
        Assert.Equal($"segue: error: {dir.File("bad.csv")}: 4 problem(s): the challenge would reject it", lines[^1]);
    }
}
