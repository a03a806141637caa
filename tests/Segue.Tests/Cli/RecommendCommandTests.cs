using Segue.Tests.Data;

namespace Segue.Tests.Cli;

[Collection(ConsoleCollection.Name)]
public class RecommendCommandTests(TrainedRun trained) : IClassFixture<TrainedRun>
{
    [Fact]
    public void Seeds_from_a_file_or_standard_input_are_the_same_request_as_on_the_command_line()
    {
        using var dir = new TempDir();
        string run = trained.Path;
        var (exit, expected, err) = CliRunner.Run("recommend", run, "--tracks", $"{SliceJson.TrackUri(0)},{SliceJson.TrackUri(1)},{SliceJson.TrackUri(2)}", "-k", "5");
        Assert.True(exit == 0, err);

        File.WriteAllText(dir.File("seeds.txt"), $"{SliceJson.TrackUri(0)}\n\n{SliceJson.TrackUri(1)}, spotify:track:unknown\r\n{SliceJson.TrackUri(2)}\n");
        (exit, var output, err) = CliRunner.Run("recommend", run, "--tracks-file", dir.File("seeds.txt"), "-k", "5");
        Assert.True(exit == 0, err);
        Assert.Equal(expected, output);
        Assert.Equal($"segue: warning: {dir.File("seeds.txt")} line 3: spotify:track:unknown: not in the dataset's catalogue; skipped", err.Trim());

        var stdin = Console.In;
        Console.SetIn(new StringReader($"{SliceJson.TrackUri(0)},{SliceJson.TrackUri(1)}\n{SliceJson.TrackUri(2)}"));
        try { (exit, output, err) = CliRunner.Run("recommend", run, "--tracks-file", "-", "-k", "5"); }
        finally { Console.SetIn(stdin); }
        Assert.True(exit == 0, err);
        Assert.Equal(expected, output);
    }

    [Fact]
    public void More_seeds_than_one_argument_holds_pass_in_a_file()
    {
        using var dir = new TempDir();
        string run = trained.Path;
        // More than the 128 KiB one argument may hold on Linux.
        File.WriteAllLines(dir.File("seeds.txt"), Enumerable.Range(0, 10_000).Select(i => SliceJson.TrackUri(i % 10)));
        Assert.True(new FileInfo(dir.File("seeds.txt")).Length > 128 << 10);
        var (exit, output, err) = CliRunner.Run("recommend", run, "--tracks-file", dir.File("seeds.txt"), "-k", "3");
        Assert.True(exit == 0, err);
        Assert.Equal("", err);
        Assert.Contains("│ 3 │", output);
    }

    [Fact]
    public void Bad_seed_options_are_one_line()
    {
        using var dir = new TempDir();
        string run = trained.Path;
        (string[] Args, string Error)[] cases =
        [
            (["--tracks-file", dir.File("none.txt")], $"{dir.File("none.txt")}: no such file"),
            (["--tracks-file", dir.Path], $"{dir.Path}: is a folder; give a file of track URIs"),
            (["--tracks-file", dir.File("none.txt"), "--tracks", SliceJson.TrackUri(0)], "--tracks and --tracks-file: give one, not both"),
            (["-k", "0"], "-k 0: must be positive"),
            (["-k", "-1"], "-k -1: must be positive"),
        ];
        foreach (var (args, error) in cases)
        {
            var (exit, _, err) = CliRunner.Run(["recommend", run, .. args]);
            Assert.Equal(1, exit);
            Assert.Equal($"segue: error: {error}", err.Trim());
        }
    }

