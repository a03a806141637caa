using System.Diagnostics;
using Segue.Data;
using Segue.Data.Synth;
using Segue.Evaluation;
using Segue.Ranking;
using Segue.Retrieval;
using Segue.Statistics;

namespace Segue.Bench;

/// <summary>
/// <c>sizes [--sizes 1000,5000,20000,100000] [--dir DIR] [--seed 1] [--limit 1000]</c>: for each
/// size, synthesises that many playlists (in ten slices at least, every tenth held out), fits a ranker with the
/// defaults, and prints it beside its best generator alone on the held-out split (the first
/// <c>--limit</c> playlists, 5 seeds each) and on the fit's own kept-out validation cases: the
/// ranker's promise, held at every size a user may bring.
/// </summary>
public static class SizesBenchmark
{
    public static int Run(string[] argv)
    {
        var args = new BenchArgs(argv);
        int[] sizes = [.. args.Get("sizes", "1000,5000,20000,100000").Split(',').Select(int.Parse)];
        string dir = args.Get("dir", Path.Combine(Path.GetTempPath(), "segue-sizes-bench"));
        int seed = args.GetInt("seed", 1), limit = args.GetInt("limit", 1000);
        Directory.CreateDirectory(dir);
        var rows = new List<string>();
        foreach (int size in sizes)
        {
            string mpd = Path.Combine(dir, $"mpd{size}"), datasetPath = mpd + ".segue", rankerPath = mpd + "-ranker";
            if (!File.Exists(datasetPath))
            {
                // Ten slices at least, so that every tenth is held out.
                new SynthGenerator(new SynthOptions { Seed = seed, Playlists = size, SliceSize = Math.Min(SynthOptions.MaxSliceSize, size / 10) })
                    .Write(mpd, Progress.None);
                MpdIngest.Run([mpd], datasetPath, new IngestOptions(), Progress.None);
            }
            if (Directory.Exists(rankerPath)) Directory.Delete(rankerPath, recursive: true);
            using var dataset = Dataset.Open(datasetPath);
            var clock = Stopwatch.StartNew();
            var fit = RankerFit.Run(dataset, new RankerOptions(), rankerPath);
            double fitSeconds = clock.Elapsed.TotalSeconds;

            var ranker = RankerFolder.Open(rankerPath, TrainingStatistics.Of(dataset));
            var popularity = ranker.Sources.Popularity;
            var cases = HeldOutCases.FromTestSplit(dataset, limit: limit);
            var evaluator = new Evaluator(dataset, Submission.Length, threads: Environment.ProcessorCount);
            var reports = new List<EvalReport> { evaluator.Evaluate(ranker, cases) };
            foreach (var g in ranker.Sources.Alone())
                reports.Add(evaluator.Evaluate(g == popularity ? g : new PopularityBackfill(g, popularity), cases));
            var heldOut = RankerVerdict.Of(reports);
            Console.WriteLine($"{size:N0} playlists ({dataset.TrainPlaylists.Length:N0} training, {cases.Count:N0} held-out cases), fit in {fitSeconds:N0} s");
            Console.WriteLine($"  held-out:   {(heldOut.Ahead ? "ahead" : "NOT AHEAD")}: {heldOut.Figures}");
            Console.WriteLine($"  validation: {(fit.Verdict.Ahead ? "ahead" : "NOT AHEAD")} on {fit.Verdict.Cases:N0} kept-out cases: {fit.Verdict.Figures}");
            rows.Add($"| {size:N0} | {Cell(heldOut, 0)} | {Cell(heldOut, 1)} | {Cell(heldOut, 2)} | {(heldOut.Ahead ? "yes" : "no")} | {fitSeconds:N0} s |");
        }
        Console.WriteLine();
        Console.WriteLine("| playlists | R-precision: ranker / best generator | NDCG | clicks | ahead | fit |");
        Console.WriteLine("|---:|---|---|---|---|---:|");
        foreach (var row in rows) Console.WriteLine(row);
        return 0;
    }

    private static string Cell(RankerVerdict verdict, int metric)
    {
        var m = verdict.Metrics[metric];
        return $"{m.Ranker:F4} / {m.Best:F4} ({m.BestGenerator})";
    }
}
