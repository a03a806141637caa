using Segue.Runs;

namespace Segue.Tests.Runs;

/// <summary>Run folders written by hand, as a trainer (or a killed one) leaves them.</summary>
public class RunRecordTests
{
    internal static string Config(int featureSize = 32, string optimizer = "sgd", long steps = 100) => $$"""
        { "model": { "feature_size": {{featureSize}}, "optimizer": "{{optimizer}}", "weights": { "reg": 1 }, "seed": 7 },
          "training": { "steps": {{steps}}, "eval_every": 50 },
          "dataset": { "path": "/data/d.segue", "fingerprint": "00000000000000ab" } }
        """;

    internal const string Metrics = """
        {"step":50,"wall_seconds":1.5,"steps_per_second":40,"mean_loss":3.0,"track_recall@500":0.1}
        {"step":100,"wall_seconds":3.0,"steps_per_second":45,"mean_loss":2.5,"track_recall@500":0.2}

        """;

    internal static string Write(TempDir dir, string name, string config, string? metrics = Metrics, bool summary = true, bool model = true)
    {
        string path = dir.File(name);
        Directory.CreateDirectory(path);
        File.WriteAllText(Path.Combine(path, "config.json"), config);
        if (metrics is not null) File.WriteAllText(Path.Combine(path, "metrics.jsonl"), metrics);
        if (model) File.WriteAllText(Path.Combine(path, "model.segue"), "model");
        if (summary) RunSummary.FromMetrics(RunMetrics.Read(Path.Combine(path, "metrics.jsonl")), RunStatus.Complete).Write(Path.Combine(path, "summary.json"));
        return path;
    }

    [Fact]
    public void A_complete_run_reads_back_with_its_series_settings_and_final_metrics()
    {
        using var dir = new TempDir();
        var run = RunRecord.Open(Write(dir, "r", Config()));
        Assert.Equal(RunStatus.Complete, run.Status);
        Assert.Null(run.Problem);
        Assert.Equal(["mean_loss", "steps_per_second", "track_recall@500", "wall_seconds"], run.Metrics.Names);
        Assert.Equal([50L, 100L], run.Metrics.Series("track_recall@500")!.Steps);
        Assert.Equal([0.1, 0.2], run.Metrics.Series("track_recall@500")!.Values);
        Assert.Equal(100, run.Metrics.LastStep);
        Assert.Equal("32", run.Settings["model.feature_size"]);
        Assert.Equal("sgd", run.Settings["model.optimizer"]);
        Assert.Equal("1", run.Settings["model.weights.reg"]);
        Assert.Equal("/data/d.segue", run.Dataset.Path);
        var summary = run.Summary!;
        Assert.Equal((100L, 3.0), (summary.Steps, summary.WallSeconds));
        Assert.Equal(new Dictionary<string, double> { ["mean_loss"] = 2.5, ["steps_per_second"] = 45, ["track_recall@500"] = 0.2 }, summary.Metrics);
    }

    [Fact]
    public void A_run_killed_mid_run_is_incomplete_and_refused_where_a_finished_run_is_needed()
    {
        using var dir = new TempDir();
        var killed = RunRecord.Open(Write(dir, "killed", Config(), summary: false, model: false));
        Assert.Equal(RunStatus.Incomplete, killed.Status);
        Assert.Equal(2.5, killed.Metrics.Last("mean_loss"));
        var e = Assert.Throws<SegueException>(() => killed.RequireComplete());
        Assert.Equal($"{dir.File("killed")}: incomplete run (no summary.json: killed mid-run, or still training)", e.Message);

        var noModel = RunRecord.Open(Write(dir, "nomodel", Config(), model: false));
        Assert.Equal($"{dir.File("nomodel")}: incomplete run (no model.segue)", Assert.Throws<SegueException>(() => noModel.RequireComplete()).Message);
        Assert.Throws<SegueException>(() => new RunComparison([RunRecord.Open(dir.File("nomodel"))]));
    }

    [Fact]
    public void A_failed_run_says_why()
    {
        using var dir = new TempDir();
        string path = Write(dir, "failed", Config(), summary: false, model: false);
        RunSummary.FromMetrics(RunMetrics.Read(Path.Combine(path, "metrics.jsonl")), RunStatus.Failed, "step 77: the loss is NaN")
            .Write(Path.Combine(path, "summary.json"));
        var run = RunRecord.Open(path);
        Assert.Equal(RunStatus.Failed, run.Status);
        Assert.Equal($"{path}: failed run (step 77: the loss is NaN)", Assert.Throws<SegueException>(() => run.RequireComplete()).Message);
    }

    [Fact]
    public void Bad_folders_and_bad_metrics_lines_are_one_line_errors()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(dir.File("empty"));
        Assert.Equal($"{dir.File("empty")}: not a run folder (no config.json)", Assert.Throws<SegueException>(() => RunRecord.Open(dir.File("empty"))).Message);
        Assert.Equal($"{dir.File("empty")}: not a run folder (no config.json), and no run folder below it",
            Assert.Throws<SegueException>(() => RunRecord.Resolve([dir.File("empty")])).Message);
        Write(dir, "bad", Config(), metrics: "{\"step\":1,\"mean_loss\":2}\n{\"mean_loss\":2}\n", summary: false);
        var e = Assert.Throws<SegueException>(() => RunRecord.Open(dir.File("bad")));
        Assert.Equal($"{Path.Combine(dir.File("bad"), "metrics.jsonl")}: line 2: expected an object with an integer 'step'", e.Message);
    }

    [Fact]
    public void A_folder_of_runs_stands_for_the_runs_in_it_and_a_comparison_shows_what_differs()
    {
        using var dir = new TempDir();
        Write(dir, Path.Combine("sweep", "b"), Config(featureSize: 16, optimizer: "adam"));
        Write(dir, Path.Combine("sweep", "a"), Config());
        var runs = RunRecord.Resolve([dir.File("sweep")]);
        Assert.Equal(["a", "b"], runs.Select(r => r.Name));
        var comparison = new RunComparison(runs);
        Assert.Equal(["model.feature_size", "model.optimizer"], comparison.DifferingKeys);
        Assert.Contains("training.steps", comparison.SharedKeys);
        Assert.Equal(["mean_loss", "steps_per_second", "track_recall@500"], comparison.FinalMetricNames);
        Assert.Equal("adam", RunComparison.Setting(runs[1], "model.optimizer"));
    }
}
