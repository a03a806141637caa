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
}
