using System.Diagnostics;
using Segue.Data;
using Segue.Evaluation;
using Segue.Model;
using Segue.Retrieval;
using Segue.Statistics;
using Segue.Training;

namespace Segue.Bench;

/// <summary>
/// Training steps per second in book mode (F = 32, 64 negatives, one playlist per step) with 1
/// and 2 threads, on an in-memory synthetic catalogue of MPD-like shape or on --dataset FILE;
/// with a dataset, also the held-out track recall@500 that 2 threads reach in a fixed wall-clock
/// budget (steps = budget x the measured rate), beside the baselines.
///   dotnet run -c Release --project bench/Segue.Bench -- train [--steps 20000] [--dataset FILE [--budget 60]]
/// </summary>
public static class TrainBenchmark
{
    public static int Run(string[] args)
    {
        var options = new BenchArgs(args);
        int steps = options.GetInt("steps", 20_000);
        Catalog catalog;
        TrainingExamples examples;
        var config = new ModelConfig();
        using var dataset = options.Has("dataset") ? Dataset.Open(options.Get("dataset", "")) : null;
        if (dataset is not null)
        {
            catalog = Catalog.FromDataset(dataset);
            examples = TrainingExamples.FromDataset(dataset, config.MinLength);
        }
        else
        {
            catalog = SyntheticCatalog.Create(tracks: 500_000, albums: 170_000, artists: 70_000);
            examples = new TrainingExamples(SyntheticCatalog.Playlists(100_000, catalog.TrackCount), config.MinLength);
        }
        Console.WriteLine($"catalogue {catalog.TrackCount:N0} tracks, {catalog.AlbumCount:N0} albums, {catalog.ArtistCount:N0} artists; {examples.Count:N0} examples");
        double rate = 0;
        foreach (int threads in new[] { 1, 2 })
        {
            var last = new LastLog();
            new Trainer(examples, new TrainerOptions
            {
                Steps = steps, Threads = threads, LogEvery = steps, EvalEvery = 0, CheckpointEvery = 0,
            }).Run(Trainer.Start(config, catalog), last);
            rate = last.Log.StepsPerSecond;
            Console.WriteLine($"threads {threads}: {rate,10:N0} steps/s  (book mode, {steps:N0} steps, mean loss {last.Log.MeanLoss:F4})");
        }
        if (dataset is not null) RecallInBudget(dataset, catalog, examples, config, options.GetInt("budget", 60), rate);
        return 0;
    }

    /// <summary>Keeps the trainer's last log figures.</summary>
    private sealed class LastLog : ITrainingListener
    {
        public TrainingLog Log { get; private set; }

        public void Reported(TrainingReport report) => Log = report.Log ?? Log;
    }

    private static void RecallInBudget(Dataset dataset, Catalog catalog, TrainingExamples examples, ModelConfig config,
        int budgetSeconds, double rate)
    {
        long steps = (long)(budgetSeconds * rate);
        var clock = Stopwatch.StartNew();
        var model = new Trainer(examples, new TrainerOptions
        {
            Steps = steps, Threads = 2, LogEvery = Math.Max(1, steps), EvalEvery = 0, CheckpointEvery = 0,
        }).Run(Trainer.Start(config, catalog), TrainingListeners.None);
        double trained = clock.Elapsed.TotalSeconds;
        var cases = HeldOutCases.FromTestSplit(dataset, config.ContextLength, config.MinLength, limit: 1000);
        var evaluator = new Evaluator(dataset, threads: 2);
        var statistics = TrainingStatistics.Of(dataset);
        IRecommender[] recommenders = [new ModelRecommender(model), .. Baselines.Build(statistics, Baselines.Names)];
        Console.WriteLine($"budget {budgetSeconds} s: {steps:N0} steps on 2 threads in {trained:N1} s ({steps / (double)examples.Count:N2} epochs); {cases.Count:N0} held-out playlists:");
        foreach (var r in recommenders)
        {
            var report = evaluator.Evaluate(r, cases);
            Console.WriteLine($"  {r.Name,-14} track_recall@500 {report.Overall["track_recall@500"]:F4}  book_track_recall@500 {report.Overall["book_track_recall@500"]:F4}  ndcg {report.Overall["ndcg"]:F4}");
        }
    }
}
