using System.Security.Cryptography;
using Segue.Data;
using Segue.Data.Checks;
using static Segue.Tests.Data.SliceJson;

namespace Segue.Tests.Data;

public class CheckTests
{
    // Five tracks over four albums and three artists: every rule holds.
    private static Playlist Good(int pid, string name = "mix") => new(pid, name, (1, 1, 1), (2, 1, 2), (3, 2, 3), (4, 3, 1), (5, 4, 2));

    private static string Folder(TempDir dir, params string[] slices)
    {
        string data = Directory.CreateDirectory(dir.File("mpd/data")).FullName;
        for (int s = 0; s < slices.Length; s++)
            File.WriteAllText(Path.Combine(data, $"mpd.slice.{s * 10}-{s * 10 + 9}.json"), slices[s]);
        return dir.File("mpd");
    }

    private static CheckReport Check(string source, bool quick = false) => MpdCheck.Run(source, quick, 2, Progress.None);

    private static RuleResult Result(CheckReport report, CheckRule rule) => report.Results.Single(r => r.Rule == rule);

    private static string ReplaceOnce(string s, string what, string with)
    {
        int i = s.IndexOf(what, StringComparison.Ordinal);
        Assert.True(i >= 0, $"'{what}' not in the test slice");
        return s[..i] + with + s[(i + what.Length)..];
    }

    [Fact]
    public void Good_slices_keep_every_rule_but_the_million_pids()
    {
        using var dir = new TempDir();
        var report = Check(Folder(dir, Slice(0, 9, Good(0), Good(1)), Slice(10, 19, Good(10, "gym"))));
        Assert.Equal(3, report.Playlists);
        Assert.All(report.Results.Where(r => r.Rule != CheckRules.Pids && r.Rule != CheckRules.Md5), r => Assert.Equal(RuleStatus.Passed, r.Status));
        Assert.Equal((RuleStatus.NotChecked, "no md5sums file beside the slices"), (Result(report, CheckRules.Md5).Status, Result(report, CheckRules.Md5).Note));
        var pids = Result(report, CheckRules.Pids);
        Assert.Equal((RuleStatus.Failed, 999_997L), (pids.Status, pids.Offenders));
        Assert.Equal(["3 playlists, not 1,000,000", "pids 2 to 9 missing", "pids 11 to 999,999 missing"], pids.FirstOffenders);
        Assert.False(report.Passed);
        var quick = Check(dir.File("mpd"), quick: true);
        Assert.True(quick.Passed);
        Assert.Equal("a quick check reads the first 10 slices only", Result(quick, CheckRules.Pids).Note);
    }

    // Each damage, the rule it breaks, and the first offender said.
    [Theory]
    [InlineData("\"name\": \"mix\"", "\"name\": \"\"", "title", "mpd.slice.0-9.json: pid 0: no title")]
    [InlineData("\"num_followers\": 1", "\"num_followers\": 0", "followers", "mpd.slice.0-9.json: pid 0: 0 followers")]
    [InlineData("\"num_edits\": 2", "\"num_edits\": 0", "edits", "mpd.slice.0-9.json: pid 0: 0 edits")]
    [InlineData("\"modified_at\": 1493424000", "\"modified_at\": 1600000000", "modified-at", "mpd.slice.0-9.json: pid 0: modified_at 1600000000 (2020-09-13)")]
    [InlineData("\"num_albums\": 4", "\"num_albums\": 5", "counts", "mpd.slice.0-9.json: pid 0: num_albums 5, but its tracks have 4 albums")]
    [InlineData("\"num_artists\": 3", "\"num_artists\": 2", "counts", "mpd.slice.0-9.json: pid 0: num_artists 2, but its tracks have 3 artists")]
    [InlineData("\"num_tracks\": 5", "\"num_tracks\": 6", "counts", "mpd.slice.0-9.json: pid 0: num_tracks 6, but it has 5 tracks")]
    [InlineData("\"duration_ms\": 900015\n", "\"duration_ms\": 900016\n", "duration", "mpd.slice.0-9.json: pid 0: duration_ms 900016, but its tracks' sum to 900015")]
    [InlineData("\"collaborative\": \"false\"", "\"collaborative\": false", "fields", "mpd.slice.0-9.json: pid 0: field 'collaborative' is a boolean, not the string \"true\" or \"false\"")]
    [InlineData("\"num_edits\": 2", "\"num_edits\": 2, \"owner\": \"x\"", "fields", "mpd.slice.0-9.json: pid 0: extra field 'owner'")]
    [InlineData("\"num_edits\": 2,", "", "fields", "mpd.slice.0-9.json: pid 0: missing field 'num_edits'")]
    [InlineData("\"pid\": 0", "\"pid\": \"0\"", "fields", "mpd.slice.0-9.json: playlist #0: field 'pid' is the string \"0\", not an integer")]
    [InlineData("\"pos\": 1", "\"pos\": 2", "positions", "mpd.slice.0-9.json: pid 0, track 1: pos 2")]
    [InlineData("\"pos\": 1,", "\"pos\": 1, \"added_at\": 5,", "track-fields", "mpd.slice.0-9.json: pid 0, track 1: extra field 'added_at'")]
    [InlineData("\"pos\": 0,", "", "track-fields", "mpd.slice.0-9.json: pid 0, track 0: missing field 'pos'")]
    [InlineData("\"track_uri\": \"spotify:track:t000000000000000000001\"", "\"track_uri\": \"t1\"", "uris", "mpd.slice.0-9.json: pid 0, track 0: track_uri \"t1\" is not a spotify:track: URI")]
    [InlineData("\"version\": \"v1\"", "\"version\": \"v1\", \"seed\": 3", "info", "mpd.slice.0-9.json: extra info field 'seed'")]
    [InlineData("\"track_name\": \"Track 1\"", "\"track_name\": \"Track One\"", "names", "mpd.slice.0-9.json: pid 1, track 0: track spotify:track:t000000000000000000001 is named \"Track 1\" here but \"Track One\" where first met")]
    [InlineData("\"playlists\": [", "\"playlists\": [,", "json", "mpd.slice.0-9.json: playlist #0: invalid JSON at line 7, byte 19: ',' is an invalid start of a value")]
    public void A_broken_rule_is_counted_with_its_first_offender(string what, string with, string rule, string offender)
    {
        using var dir = new TempDir();
        var report = Check(Folder(dir, ReplaceOnce(Slice(0, 9, Good(0), Good(1)), what, with)), quick: true);
        var result = report.Results.Single(r => r.Rule.Id == rule);
        Assert.Equal(RuleStatus.Failed, result.Status);
        Assert.Equal([offender], result.FirstOffenders);
        Assert.Equal(1, result.Offenders);
        Assert.All(report.Results.Where(r => r.Rule.Id != rule && r.Rule != CheckRules.Md5 && r.Rule != CheckRules.Pids
            && !(rule == "fields" && r.Rule == CheckRules.Counts)), r => Assert.Equal(RuleStatus.Passed, r.Status));
    }

