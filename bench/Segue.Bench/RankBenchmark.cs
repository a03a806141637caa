using System.Diagnostics;
using Segue.Data;
using Segue.Evaluation;
using Segue.Ranking;
using Segue.Retrieval;

namespace Segue.Bench;

/// <summary>
/// Latency of <c>segue recommend</c> with a fitted ranker: opens <c>--ranker DIR</c> on its
/// dataset (<c>--dataset FILE</c>, default the one it records), then answers <c>--queries</c>
/// held-out playlists of <c>--seeds</c> seeds one at a time on one thread, K = 500, and prints the
/// load time, p50, p90 and p99 per query and the process's peak memory.
/// </summary>
public static class RankBenchmark
{
    public static int Run(string[] argv)
    {
        var args = new BenchArgs(argv);
        string rankerPath = args.Get("ranker", "");
        if (rankerPath.Length == 0)
        {
            Console.Error.WriteLine("usage: Segue.Bench rank --ranker DIR [--dataset FILE] [--queries 300] [--seeds 5]");
            return 2;
        }
        int queries = args.GetInt("queries", 300), seeds = args.GetInt("seeds", 5);
        using var dataset = Dataset.Open(args.Get("dataset", RankerFolder.ReadConfig(rankerPath).DatasetPath));
        var clock = Stopwatch.StartNew();
        var ranker = RankerFolder.Open(rankerPath, dataset);
        Console.WriteLine($"ranker opened (generators built from {dataset.TrainPlaylists.Length:N0} playlists) in {clock.Elapsed.TotalSeconds:N2} s");
        var cases = HeldOutCases.FromTestSplit(dataset, contextLength: seeds, minLength: seeds + 1, limit: queries + 20);
        var scorer = ranker.CreateScorer();
        var results = new ScoredTrack[Submission.Length];
        // The first queries warm the JIT and the prediction engine; they are not timed.
        foreach (var c in cases.Take(20)) scorer.Recommend(c.Query, excludeSeeds: true, results);
        var times = new List<double>();
        foreach (var c in cases.Skip(20))
        {
            clock.Restart();
            scorer.Recommend(c.Query, excludeSeeds: true, results);
            times.Add(clock.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        double P(double q) => times[Math.Min(times.Count - 1, (int)(q * times.Count))];
        Console.WriteLine($"{times.Count} queries of {seeds} seeds, 1 thread, K = {Submission.Length}: " +
            $"p50 {P(0.5):N1} ms, p90 {P(0.9):N1} ms, p99 {P(0.99):N1} ms");
        Console.WriteLine($"peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:N0} MB");
        return 0;
    }
}
