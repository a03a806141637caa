using System.Diagnostics;
using Segue.Data;
using Segue.Evaluation;
using Segue.Retrieval;
using Segue.Statistics;

namespace Segue.Bench;

/// <summary>
/// Builds the baselines on a dataset (<c>--dataset FILE</c>, or a generated one of
/// <c>--playlists</c> playlists over <c>--tracks</c> tracks), evaluates <c>--cases</c> held-out
/// playlists with 1 and 2 threads, and prints build seconds, cases per second and the figures.
/// </summary>
public static class EvalBenchmark
{
    public static int Run(string[] argv)
    {
        var args = new BenchArgs(argv);
        int k = args.GetInt("k", 500), caseLimit = args.GetInt("cases", 2000);
        string? generatedDir = null;
        string path = args.Get("dataset", "");
        if (path.Length == 0)
        {
            generatedDir = Directory.CreateTempSubdirectory("segue-eval-bench-").FullName;
            path = Path.Combine(generatedDir, "bench.segue");
            var clock = Stopwatch.StartNew();
            Generate(path, args.GetInt("playlists", 100_000), args.GetInt("tracks", 200_000), args.GetInt("seed", 1));
            Console.WriteLine($"generated {path} in {clock.Elapsed.TotalSeconds:N1} s");
        }
        try
        {
            using var dataset = Dataset.Open(path);
            Console.WriteLine($"dataset: {dataset.PlaylistCount:N0} playlists ({dataset.TrainPlaylists.Length:N0} train), " +
                $"{dataset.TrackCount:N0} tracks, {dataset.OccurrenceCount:N0} occurrences");
            var build = Stopwatch.StartNew();
            var statistics = TrainingStatistics.Of(dataset);
            Console.WriteLine($"statistics (index, popularity) build: {build.Elapsed.TotalSeconds:N2} s");
            var popularity = new PopularityRecommender(statistics);
            IRecommender[] recommenders =
            [
                popularity,
                new PopularityBackfill(new CoOccurrenceRecommender(statistics), popularity),
                new PopularityBackfill(new PlaylistKnnRecommender(statistics), popularity),
            ];
            var cases = HeldOutCases.FromTestSplit(dataset, limit: caseLimit);
            Console.WriteLine($"cases: {cases.Count:N0}, K = {k}");
            var reports = new List<EvalReport>();
            foreach (var recommender in recommenders)
            {
                // A short untimed pass first, so the JIT's tiering is not in the figures.
                new Evaluator(dataset, k).Evaluate(recommender, [.. cases.Take(100)]);
                foreach (int threads in (int[])[1, 2])
                {
                    var report = new Evaluator(dataset, k, threads).Evaluate(recommender, cases);
                    Console.WriteLine($"{recommender.Name,-14} threads {threads}: {report.Cases / report.Seconds,10:N0} cases/s ({report.Seconds:N2} s)");
                    if (threads == 1) reports.Add(report);
                }
            }
            Console.WriteLine();
            Console.WriteLine($"{"recommender",-14}" + string.Concat(reports[0].MetricNames.Select(n => $" {n,24}")));
            foreach (var report in reports)
                Console.WriteLine($"{report.Recommender,-14}" + string.Concat(report.MetricNames.Select(n => $" {report.Overall[n],24:F4}")));
            return 0;
        }
        finally
        {
            if (generatedDir is not null) Directory.Delete(generatedDir, recursive: true);
        }
    }

    // Playlists that mix a few "scenes" (contiguous blocks of tracks with power-law popularity
    // inside) with globally popular tracks, so that co-occurrence has structure to find.
    private static void Generate(string path, int playlists, int tracks, int seed)
    {
        const int SceneSize = 500, PerSlice = 1000;
        var random = new Random(seed);
        int scenes = Math.Max(1, tracks / SceneSize);
        var builder = new DatasetBuilder();
        var list = new List<TrackRecord>();
        for (int p = 0; p < playlists; p++)
        {
            list.Clear();
            int length = 5 + (int)(120 * Math.Pow(random.NextDouble(), 2));
            int scene = (int)(scenes * Math.Pow(random.NextDouble(), 1.5)), second = random.Next(scenes);
            for (int i = 0; i < length; i++)
            {
                double u = random.NextDouble();
                int home = u < 0.6 ? scene : u < 0.85 ? second : -1;
                int track = home < 0
                    ? (int)(tracks * Math.Pow(random.NextDouble(), 4))
                    : Math.Min(tracks - 1, home * SceneSize + (int)(SceneSize * Math.Pow(random.NextDouble(), 2)));
                list.Add(new TrackRecord($"spotify:track:{track}", $"spotify:album:{track / 10}", $"spotify:artist:{track / 25}",
                    $"Track {track}", $"Album {track / 10}", $"Artist {track / 25}", 200_000));
            }
            builder.AddPlaylist(p, $"playlist {p}", p / PerSlice, list);
        }
        builder.Write(path);
    }
}
