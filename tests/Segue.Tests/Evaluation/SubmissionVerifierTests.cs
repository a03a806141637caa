using System.IO.Compression;
using Segue.Data;
using Segue.Evaluation;
using Segue.Tests.Data;

namespace Segue.Tests.Evaluation;

public class SubmissionVerifierTests
{
    private static string Uri(int n) => SliceJson.TrackUri(n);

    /// <summary>A challenge set of pids 5 and 6, pid 5 with seeds 0 and 1, pid 6 with none.</summary>
    private static string Challenge(TempDir dir)
    {
        File.WriteAllText(dir.File(ChallengeSetFiles.SetFileName), $$"""
            {"date": "x", "version": "v1", "playlists": [
              {"name": "a", "pid": 5, "num_tracks": 9, "num_samples": 2, "num_holdouts": 7,
               "tracks": [{"pos": 0, "track_uri": "{{Uri(0)}}"}, {"pos": 1, "track_uri": "{{Uri(1)}}"}]},
              {"name": "b", "pid": 6, "num_tracks": 9, "num_samples": 0, "num_holdouts": 9, "tracks": []}]}
            """);
        return dir.Path;
    }

    private static string Line(int pid, int from = 2, int count = SubmissionVerifier.Tracks) =>
        $"{pid}, {string.Join(", ", Enumerable.Range(from, count).Select(Uri))}";

    private static readonly string[] Good = ["# made by hand", "team_info, segue, me@example.com", "", Line(5), Line(6)];

