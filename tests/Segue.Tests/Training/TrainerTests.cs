using Segue.Model;
using Segue.Runs;
using Segue.Structures;
using Segue.Tests.Model;
using Segue.Training;

namespace Segue.Tests.Training;

public class TrainerTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "segue-tests", Guid.NewGuid().ToString("N"));
    private static readonly Catalog Catalog = TestModels.Catalog(tracks: 200, albums: 60, artists: 40);
    private static readonly ModelConfig Config = new()
    {
        FeatureSize = 8, AlbumBuckets = 50, TrackBuckets = 30, Duration = true, NumNegatives = 16,
        ContextLength = 3, MinLength = 6, Seed = 11,
    };

    public void Dispose()
    {
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }

    private static TrainingExamples Examples()
    {
        var rng = new Rng(3);
        var playlists = Enumerable.Range(0, 40)
            .Select(_ => Enumerable.Range(0, 3 + rng.NextInt(15)).Select(_ => rng.NextInt(Catalog.TrackCount)).ToArray());
        return new TrainingExamples(playlists, Config.MinLength);
    }

    private static readonly TrainerOptions Options = new() { Steps = 500, LogEvery = 100, EvalEvery = 300, CheckpointEvery = 200 };

    private static EvaluateModel Evaluate(Action<long>? atStep = null) => (model, step) =>
    {
        atStep?.Invoke(step);
        return new Dictionary<string, double> { ["artist_norm"] = model.Artists.Values.Sum(v => (double)v * v) };
    };

    /// <summary>Trains from <paramref name="state"/> with a run folder recording.</summary>
    private static EmbeddingModel Train(RunFolder run, TrainerOptions options, TrainingState state, EvaluateModel? evaluate = null,
        CancellationToken cancel = default)
    {
        using var writer = RunWriter.Lock(run);
        writer.Begin(RunMetadata.Capture(Config.Seed, RunMetadata.Training), Path.GetFileName(run.ModelPath), state.Step);
        return new Trainer(Examples(), options, evaluate).Run(state, new RunRecorder(writer, options.KeepCheckpoints), cancel);
    }

    [Fact]
    public void KilledAndResumedRunEndsWithTheUninterruptedModel()
    {
        var whole = new RunFolder(Path.Combine(_dir, "whole"));
        Train(whole, Options, Trainer.Start(Config, Catalog), Evaluate());

        // Killed after the step-200 checkpoint, in the middle of the next interval: no final save.
        var broken = new RunFolder(Path.Combine(_dir, "broken"));
        using var kill = new CancellationTokenSource();
        Assert.Throws<OperationCanceledException>(() =>
            Train(broken, Options, Trainer.Start(Config, Catalog), Evaluate(step => { if (step == 300) kill.Cancel(); }), kill.Token));
        Assert.False(File.Exists(broken.ModelPath));
        Assert.Equal(Checkpoints.PathFor(broken.CheckpointsPath, 200), Checkpoints.List(broken.CheckpointsPath).Single());

        var resumed = TrainingRun.Resume(broken, Config, Catalog);
        Assert.Equal(200, resumed.Step);
        Train(broken, Options, resumed, Evaluate());

        Assert.Equal(File.ReadAllBytes(whole.ModelPath), File.ReadAllBytes(broken.ModelPath));
        string[] Losses(RunFolder run) => File.ReadAllLines(run.MetricsPath)
            .Select(l => System.Text.Json.Nodes.JsonNode.Parse(l)!)
            .Select(n => $"{n["step"]} {n["mean_loss"]} {n["artist_norm"]}").ToArray();
        Assert.Equal(Losses(whole), Losses(broken));
        Assert.Equal([100, 200, 300, 400, 500], File.ReadAllLines(whole.MetricsPath).Select(l => (int)System.Text.Json.Nodes.JsonNode.Parse(l)!["step"]!));
    }

    [Fact]
    public void SameSeedSameModelAndOtherSeedOtherModel()
    {
        var options = Options with { Steps = 150, EvalEvery = 0, CheckpointEvery = 0 };
        byte[] ModelBytes(string name, ModelConfig config)
        {
            var run = new RunFolder(Path.Combine(_dir, name));
            Train(run, options, Trainer.Start(config, Catalog));
            return File.ReadAllBytes(run.ModelPath);
        }
        Assert.Equal(ModelBytes("a", Config), ModelBytes("b", Config));
        Assert.NotEqual(ModelBytes("c", Config), ModelBytes("d", Config with { Seed = 12 }));
    }

    [Fact]
    public void NonFiniteLossStopsNamingTheStepAndKeepsTheCheckpoint()
    {
        var run = new RunFolder(_dir);
        var exploding = Config with { LearningRate = 1e30f };
        var options = Options with { CheckpointEvery = 1, EvalEvery = 0 };
        var e = Assert.Throws<SegueException>(() =>
            Train(run, options, Trainer.Start(exploding, Catalog)));
        Assert.Matches(@"^step \d+: (the loss is (NaN|∞|-∞|Infinity|-Infinity)|a parameter is no longer finite); training stopped \(the last checkpoint is kept\)$", e.Message);
        long failed = long.Parse(e.Message[5..e.Message.IndexOf(':')]);
        var last = Checkpoints.List(run.CheckpointsPath)[^1];
        var state = Checkpoints.Load(last, Catalog);
        Assert.Equal(failed - 1, state.Step);
        Assert.True(state.Model.AllFinite());
        Assert.False(File.Exists(run.ModelPath));
    }

    [Fact]
    public void ResumingWithOtherOptionsIsRefused()
    {
        var run = new RunFolder(_dir);
        Train(run, Options with { Steps = 200, EvalEvery = 0, CheckpointEvery = 100 }, Trainer.Start(Config, Catalog));
        var e = Assert.Throws<SegueException>(() => TrainingRun.Resume(run, Config with { FeatureSize = 16 }, Catalog));
        Assert.Equal($"{Checkpoints.PathFor(run.CheckpointsPath, 100)}: the options differ from the checkpoint's (feature_size: 16 vs 8); resume with the run's options", e.Message);
    }

    [Fact]
    public void ADamagedNewestCheckpointIsRefusedOfferingTheOneBefore()
    {
        var run = new RunFolder(_dir);
        Train(run, Options with { Steps = 450, EvalEvery = 0, CheckpointEvery = 100 }, Trainer.Start(Config, Catalog));
        string newest = Checkpoints.PathFor(run.CheckpointsPath, 400);
        File.WriteAllBytes(newest, File.ReadAllBytes(newest)[..100]);
        var e = Assert.Throws<SegueException>(() => TrainingRun.Resume(run, Config, Catalog));
        Assert.StartsWith($"{newest}: ", e.Message);
        Assert.EndsWith($"; to resume from the checkpoint before it, step-000000000300.ckpt, delete {newest}", e.Message);

        File.Delete(newest);
        Assert.Equal(300, TrainingRun.Resume(run, Config, Catalog).Step);
    }

    [Fact]
    public void TwoThreadsTrainEveryStep()
    {
        var run = new RunFolder(_dir);
        var model = Train(run, Options with { Steps = 400, Threads = 2, EvalEvery = 0, CheckpointEvery = 0 }, Trainer.Start(Config, Catalog));
        Assert.True(model.AllFinite());
        var lines = File.ReadAllLines(run.MetricsPath);
        Assert.Equal(4, lines.Length);
        Assert.All(lines, l => Assert.True((double)System.Text.Json.Nodes.JsonNode.Parse(l)!["mean_loss"]! > 0));
    }
}
