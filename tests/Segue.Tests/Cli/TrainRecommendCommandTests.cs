using Segue.Tests.Data;

namespace Segue.Tests.Cli;

[Collection(ConsoleCollection.Name)]
public class TrainRecommendCommandTests
{
    /// <summary>A small dataset ingested from slices, and a run trained on it for a few steps.</summary>
    internal static (string Dataset, string Run) Trained(TempDir dir)
    {
        SliceJson.WriteFolder(dir.File("mpd"), slices: 10, perSlice: 30, length: 14);
        Assert.Equal(0, CliRunner.Run("ingest", dir.File("mpd"), "--out", dir.File("d.segue")).Exit);
        var (exit, _, err) = CliRunner.Run("train", dir.File("d.segue"), "--out", dir.File("run"), "--steps", "300",
            "--eval-every", "150", "--eval-cases", "20", "--log-every", "100");
        Assert.True(exit == 0, err);
        return (dir.File("d.segue"), dir.File("run"));
    }

    [Fact]
    public void A_run_trains_evaluates_and_recommends()
    {
        using var dir = new TempDir();
        var (dataset, run) = Trained(dir);
        Assert.True(File.Exists(Path.Combine(run, "model.segue")));
        var metrics = File.ReadAllLines(Path.Combine(run, "metrics.jsonl"));
        Assert.Equal([100, 150, 200, 300], metrics.Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement.GetProperty("step").GetInt32()));
        Assert.Contains("\"track_recall@500\"", metrics[1]);
        Assert.Contains("\"track_recall@500\"", metrics[3]);

        var (exit, output, err) = CliRunner.Run("recommend", run, "--tracks",
            $"{SliceJson.TrackUri(0)}, spotify:track:unknown", "-k", "5");
        Assert.True(exit == 0, err);
        Assert.Equal("segue: warning: --tracks: spotify:track:unknown: not in the dataset's catalogue; skipped", err.Trim());
        Assert.Contains("│ 5 │", output);

        (exit, output, err) = CliRunner.Run("eval", run, "--dataset", dataset, "--baseline", "popularity", "--limit", "10");
        Assert.True(exit == 0, err);
        Assert.Matches(@"metric\W+model\W+popularity", output);
    }

    [Fact]
    public void With_no_known_seed_recommend_says_it_falls_back_to_popularity()
    {
        using var dir = new TempDir();
        var (_, run) = Trained(dir);
        var (exit, _, err) = CliRunner.Run("recommend", Path.Combine(run, "model.segue"), "-k", "3");
        Assert.Equal(0, exit);
        Assert.Equal("segue: warning: no known seed track: these are the most popular tracks", err.Trim());
    }

    [Fact]
    public void A_second_train_into_the_same_run_is_refused_and_changes_nothing()
    {
        using var dir = new TempDir();
        var (dataset, run) = Trained(dir);
        var model = File.ReadAllBytes(Path.Combine(run, "model.segue"));
        var (exit, _, err) = CliRunner.Run("train", dataset, "--out", run, "--steps", "10");
        Assert.Equal(1, exit);
        Assert.Equal($"segue: error: {Path.GetFullPath(run)}: already holds a run; resume it, or choose another output folder", err.Trim());
        Assert.Equal(model, File.ReadAllBytes(Path.Combine(run, "model.segue")));
    }

    [Fact]
    public void Bad_option_values_are_one_line()
    {
        var (exit, _, err) = CliRunner.Run("train", "x.segue", "--out", "r", "--optimizer", "sgdd");
        Assert.Equal(2, exit);
        Assert.Single(err.Trim().Split('\n'));
        Assert.StartsWith("segue: error: Cannot parse argument 'sgdd' for option '--optimizer'", err);
    }
}

[Collection(ConsoleCollection.Name)]
public class TrainResumeCommandTests
{
    [Fact]
    public void A_run_cut_short_resumes_with_its_own_settings_to_the_same_model()
    {
        using var dir = new TempDir();
        SliceJson.WriteFolder(dir.File("mpd"), slices: 10, perSlice: 20, length: 12);
        Assert.Equal(0, CliRunner.Run("ingest", dir.File("mpd"), "--out", dir.File("d.segue")).Exit);
        string[] train = ["train", dir.File("d.segue"), "--steps", "300", "--checkpoint-every", "100", "--eval-every", "0", "--seed", "7"];
        Assert.Equal(0, CliRunner.Run([.. train, "--out", dir.File("whole")]).Exit);
        Assert.Equal(0, CliRunner.Run([.. train, "--out", dir.File("cut")]).Exit);
        // As if killed after the checkpoint of step 200: no later checkpoint, no model, no summary.
        var checkpoints = Directory.GetFiles(dir.File("cut/checkpoints")).Order().ToArray();
        File.Delete(checkpoints[^1]);
        File.Delete(dir.File("cut/model.segue"));
        File.Delete(dir.File("cut/summary.json"));

        var (exit, _, err) = CliRunner.Run("train", "--resume", "--out", dir.File("cut"), "--steps", "5");
        Assert.Equal(1, exit);
        Assert.Equal("segue: error: --resume continues a run with its own settings: drop --steps", err.Trim());

        (exit, _, err) = CliRunner.Run("train", "--resume", "--out", dir.File("cut"));
        Assert.True(exit == 0, err);
        Assert.Equal(File.ReadAllBytes(dir.File("whole/model.segue")), File.ReadAllBytes(dir.File("cut/model.segue")));
    }

    [Fact]
    public void A_run_killed_writing_its_first_checkpoint_resumes_to_one_line_and_its_temporary_goes()
    {
        using var dir = new TempDir();
        var (_, run) = TrainRecommendCommandTests.Trained(dir);
        // As if killed by the file-size limit while writing the checkpoint of step 100: its
        // temporary, no checkpoint, no model, no summary.
        string checkpoints = Path.Combine(run, "checkpoints");
        Directory.CreateDirectory(checkpoints);
        string temporary = Path.Combine(checkpoints, $".step-000000000100.ckpt.{Segue.Tests.IO.Shell.DeadProcessId()}.{Guid.NewGuid():N}.tmp");
        File.WriteAllText(temporary, "half a checkpoint");
        File.Delete(Path.Combine(run, "model.segue"));
        File.Delete(Path.Combine(run, "summary.json"));

        var (exit, _, err) = CliRunner.Run("train", "--resume", "--out", run);
        Assert.Equal(1, exit);
        Assert.Equal($"segue: error: {checkpoints}: no checkpoint to resume from (the run stopped before its first); " +
            "train it again from the start into another folder", err.Trim());
        Assert.Empty(Directory.GetFileSystemEntries(checkpoints));
    }
}
