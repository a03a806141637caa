using System.CommandLine;
using Segue.Data;
using Segue.IO;
using Segue.Ranking;
using Spectre.Console;

namespace Segue.Cli.Commands;

/// <summary><c>segue fit DATASET --out RANKER [--model RUN]</c>: fits Segue's own recommender (the
/// generators' candidate pool re-ranked by LightGBM LambdaRank) into a ranker folder, and shows its
/// validation figures beside each generator's alone.</summary>
public static class FitCommand
{
    public static Command Create()
    {
        var defaults = new RankerOptions();
        var dataset = new Argument<string>("dataset") { Description = "The dataset file to fit on (its training split)" };
        var output = new Option<string>("--out") { Description = "The ranker folder to write (must not exist)", Required = true };
        var model = new Option<string?>("--model") { Description = "A trained model (model file or run folder) to use as a generator and for affinity features" };
        var depth = new Option<int>("--depth") { Description = "How deep each generator's list goes into the candidate pool", DefaultValueFactory = _ => defaults.Depth };
        var cases = new Option<int>("--validation-cases") { Description = "Validation cases drawn from the training split, all ten challenge categories", DefaultValueFactory = _ => defaults.ValidationCases };
        var negatives = new Option<int>("--negatives") { Description = "Negatives sampled per validation case", DefaultValueFactory = _ => defaults.Negatives };
        var hard = new Option<double>("--hard-negatives") { Description = "Share of the negatives taken from the best-ranked by any generator (the rest at random)", DefaultValueFactory = _ => defaults.HardNegatives };
        var trees = new Option<int>("--trees") { Description = "LightGBM boosting rounds", DefaultValueFactory = _ => defaults.Trees };
        var leaves = new Option<int>("--leaves") { Description = "LightGBM leaves per tree", DefaultValueFactory = _ => defaults.Leaves };
        var lr = new Option<double>("--lr") { Description = "LightGBM learning rate", DefaultValueFactory = _ => defaults.LearningRate };
        var seed = new Option<int>("--seed") { Description = "Random seed (validation split, negatives, LightGBM)", DefaultValueFactory = _ => defaults.Seed };
        var threads = new Option<int>("--threads") { Description = "Threads; the ranker is reproducible for a seed and a thread count", DefaultValueFactory = _ => defaults.Threads };
        var ignore = new Option<string[]>("--ignore-features") { Description = "Features the trees may not use, comma-separated (an ablation)", CustomParser = r => [.. r.Tokens.SelectMany(t => t.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))] };
        var allowWorse = new Option<bool>("--allow-worse") { Description = "Exit 0 even when the ranker is not ahead of its best generator on the kept-out validation cases" };
        var generators = new GeneratorOptions();
        var command = new Command("fit", "Fit Segue's own recommender: candidate generators re-ranked by LightGBM LambdaRank")
        {
            dataset, output, model, depth, cases, negatives, hard, trees, leaves, lr, seed, threads, ignore, allowWorse,
        };
        foreach (var option in generators.All) command.Options.Add(option);
        command.SetAction(parse => SettingOptions.Worded(command, () =>
        {
            var options = new RankerOptions
            {
                Generators = generators.Read(parse),
                Depth = parse.GetValue(depth),
                ValidationCases = parse.GetValue(cases),
                Negatives = parse.GetValue(negatives),
                HardNegatives = parse.GetValue(hard),
                Trees = parse.GetValue(trees),
                Leaves = parse.GetValue(leaves),
                LearningRate = parse.GetValue(lr),
                Seed = parse.GetValue(seed),
                Threads = parse.GetValue(threads),
                Model = parse.GetValue(model) is { } m ? Path.GetFullPath(EvalCommand.ModelPath(m)) : null,
                IgnoreFeatures = parse.GetValue(ignore) ?? [],
            };
            options.Validate();
            string outPath = parse.GetValue(output)!;
            OutputPath.Folder(outPath);
            using var data = Dataset.Open(parse.GetValue(dataset)!);
            var result = ConsoleProgress.Run(sink => RankerFit.Run(data, options, outPath, sink));
            Output.Info($"statistics: {Folds(result.FoldStatistics)} at fit time (each without its fold's validation playlists), " +
                $"{result.ServedStatistics:N0} training playlists when serving");
            Output.Info($"validation: {result.Validation[0].Cases:N0} cases kept out of the fit ({result.FitCases:N0} fitted, {result.Rows:N0} rows); " +
                $"candidate pool {result.MeanPoolSize:N0} tracks on average, recall@pool {result.PoolRecall:F4}");
            AnsiConsole.Write(EvalCommand.OverallTable(result.Validation));
            Output.Info($"ranker fitted in {result.Seconds:N1} s: {outPath}");
            var verdict = result.Verdict;
            if (verdict.Ahead)
            {
                Output.Info($"ahead of every generator on the {verdict.Cases:N0} kept-out cases: {verdict.Figures}");
                return 0;
            }
            string behind = $"the ranker is not ahead of its best generator on the {verdict.Cases:N0} kept-out validation cases ({verdict.Figures})";
            if (parse.GetValue(allowWorse))
            {
                Output.Warning($"{behind}; kept (--allow-worse)");
                return 0;
            }
            Output.Error($"{behind}; it is saved in {outPath} (summary.json records the comparison), but a generator alone answers better: " +
                "serve that one, or pass --allow-worse to accept the ranker");
            return 1;
        }));
        return command;
    }

    private static string Folds(IReadOnlyList<int> playlists) => playlists.Count == 1
        ? $"{playlists[0]:N0} training playlists"
        : $"{playlists.Count} folds of {playlists.Min():N0} to {playlists.Max():N0} training playlists";
}
