using Segue.Tests.Data;

namespace Segue.Tests.Cli;

/// <summary><c>segue check</c>: exit 0 when every enforced rule holds, 1 with one line naming the broken ones.</summary>
[Collection(ConsoleCollection.Name)]
public class CheckCommandTests
{
    [Fact]
    public void Broken_rules_exit_1_naming_them_and_quick_skips_the_whole_dataset_rules()
    {
        using var dir = new TempDir();
        SliceJson.WriteFolder(dir.File("mpd"), slices: 2, perSlice: 5, length: 12);
        var (exit, output, err) = CliRunner.Run("check", dir.File("mpd"));
        Assert.Equal(1, exit);
        Assert.Equal($"segue: error: {dir.File("mpd")}: 1 of the MPD's rules broken: pids (999,990)", err.Trim());
        Assert.Contains("pids 10 to 999,999 missing", output);
        (exit, output, err) = CliRunner.Run("check", dir.File("mpd"), "--quick");
        Assert.True(exit == 0, err);
        Assert.Contains("not checked:", output);
    }

    [Theory]
    [InlineData(new[] { "--threads", "0" }, "--threads 0: must be between 1 and 1024")]
    [InlineData(new string[0], "{0}: no such file or folder")]
    public void A_bad_thread_count_or_source_is_one_line(string[] options, string message)
    {
        using var dir = new TempDir();
        var (exit, _, err) = CliRunner.Run(["check", dir.File("none"), .. options]);
        Assert.Equal(1, exit);
        Assert.Equal($"segue: error: {string.Format(message, dir.File("none"))}", err.Trim());
    }

    [Fact]
    public void A_tables_dataset_passes_with_the_MPD_rules_it_breaks_reported()
    {
        using var dir = new TempDir();
        string table = TableCsv.Write(dir, "t.csv", TableCsv.MinimalHeader, TableCsv.MinimalRow(1, 0, 0));
        Assert.Equal(0, CliRunner.Run("ingest", table, "--out", dir.File("t.segue")).Exit);
        var (exit, output, err) = CliRunner.Run("check", dir.File("t.segue"));
        Assert.True(exit == 0, err);
        Assert.Contains("min-tracks: first offenders (not enforced)", output);
        Assert.Contains("  pid 1: 1 tracks", output);
    }
}
