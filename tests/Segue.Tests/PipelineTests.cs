using Segue.Data;
using Segue.Data.Synth;
using Segue.Evaluation;
using Segue.Model;
using Segue.Ranking;
using Segue.Retrieval;
using Segue.Runs;
using Segue.Serving;
using Segue.Statistics;
using Segue.Training;

namespace Segue.Tests;

/// <summary>The front door end to end on a small synthetic dataset: each call does its job and
/// says what it did; a setting out of range is refused before any work.</summary>
public class PipelineTests
{
    [Fact]
    public void Each_job_is_one_call_from_synthetic_slices_to_a_sweep_and_an_evaluation()
    {
        using var dir = new TempDir();
        var synth = Pipeline.Synthesise(dir.File("mpd"), new SynthOptions { Seed = 4, Playlists = 1_000, SliceSize = 100, ChallengePlaylists = 20 });
        Assert.Equal(1_000, synth.Playlists);

        var ingest = Pipeline.Ingest([dir.File("mpd")], dir.File("d.segue"));
        Assert.Equal(1_000, ingest.Playlists);
        Assert.Equal(100, ingest.TestPlaylists);

        var request = new TrainingRequest(dir.File("d.segue"), dir.File("run"))
        {
            Model = new ModelConfig { FeatureSize = 8, Seed = 3 },
            Training = new TrainerOptions { Steps = 300, EvalEvery = 0, CheckpointEvery = 0 },
        };
        var trained = Pipeline.Train(request);
        Assert.Equal((300L, dir.File("run/model.segue"), (string?)null), (trained.Steps, trained.ModelPath, trained.Warning));
        Assert.Equal(RunStatus.Complete, RunRecord.Open(dir.File("run")).Status);
        Assert.Equal(Path.GetFullPath(dir.File("d.segue")), Pipeline.DatasetOf(dir.File("run")));

        var swept = Pipeline.Sweep(dir.File("d.segue"), dir.File("sweep"), new SweepOptions { Grid = ["feature_size=4,8"], Set = ["seed=3"] },
            new TrainerOptions { Steps = 100, EvalEvery = 0, CheckpointEvery = 0 });
        Assert.Equal(["feature_size=4", "feature_size=8"], swept.Outcomes.Select(o => o.Point.Name));
        Assert.Empty(swept.Failed);
        Assert.Equal(["4", "8"], swept.Comparison!.Runs.Select(r => r.Settings["model.feature_size"]));
        Assert.All(swept.Comparison.Runs, r => Assert.Equal("3", r.Settings["model.seed"]));
        Assert.Equal(Path.GetFullPath(dir.File("sweep/report.html")), swept.ReportPath);
        Assert.True(File.Exists(swept.ReportPath));

        using var dataset = Dataset.Open(dir.File("d.segue"));
        // On the dataset already open, the same run.
        var again = Pipeline.Train(dataset, request with { RunFolder = dir.File("again") });
        Assert.Equal(File.ReadAllBytes(trained.ModelPath), File.ReadAllBytes(again.ModelPath));
        Assert.Equal(Pipeline.DatasetOf(dir.File("run")), Pipeline.DatasetOf(dir.File("again")));

        var result = Pipeline.Evaluate(dataset, new EvaluationRequest
        {
            Models = [dir.File("run")], Baselines = [PopularityRecommender.BaselineName], Challenge = dir.File("mpd"),
            Options = new EvaluationOptions { K = 50, Threads = 1 },
        });
        Assert.Equal(20, result.Cases.Count);
        Assert.Equal(["model", PopularityRecommender.BaselineName], result.Reports.Select(r => r.Recommender.StartsWith("model") ? "model" : r.Recommender));
        Assert.All(result.Reports, r => Assert.Equal(20, r.Cases));

        // Opening a baseline by its spec gives the recommender the evaluation measured.
        var popularity = Pipeline.Open(RecommenderSpec.BaselinePrefix + PopularityRecommender.BaselineName, TrainingStatistics.Of(dataset));
        var evaluated = new Evaluator(dataset, 50).Evaluate(popularity, result.Cases);
        Assert.Equal(result.Reports[1].Overall, evaluated.Overall);
    }

    [Fact]
    public void A_setting_out_of_range_is_refused_by_its_key_before_any_work()
    {
        using var dir = new TempDir();
        var e = Assert.Throws<SettingException>(() => Pipeline.Train(new TrainingRequest(dir.File("missing.segue"), dir.File("run"))
        {
            Training = new TrainerOptions { EvalCases = 0 },
        }));
        Assert.Equal("eval_cases 0: must be positive", e.Message);
        Assert.Equal("epochs 0: must be positive", Assert.Throws<SettingException>(() =>
            Pipeline.Train(new TrainingRequest(dir.File("missing.segue"), dir.File("run")) { Epochs = 0 })).Message);
        Assert.Equal("pknn_k 0: must be between 1 and 1000000", Assert.Throws<SettingException>(() =>
            Pipeline.Fit(dir.File("missing.segue"), dir.File("ranker"), new RankerOptions { Generators = new() { PlaylistKnn = new() { K = 0 } } })).Message);
        Assert.Equal("parallel 0: must be between 1 and 1024", Assert.Throws<SettingException>(() =>
            Pipeline.Sweep(dir.File("missing.segue"), dir.File("sweep"), new SweepOptions { Grid = ["feature_size=4,8"], Parallel = 0 },
                new TrainerOptions())).Message);
        Assert.False(Directory.Exists(dir.File("run")));
        Assert.False(Directory.Exists(dir.File("ranker")));
        Assert.False(Directory.Exists(dir.File("sweep")));
    }
}
