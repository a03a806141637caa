using System.Diagnostics;
using Segue.Data;
using Segue.Evaluation;
using Segue.Factorisation;
using Segue.IO;
using Segue.Model;
using Segue.Retrieval;
using Segue.Runs;
using Segue.Statistics;
using Segue.Structures;

namespace Segue.Ranking;

/// <summary>
/// Fits a ranker (<c>segue fit</c>): draws the validation split, builds the generators of each of
/// its folds from the training split without the fold's playlists, pools candidates for every
/// validation case with its fold's generators and computes their features, fits LambdaRank on the
/// cases of all but every <see cref="RankerOptions.EvaluateEvery"/>-th validation playlist (every
/// positive, a seeded sample of negatives), measures the ranker and each generator alone on the
/// cases kept out (each with its fold's statistics: as serving will score a new playlist), and
/// writes the ranker folder (<see cref="RankerFolder"/>) with the factorisation of the whole
/// training split, which a served ranker's other statistics also count. Features are computed in
/// parallel but kept in case order, so a seed and a thread count give the same bytes.
/// </summary>
public static class RankerFit
{
    /// <summary>What a ranker folder's run.json says it is.</summary>
    public const string Kind = "ranker fit";

    /// <summary>What a fit measured: the ranker's and each generator's validation figures (the
    /// ranker first) and the verdict on them, the candidate pools' recall and size, the cases and
    /// rows fitted, the playlists each fold's statistics held and those the served ranker's hold.</summary>
    public sealed record Result(IReadOnlyList<EvalReport> Validation, RankerVerdict Verdict, double PoolRecall, double MeanPoolSize,
        int FitCases, int Rows, IReadOnlyList<int> FoldStatistics, int ServedStatistics, double Seconds);

    public static Result Run(Dataset dataset, RankerOptions options, string outPath, IProgressSink? progress = null)
    {
        options.Validate();
        progress ??= Progress.None;
        string target = OutputPath.Folder(outPath);
        // Held to the end, as a training run holds its folder: a second fit into the same folder is refused.
        using var held = OutputLock.Hold(TempNames.LockFor(target), target, removeWhenDone: true);
        if (Path.Exists(target))
            throw new SegueException($"{outPath}: already exists; choose another output folder");
        TempNames.RemoveStale(target);   // a killed fit's, now rather than after this one's work
        var clock = Stopwatch.StartNew();
        var metadata = RunMetadata.Capture((ulong)options.Seed, Kind);
        var model = options.Model is null ? null : ModelFile.Load(options.Model, dataset);
        string? modelChecksum = options.Model is null ? null : RankerFolder.TrainedModelChecksum(options.Model);

        var split = ValidationSplit.Build(dataset, options.ValidationCases, options.EvaluateEvery, (ulong)options.Seed);
        var folds = split.Folds;
        if (folds.Count == 0)
            throw new SegueException($"{dataset.FilePath}: no training playlist has the {ChallengeSeeds.MinLength} tracks a validation case needs: nothing to learn from");
        var names = new NameWords(dataset);
        var sources = folds.Select(f => new CandidateSources(TrainingStatistics.Of(dataset, f.TrainingPlaylists), options.Generators, model,
            threads: options.Threads, progress: progress, names: names)).ToArray();
        var fitCases = folds.SelectMany((f, i) => f.FitCases.Select(c => (Fold: i, Case: c))).ToArray();

        var perCase = new CaseRows[fitCases.Length];
        using (var task = progress.Begin("pool and features", fitCases.Length))
            Parallel.For(0, options.Threads, new ParallelOptions { MaxDegreeOfParallelism = options.Threads }, worker =>
            {
                var pools = new CandidatePool?[sources.Length];
                for (int i = worker; i < fitCases.Length; i += options.Threads)
                {
                    var (fold, c) = fitCases[i];
                    perCase[i] = Sample(pools[fold] ??= new CandidatePool(sources[fold], options.Depth), c, options, i);
                    task.Increment(1);
                }
            });
        var rows = new List<LambdaRankModel.TrainingRow>();
        uint group = 0;
        double found = 0, relevant = 0, pooled = 0;
        foreach (var c in perCase)
        {
            found += c.Found;
            relevant += c.Relevant;
            pooled += c.PoolSize;
            if (c.Rows.Count == 0) continue;
            group++;
            foreach (var row in c.Rows) row.Group = group;
            rows.AddRange(c.Rows);
        }
        if (group == 0) throw new SegueException($"{dataset.FilePath}: no validation case has a withheld track among its candidates: nothing to learn from");

        LambdaRankModel lambdaRank;
        float[] importance;
        using (progress.Begin($"LambdaRank on {rows.Count:N0} rows", 0))
            (lambdaRank, importance) = LambdaRankModel.Fit(rows, new LambdaRankModel.Options(
                options.Trees, options.Leaves, options.LearningRate, options.MinLeafRows, options.Seed, options.Threads));

        var reports = Measure(dataset, folds, sources, lambdaRank, options, progress);
        var served = TrainingStatistics.Of(dataset);
        var factors = ImplicitAls.Fit(served, options.Generators.Als, options.Threads, progress);

        var result = new Result(reports, RankerVerdict.Of(reports), relevant > 0 ? found / relevant : 0, pooled / perCase.Length, (int)group, rows.Count,
            [.. folds.Select(f => f.TrainingPlaylists.Length)], served.Index.PlaylistCount, clock.Elapsed.TotalSeconds);
        WriteFolder(target, options, dataset, lambdaRank, factors, importance, modelChecksum, metadata, result);
        return result with { Seconds = clock.Elapsed.TotalSeconds };
    }