    [Fact]
    public void Lengths_artists_and_albums_are_counted_per_playlist()
    {
        using var dir = new TempDir();
        var report = Check(Folder(dir, Slice(0, 9, new Playlist(0, "short", (1, 1, 1), (2, 1, 1), (3, 1, 2)),
            new Playlist(1, "long", [.. Enumerable.Range(0, 251).Select(i => (i, i % 7, i % 5))]))), quick: true);
        Assert.Equal(["mpd.slice.0-9.json: pid 0: 3 tracks"], Result(report, CheckRules.MinTracksRule).FirstOffenders);
        Assert.Equal(["mpd.slice.0-9.json: pid 1: 251 tracks"], Result(report, CheckRules.MaxTracksRule).FirstOffenders);
        Assert.Equal(["mpd.slice.0-9.json: pid 0: 2 artists"], Result(report, CheckRules.MinArtistsRule).FirstOffenders);
        Assert.Equal(["mpd.slice.0-9.json: pid 0: 1 albums"], Result(report, CheckRules.MinAlbumsRule).FirstOffenders);
    }

    [Fact]
    public void Names_and_pids_are_compared_across_slices_counting_every_occurrence()
    {
        using var dir = new TempDir();
        // Track 1 is "Track 1" in the first slice and "Track One" twice in the second; pid 1 is in both.
        string second = Slice(10, 19, Good(1), Good(11)).Replace("\"Track 1\"", "\"Track One\"");
        var report = Check(Folder(dir, Slice(0, 9, Good(0), Good(1)), second));
        var names = Result(report, CheckRules.Names);
        Assert.Equal(2, names.Offenders);
        Assert.Equal("mpd.slice.10-19.json: pid 1, track 0: track spotify:track:t000000000000000000001 is named \"Track One\" here but \"Track 1\" where first met", names.FirstOffenders[0]);
        Assert.Equal(["mpd.slice.10-19.json: pid 1: also in mpd.slice.0-9.json"], Result(report, CheckRules.UniquePid).FirstOffenders);
    }

    [Fact]
    public void Slices_are_checked_against_the_md5sums_beside_them()
    {
        using var dir = new TempDir();
        string mpd = Folder(dir, Slice(0, 9, Good(0)), Slice(10, 19, Good(10)));
        string first = Convert.ToHexStringLower(MD5.HashData(File.ReadAllBytes(dir.File("mpd/data/mpd.slice.0-9.json"))));
        File.WriteAllText(dir.File("mpd/md5sums"), $"{first}  data/mpd.slice.0-9.json\n{new string('0', 32)}  data/mpd.slice.10-19.json\n{first}  data/mpd.slice.20-29.json\n");
        var md5 = Result(Check(mpd), CheckRules.Md5);
        Assert.Equal(RuleStatus.Failed, md5.Status);
        string second = Convert.ToHexStringLower(MD5.HashData(File.ReadAllBytes(dir.File("mpd/data/mpd.slice.10-19.json"))));
        Assert.Equal([$"mpd.slice.10-19.json: md5 {second}, but md5sums lists {new string('0', 32)}", "mpd.slice.20-29.json: in md5sums, but not among the slices"], md5.FirstOffenders);
        // The data/ folder itself finds md5sums in the folder above.
        Assert.Equal(2, Result(Check(dir.File("mpd/data")), CheckRules.Md5).Offenders);
    }

