using Segue.Tests.Data;

namespace Segue.Tests.Cli;

/// <summary><c>segue ingest</c>'s settings: one line naming the option and the rule it breaks.</summary>
[Collection(ConsoleCollection.Name)]
public class IngestCommandTests
{
    [Theory]
    [InlineData(new[] { "--test-every", "3" }, "--test-offset 9: must be between 0 and 2: which slice of each 3 is held out")]
    [InlineData(new[] { "--test-offset", "-1" }, "--test-offset -1: must be between 0 and 9: which slice of each 10 is held out")]
    [InlineData(new[] { "--test-every", "-1" }, "--test-every -1: must be 0 (no test split) or positive")]
    [InlineData(new[] { "--threads", "0" }, "--threads 0: must be between 1 and 1024")]
    public void A_bad_test_split_or_thread_count_names_the_rule_it_breaks(string[] options, string message)
    {
        using var dir = new TempDir();
        SliceJson.WriteFolder(dir.File("mpd"), slices: 2, perSlice: 5, length: 12);
        var (exit, _, err) = CliRunner.Run(["ingest", dir.File("mpd"), "--out", dir.File("d.segue"), .. options]);
        Assert.Equal(1, exit);
        Assert.Equal($"segue: error: {message}", err.Trim());
        Assert.False(File.Exists(dir.File("d.segue")));
    }

    [Fact]
    public void A_table_ingests_by_its_extension_and_a_slice_size_for_MPD_slices_names_its_option()
    {
        using var dir = new TempDir();
        string table = TableCsv.Write(dir, "t.csv", TableCsv.MinimalHeader, TableCsv.MinimalRow(1, 0, 0), TableCsv.MinimalRow(2, 0, 1));
        var (exit, output, _) = CliRunner.Run("ingest", table, "--out", dir.File("t.segue"), "--slice-playlists", "1", "--test-every", "2", "--test-offset", "1");
        Assert.Equal(0, exit);
        Assert.Contains("2 (1 / 1)", output);
        SliceJson.WriteFolder(dir.File("mpd"), slices: 1, perSlice: 5, length: 12);
        var (code, _, err) = CliRunner.Run("ingest", dir.File("mpd"), "--out", dir.File("d.segue"), "--slice-playlists", "20");
        Assert.Equal(1, code);
        Assert.Equal("segue: error: --slice-playlists 20: must be left out for MPD slices (each file is a slice)", err.Trim());
        (code, _, err) = CliRunner.Run("ingest", table, "--out", dir.File("d.segue"), "--format", "mpd");
        Assert.Equal(1, code);
        Assert.Equal($"segue: error: {table}: not an MPD slice (expected a file named mpd.slice.START-END.json, a folder or the MPD zip)", err.Trim());
    }
}
