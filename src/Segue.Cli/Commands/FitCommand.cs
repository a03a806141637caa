using System.CommandLine;
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
        var dataset = new Argument<string>("dataset") { Description = "The dataset file to fit on (its training split)" };
        var output = new Option<string>("--out") { Description = "The ranker folder to write (must not exist)", Required = true };
        var allowWorse = new Option<bool>("--allow-worse") { Description = "Exit 0 even when the ranker is not ahead of its best generator on the kept-out validation cases" };
        var command = new Command("fit", "Fit Segue's own recommender: candidate generators re-ranked by LightGBM LambdaRank")
        {
            dataset, output, allowWorse,
        };
        var settings = new SettingBinder(command).Add<RankerOptions>();
        ((Option<string[]>)settings["ignore_features"]).CustomParser =
            r => [.. r.Tokens.SelectMany(t => t.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))];
        command.SetAction(parse => settings.Run(() =>
        {
            string outPath = parse.GetValue(output)!;
            var result = ConsoleProgress.Run(sink => Pipeline.Fit(parse.GetValue(dataset)!, outPath, settings.Read<RankerOptions>(parse), sink));
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