    [Fact]
    public void A_dataset_is_checked_on_what_it_keeps_and_a_tables_MPD_rules_are_not_enforced()
    {
        using var dir = new TempDir();
        var builder = new DatasetBuilder(testEvery: 0, testOffset: 0);
        builder.AddPlaylist(3, "", 0, [new TrackRecord("spotify:track:a", "spotify:album:a", "spotify:artist:a", "A", "A", "A", 1)]);
        builder.Write(dir.File("mpd.segue"));
        var report = Check(dir.File("mpd.segue"));
        Assert.Equal(["pid 3: 1 tracks"], Result(report, CheckRules.MinTracksRule).FirstOffenders);
        Assert.Equal(["pid 3: no title"], Result(report, CheckRules.Title).FirstOffenders);
        Assert.Equal(["pid 3: 1 artists"], Result(report, CheckRules.MinArtistsRule).FirstOffenders);
        Assert.Equal(RuleStatus.Passed, Result(report, CheckRules.Followers).Status);   // AddPlaylist's playlists have 1 follower, 1 edit
        Assert.Equal((RuleStatus.NotChecked, "a dataset keeps one name per id; check the MPD folder"), (Result(report, CheckRules.Names).Status, Result(report, CheckRules.Names).Note));
        Assert.Equal("ingest refuses tracks out of position", Result(report, CheckRules.Positions).Note);
        Assert.False(report.Passed);

        string table = TableCsv.Write(dir, "t.csv", TableCsv.MinimalHeader, TableCsv.MinimalRow(3, 0, 1), TableCsv.MinimalRow(3, 1, 2));
        TableIngest.Run([table], dir.File("t.segue"), new IngestOptions(), Progress.None);
        var mine = Check(dir.File("t.segue"));
        Assert.True(mine.IsTable);
        Assert.True(mine.Passed);
        var uris = Result(mine, CheckRules.Uris);
        Assert.Equal((RuleStatus.NotEnforced, 6L, "an MPD rule; your own playlists need not keep it"), (uris.Status, uris.Offenders, uris.Note));
        Assert.Equal("track \"t1\": not a spotify:track: URI", uris.FirstOffenders[0]);
        Assert.Equal(RuleStatus.NotEnforced, Result(mine, CheckRules.MinTracksRule).Status);
    }

    [Fact]
    public void Name_mismatches_over_slices_count_as_checkpy_counts_them()
    {
        // The naive reference: every occurrence in order, against the first name of its URI.
        var random = new Random(11);
        var slices = Enumerable.Range(0, 6).Select(_ => Enumerable.Range(0, 400)
            .Select(_ => (Uri: $"u{random.Next(60)}", Name: $"n{(random.Next(10) == 0 ? random.Next(3) : 0)}")).ToList()).ToList();
        var first = new Dictionary<string, string>();
        long expected = 0;
        foreach (var (uri, name) in slices.SelectMany(s => s))
            if (!first.TryAdd(uri, name) && first[uri] != name) expected++;

        var names = new DatasetNames("track");
        var tallies = new RuleTallies();
        var reused = new SliceNames(4);
        foreach (var slice in slices)
        {
            reused.Clear();
            for (int i = 0; i < slice.Count; i++)
                reused.Add(System.Text.Encoding.UTF8.GetBytes(slice[i].Uri), System.Text.Encoding.UTF8.GetBytes(slice[i].Name), i);
            names.Add(reused, at => $"occurrence {at}", tallies);
        }
        Assert.True(expected > 50, $"only {expected} mismatches");
        Assert.Equal(expected, tallies[CheckRules.Names]);
        Assert.Equal(first.Count, names.Count);

        // Past its first size, the table grows and still finds every URI.
        var many = new DatasetNames("album");
        for (int round = 0; round < 2; round++)
        {
            reused.Clear();
            for (int i = 0; i < 40_000; i++) reused.Add(System.Text.Encoding.UTF8.GetBytes($"album {i}"), System.Text.Encoding.UTF8.GetBytes($"name {i % 7}"), i);
            many.Add(reused, at => $"occurrence {at}", tallies);
        }
        Assert.Equal(40_000, many.Count);
        Assert.Equal(expected, tallies[CheckRules.Names]);
    }
}