    private static SubmissionVerdict Verify(TempDir dir, string[] lines, bool gzip = false, bool challenge = true)
    {
        string path = dir.File(gzip ? "s.csv.gz" : "s.csv");
        byte[] text = System.Text.Encoding.UTF8.GetBytes(string.Join("\n", lines) + "\n");
        if (gzip)
        {
            using var file = File.Create(path);
            using var zip = new GZipStream(file, CompressionLevel.Fastest);
            zip.Write(text);
        }
        else File.WriteAllBytes(path, text);
        return SubmissionVerifier.Verify(path, challenge ? Challenge(dir) : null);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_well_formed_submission_passes_plain_or_gzipped(bool gzip)
    {
        using var dir = new TempDir();
        var verdict = Verify(dir, Good, gzip);
        Assert.True(verdict.Passed, string.Join("\n", verdict.FirstProblems));
        Assert.Equal((gzip, "segue", "me@example.com", null, 2), (verdict.Gzipped, verdict.Team, verdict.Email, verdict.ChallengeTrack, verdict.Playlists));
        Assert.Equal([$"{dir.File(ChallengeSetFiles.SetFileName)}: 2 playlists, not the challenge's 10,000 (a set of your own)"], verdict.Notes);
        // The 2018 form names the challenge track, in either place.
        Assert.Equal("creative", Verify(dir, ["team_info,creative,segue,me@example.com", Line(5), Line(6)]).ChallengeTrack);
        Assert.Equal("main", Verify(dir, ["team_info,segue,main,me@example.com", Line(5), Line(6)]).ChallengeTrack);
    }

    [Theory]
    [InlineData(new[] { "segue, me@example.com", "5, x" }, "line 1: expected the team_info line first (team_info, TEAM, EMAIL), got \"segue, me@example.com\"")]
    [InlineData(new[] { "team_info, segue" }, "line 1: team_info needs a team name and a contact e-mail (team_info, TEAM, EMAIL), got 1 field(s)")]
    [InlineData(new[] { "team_info, best, segue, me@example.com" }, "line 1: unknown challenge track \"best\" (the 2018 form is team_info, main|creative, TEAM, EMAIL)")]
    [InlineData(new[] { "team_info, segue, me@example.com", "five, x" }, "line 2: bad pid \"five\" (should be an integer)")]
    [InlineData(new[] { "team_info, segue, me@example.com", "7, x" }, "line 2: pid 7 is not a playlist of the challenge set")]
    public void A_bad_team_line_or_pid_is_said_by_line(string[] lines, string first)
    {
        using var dir = new TempDir();
        var verdict = Verify(dir, lines);
        Assert.False(verdict.Passed);
        Assert.Equal($"{dir.File("s.csv")}: {first}", verdict.FirstProblems[0]);
    }

    [Fact]
    public void Each_line_needs_500_distinct_well_formed_tracks_and_no_seed()
    {
        using var dir = new TempDir();
        string path = dir.File("s.csv");
        var short_ = Verify(dir, ["team_info, segue, me@example.com", Line(5, count: 499), Line(6)]);
        Assert.Equal([$"{path}: line 2: pid 5: 499 tracks, should be 500", $"{path}: line 2: pid 5: 499 distinct tracks, should be 500"], short_.FirstProblems);
        var twice = Verify(dir, ["team_info, segue, me@example.com", Line(5, count: 499) + $", {Uri(2)}", Line(6)]);
        Assert.Equal([$"{path}: line 2: pid 5: 499 distinct tracks, should be 500"], twice.FirstProblems);
        var seeds = Verify(dir, ["team_info, segue, me@example.com", Line(5, from: 1), Line(6, from: 0)]);
        Assert.Equal([$"{path}: line 2: pid 5: recommends 1 of its seed tracks ({Uri(1)})"], seeds.FirstProblems);
        var uri = Verify(dir, ["team_info, segue, me@example.com", Line(5, count: 499) + ", spotify:track:abc", Line(6)]);
        Assert.Equal([$"{path}: line 2: pid 5: bad track uri \"spotify:track:abc\" (a spotify:track: URI, 22 characters after the prefix)"], uri.FirstProblems);
    }

    [Fact]
    public void Every_challenge_playlist_is_answered_once()
    {
        using var dir = new TempDir();
        string path = dir.File("s.csv");
        var missing = Verify(dir, ["team_info, segue, me@example.com", Line(5)]);
        Assert.Equal([$"{path}: 1 playlists of the challenge set have no line (pids 6)"], missing.FirstProblems);
        var again = Verify(dir, [.. Good, Line(6)]);
        Assert.Equal([$"{path}: line 6: pid 6 again (first on line 5)"], again.FirstProblems);
        var none = Verify(dir, ["# nothing but a comment"]);
        Assert.Equal([$"{path}: no team_info line (the first line that is not a comment: team_info, TEAM, EMAIL)", $"{path}: 2 playlists of the challenge set have no line (pids 5, 6)"], none.FirstProblems);
        // Without the challenge set, only the format is checked, and said so.
        var alone = Verify(dir, ["team_info, segue, me@example.com", Line(5)], challenge: false);
        Assert.True(alone.Passed);
        Assert.Equal(["no challenge set given: pids, seeds and coverage not checked (give the challenge set)"], alone.Notes);
    }

    [Fact]
    public void A_missing_file_or_challenge_set_is_one_line()
    {
        using var dir = new TempDir();
        Assert.Equal($"{dir.File("none.csv")}: no such file", Assert.Throws<SegueException>(() => SubmissionVerifier.Verify(dir.File("none.csv"), null)).Message);
        Assert.Equal($"{dir.Path}: is a folder; give a submission file (CSV, plain or gzipped)",
            Assert.Throws<SegueException>(() => SubmissionVerifier.Verify(dir.Path, null)).Message);
        File.WriteAllText(dir.File("s.csv"), "team_info,a,b\n");
        Assert.Equal($"{dir.File(ChallengeSetFiles.SetFileName)}: no such file (give a challenge folder or its challenge_set.json)",
            Assert.Throws<SegueException>(() => SubmissionVerifier.Verify(dir.File("s.csv"), dir.Path)).Message);
    }

    [Theory]
    [InlineData("""{"playlists": [{"pid": 5, "tracks": []}, {"pid": 5, "tracks": []}]}""", "playlist 1 (pid 5): field 'pid' repeats an earlier playlist's")]
    [InlineData("""{"playlists": [{"pid": 5, "tracks": ["spotify:track:x"]}]}""", "playlist 0 (pid 5): field 'tracks': expected objects")]
    [InlineData("""{"playlists": [7]}""", "playlist 0: expected an object")]
    public void A_challenge_set_that_is_not_one_is_refused_naming_the_playlist(string json, string message)
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.File(ChallengeSetFiles.SetFileName), json);
        File.WriteAllText(dir.File("s.csv"), "team_info,a,b\n");
        Assert.Equal($"{dir.File(ChallengeSetFiles.SetFileName)}: {message}",
            Assert.Throws<SegueException>(() => SubmissionVerifier.Verify(dir.File("s.csv"), dir.Path)).Message);
    }
}
