using System.Text.Json.Nodes;
using Segue.Tests.Data;

namespace Segue.Tests.Cli;

/// <summary>Bad options and failing writes for <c>train</c> and <c>sweep</c>: one line each, before
/// any training where the problem can be known then, and a failed run recorded as failed.</summary>
[Collection(ConsoleCollection.Name)]
public class TrainFaultTests
{
    private static string Dataset(TempDir dir)
    {
        SliceJson.WriteFolder(dir.File("mpd"), slices: 4, perSlice: 20, length: 12);
        Assert.Equal(0, CliRunner.Run("ingest", dir.File("mpd"), "--out", dir.File("d.segue")).Exit);
        return dir.File("d.segue");
    }

    [Theory]
    [InlineData("--num-negatives", "1000000000", "--num-negatives 1000000000: must be between 1 and 4096")]
    [InlineData("--album-buckets", "2000000000", "--album-buckets 2000000000: must be at most 67108862 at feature_size 32: a table holds at most 2147483591 values")]
    [InlineData("--lr", "NaN", "--lr NaN: must be finite and positive")]
    [InlineData("--w-mean", "-1", "--w-mean -1: must be finite and >= 0")]
    [InlineData("--threads", "5000", "--threads 5000: must be between 1 and 1024")]
    [InlineData("--eval-every", "-1", "--eval-every -1: must be 0 (never) or positive")]
    public void An_out_of_range_option_is_one_line_naming_the_option(string option, string value, string message)
    {
        using var dir = new TempDir();
        var (exit, _, err) = CliRunner.Run("train", dir.File("nowhere.segue"), "--out", dir.File("run"), option, value);
        Assert.Equal(1, exit);
        Assert.Equal($"segue: error: {message}", err.TrimEnd('\n'));
    }

    [Fact]
    public void Evaluation_asked_of_a_dataset_without_a_test_split_is_refused_and_by_default_said()
    {
        using var dir = new TempDir();
        SliceJson.WriteFolder(dir.File("mpd"), slices: 4, perSlice: 20, length: 12);
        Assert.Equal(0, CliRunner.Run("ingest", dir.File("mpd"), "--out", dir.File("d.segue"), "--test-every", "0").Exit);
        string none = $"{dir.File("d.segue")} holds no test-split playlist of 10 or more tracks to evaluate on";
        var (exit, _, err) = CliRunner.Run("train", dir.File("d.segue"), "--out", dir.File("run"), "--steps", "50", "--eval-every", "10");
        Assert.Equal(1, exit);
        Assert.Equal($"segue: error: --eval-every 10: {none}; give 0 to train without evaluating\n", err);
        Assert.False(Directory.Exists(dir.File("run")));

        (exit, _, err) = CliRunner.Run("train", dir.File("d.segue"), "--out", dir.File("run"), "--steps", "50");
        Assert.True(exit == 0, err);
        Assert.Equal($"segue: warning: no held-out evaluation: {none}\n", err);
    }

    [Fact]
    public void A_run_that_fails_writing_a_checkpoint_records_failed_with_the_error()
    {
        using var dir = new TempDir();
        string dataset = Dataset(dir);
        string run = dir.File("run");
        Directory.CreateDirectory(run);
        File.WriteAllText(Path.Combine(run, "checkpoints"), "in the way");   // checkpoints/ cannot be created
        var (exit, _, err) = CliRunner.Run("train", dataset, "--out", run, "--steps", "300", "--checkpoint-every", "100",
            "--log-every", "50", "--eval-every", "0");
        Assert.Equal(1, exit);
        Assert.StartsWith($"segue: error: {run}", err);
        Assert.Single(err.TrimEnd('\n').Split('\n'));

        var summary = JsonNode.Parse(File.ReadAllText(Path.Combine(run, "summary.json")))!;
        Assert.Equal("failed", (string)summary["status"]!);
        Assert.Equal(err.TrimEnd('\n')["segue: error: ".Length..], (string)summary["error"]!);
        Assert.Equal(100, (long)summary["steps"]!);
    }

    [Fact]
    public void A_sweep_setting_given_by_set_and_grid_is_refused()
    {
        using var dir = new TempDir();
        var (exit, _, err) = CliRunner.Run("sweep", dir.File("nowhere.segue"), "--grid", "feature_size=8,16", "--set", "feature_size=4",
            "--steps", "10", "--out", dir.File("sweep"));
        Assert.Equal(1, exit);
        Assert.Equal("segue: error: --set feature_size: also a grid key; give it in one of them", err.TrimEnd('\n'));
    }
}