    // The ranker and every generator alone (backed by popularity, as a baseline is) on the cases
    // kept out, each fold's with that fold's statistics.
    private static List<EvalReport> Measure(Dataset dataset, IReadOnlyList<ValidationFold> folds, CandidateSources[] sources,
        LambdaRankModel lambdaRank, RankerOptions options, IProgressSink progress)
    {
        var evaluator = new Evaluator(dataset, Submission.Length, options.Threads);
        var byFold = folds.Select((_, f) =>
        {
            var recommenders = new List<IRecommender> { new RankerRecommender(sources[f], lambdaRank, options.Depth) };
            foreach (var g in sources[f].Alone())
                recommenders.Add(g == sources[f].Popularity ? g : new PopularityBackfill(g, sources[f].Popularity));
            return recommenders;
        }).ToList();
        int cases = folds.Sum(f => f.KeptOutCases.Count);
        return [.. byFold[0].Select((recommender, r) =>
        {
            using var task = progress.Begin($"evaluate {recommender.Name}", cases);
            return EvalReport.Combine([.. folds.Select((fold, f) => evaluator.Evaluate(byFold[f][r], fold.KeptOutCases, Progress.Into(task)))]);
        })];
    }

    private sealed record CaseRows(List<LambdaRankModel.TrainingRow> Rows, int Found, int Relevant, int PoolSize);

    // The case's pool: every positive and a seeded sample of the negatives as training rows.
    private static CaseRows Sample(CandidatePool pool, EvalCase c, RankerOptions options, int index)
    {
        int n = pool.Build(c.Query);
        var withheld = new HashSet<int>(c.Withheld.Where(t => t >= 0));
        var seeds = new HashSet<int>(c.Seeds);
        withheld.ExceptWith(seeds);
        var tracks = pool.Tracks;
        var features = pool.Features;
        var positives = new List<int>();
        var negatives = new List<int>();
        for (int i = 0; i < n; i++) (withheld.Contains(tracks[i]) ? positives : negatives).Add(i);
        var rows = new List<LambdaRankModel.TrainingRow>();
        if (positives.Count > 0)
        {
            var rng = new Rng((ulong)options.Seed * 0x9E3779B97F4A7C15UL + (ulong)index);
            int take = Math.Min(options.Negatives, negatives.Count);
            int hard = (int)(take * options.HardNegatives);
            if (hard > 0)
            {
                // Best-ranked first: the smallest rank any generator gave, ties by pool order.
                var bestRank = new float[n];
                for (int i = 0; i < n; i++)
                {
                    var row = features.Slice(i * RankingFeatures.Count, RankingFeatures.Count);
                    bestRank[i] = float.PositiveInfinity;
                    foreach (var generator in RankingFeatures.Generators) bestRank[i] = Math.Min(bestRank[i], row[generator.Rank]);
                }
                negatives = [.. negatives.OrderBy(i => bestRank[i]).ThenBy(i => i)];
            }
            for (int i = hard; i < take; i++)
            {
                int j = i + rng.NextInt(negatives.Count - i);
                (negatives[i], negatives[j]) = (negatives[j], negatives[i]);
            }
            var chosen = positives.Concat(negatives.Take(take)).Order().ToArray();
            int[] ignored = [.. options.IgnoreFeatures.Select(RankingFeatures.IndexOf)];
            foreach (int i in chosen)
            {
                var row = features.Slice(i * RankingFeatures.Count, RankingFeatures.Count).ToArray();
                // A constant column is one no tree splits on.
                foreach (int f in ignored) row[f] = 0;
                rows.Add(new LambdaRankModel.TrainingRow { Features = row, Label = positives.Contains(i) ? 1 : 0 });
            }
        }
        return new CaseRows(rows, positives.Count, withheld.Count, n);
    }

    private static void WriteFolder(string target, RankerOptions options, Dataset dataset, LambdaRankModel model, TrackFactors factors, float[] importance,
        string? modelChecksum, RunMetadata metadata, Result result)
    {
        AtomicFolder.Create(target, temp =>
        {
            RankerFolder.Write(temp, options, dataset, model, factors, importance, modelChecksum);
            EvalReportJson.Write(Path.Combine(temp, RankerFolder.ValidationFile), dataset.FilePath,
                $"validation split ({result.Validation[0].Cases:N0} cases kept out of the fit)", result.Validation);
            using var writer = RunWriter.InTemporary(new RunFolder(temp));
            writer.Begin(metadata, RankerFolder.ManifestFile);
            var metrics = new SortedDictionary<string, double>(StringComparer.Ordinal)
            {
                ["pool_recall"] = result.PoolRecall,
                ["pool_size"] = result.MeanPoolSize,
                ["fit_cases"] = result.FitCases,
                ["rows"] = result.Rows,
            };
            foreach (var (name, value) in result.Validation[0].Overall) metrics[name] = value;
            var line = new System.Text.Json.Nodes.JsonObject { [RunMetrics.Step] = options.Trees, [RunMetrics.WallSeconds] = result.Seconds };
            foreach (var (name, value) in metrics) line[name] = value;
            writer.Log(line);
            writer.End(RunStatus.Complete, comparison: result.Verdict.ToJson());
        });
    }
}
