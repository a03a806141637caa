using System.Text.Json.Nodes;
using Segue.Data;
using Segue.Model;
using Segue.Training;

namespace Segue.Bench;

/// <summary>
/// Training steps per second in book mode (F = 32, 64 negatives, one playlist per step) with 1
/// and 2 threads, on an in-memory synthetic catalogue of MPD-like shape or on --dataset FILE.
///   dotnet run -c Release --project bench/Segue.Bench -- train [--steps 20000] [--dataset FILE]
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
        if (options.Has("dataset"))
        {
            using var dataset = Dataset.Open(options.Get("dataset", ""));
            catalog = Catalog.FromDataset(dataset);
            examples = TrainingExamples.FromDataset(dataset, config.MinLength);
        }
        else
        {
            catalog = SyntheticCatalog.Create(tracks: 500_000, albums: 170_000, artists: 70_000);
            examples = new TrainingExamples(SyntheticCatalog.Playlists(100_000, catalog.TrackCount), config.MinLength);
        }
        Console.WriteLine($"catalogue {catalog.TrackCount:N0} tracks, {catalog.AlbumCount:N0} albums, {catalog.ArtistCount:N0} artists; {examples.Count:N0} examples");
        string folder = Path.Combine(Path.GetTempPath(), "segue-bench-train-" + Environment.ProcessId);
        try
        {
            foreach (int threads in new[] { 1, 2 })
            {
                var run = new RunFolder(Path.Combine(folder, threads.ToString()));
                var trainer = new Trainer(run, examples, new TrainerOptions
                {
                    Steps = steps, Threads = threads, LogEvery = steps, EvalEvery = 0, CheckpointEvery = 0,
                });
                trainer.Run(Trainer.Start(config, catalog), Progress.None);
                var line = JsonNode.Parse(File.ReadAllLines(run.MetricsPath)[^1])!;
                Console.WriteLine($"threads {threads}: {(double)line["steps_per_second"]!,10:N0} steps/s  (book mode, {steps:N0} steps, mean loss {(double)line["mean_loss"]!:F4})");
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
        return 0;
    }
}