    [Fact]
    public void Many_unknown_seeds_are_warned_of_by_the_first_few_and_counted()
    {
        using var dir = new TempDir();
        File.WriteAllLines(dir.File("seeds.txt"), [SliceJson.TrackUri(0), .. Enumerable.Range(0, 10_000).Select(i => $"spotify:track:unknown{i}")]);
        var (exit, _, err) = CliRunner.Run("recommend", trained.Path, "--tracks-file", dir.File("seeds.txt"), "-k", "3");
        Assert.True(exit == 0, err);
        Assert.Equal([.. Enumerable.Range(0, 5).Select(i => $"segue: warning: {dir.File("seeds.txt")} line {i + 2}: spotify:track:unknown{i}: not in the dataset's catalogue; skipped"),
            "segue: warning: and 9,995 more not in the dataset's catalogue (10,000 of 10,001 skipped)"], err.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public void A_binary_tracks_file_is_said_to_be_no_text_not_quoted()
    {
        using var dir = new TempDir();
        File.WriteAllBytes(dir.File("seeds.bin"), [(byte)'M', (byte)'Z', 0x90, 0, 3, 0, 0, 0, 4, 0, (byte)'\n', 0xff]);
        var (exit, _, err) = CliRunner.Run("recommend", trained.Path, "--tracks-file", dir.File("seeds.bin"));
        Assert.Equal(1, exit);
        Assert.Equal($"segue: error: {dir.File("seeds.bin")} line 1: not text (it holds control bytes); " +
            "give a file of track URIs, one a line or comma-separated\n", err);
    }

    [Fact]
    public void A_control_character_in_a_uri_is_quoted_escaped()
    {
        var (exit, _, err) = CliRunner.Run("recommend", trained.Path, "--tracks", "track\u001b[31m-7");
        Assert.Equal(1, exit);
        Assert.Equal("segue: error: --tracks: expected a spotify:track: URI, got \"track\\u001b[31m-7\"\n", err);
    }

    [Fact]
    public void A_malformed_uri_is_refused_naming_where_it_was_given()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.File("seeds.txt"), $"{SliceJson.TrackUri(0)}\nspotify:album:x\n");
        var (exit, _, err) = CliRunner.Run("recommend", trained.Path, "--tracks-file", dir.File("seeds.txt"));
        Assert.Equal(1, exit);
        Assert.Equal($"segue: error: {dir.File("seeds.txt")} line 2: expected a spotify:track: URI, got \"spotify:album:x\"", err.Trim());
        (exit, _, err) = CliRunner.Run("recommend", trained.Path, "--tracks", $"{SliceJson.TrackUri(0)},track-7");
        Assert.Equal(1, exit);
        Assert.Equal("segue: error: --tracks: expected a spotify:track: URI, got \"track-7\"", err.Trim());
    }

    [Fact]
    public void A_tables_ids_are_read_one_a_line_commas_and_all_and_shown()
    {
        using var dir = new TempDir();
        string table = TableCsv.Write(dir, "t.csv", [TableCsv.MinimalHeader,
            .. Enumerable.Range(0, 30).SelectMany(p => Enumerable.Range(0, 6).Select(i => $"{p},{i},mix,\"id {(p + i) % 11}, live\",Song {(p + i) % 11},r,R,a,A,1000"))]);
        Assert.Equal(0, CliRunner.Run("ingest", table, "--out", dir.File("t.segue")).Exit);
        File.WriteAllText(dir.File("seeds.txt"), "id 1, live\n\n  id 2, live  \n");
        var (exit, output, err) = CliRunner.Run("recommend", "baseline:cooccurrence", "--dataset", dir.File("t.segue"), "--tracks-file", dir.File("seeds.txt"), "-k", "3");
        Assert.True(exit == 0, err);
        Assert.Equal("", err);
        Assert.Matches(@"Song \d+ .* id \d+, live", output);
    }

    [Fact]
    public void A_title_is_taken_as_a_title_and_said_to_be_unused()
    {
        using var dir = new TempDir();
        string run = trained.Path;
        // Were '@' a response file, "--title @seeds" would read this file as arguments.
        File.WriteAllText(dir.File("seeds"), $"--tracks {SliceJson.TrackUri(0)}");
        foreach (string title in new[] { "@home", $"@{dir.File("seeds")}" })
        {
            var (exit, _, err) = CliRunner.Run("recommend", run, "--title", title, "-k", "3");
            Assert.True(exit == 0, err);
            Assert.Equal([
                "segue: warning: --title: not used (a model does not read titles; a ranker does); the list comes from the seed tracks",
                "segue: warning: no known seed track: these are the most popular tracks",
            ], err.Trim().Split('\n'));
        }
    }

    [Fact]
    public void A_k_beyond_the_catalogue_lists_the_whole_catalogue()
    {
        string run = trained.Path;
        var (exit, output, err) = CliRunner.Run("recommend", run, "--tracks", SliceJson.TrackUri(0), "-k", "2000000000");
        Assert.True(exit == 0, err);
        // 50 tracks, less the seed.
        Assert.Contains("│ 49 │", output);
        Assert.DoesNotContain("│ 50 │", output);
    }
}
