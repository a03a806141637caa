using System.CommandLine;
using Segue.Runs.Reports;
using Segue.Data;
using Segue.IO;
using Segue.Model;
using Segue.Runs;
using Segue.Training;
using Spectre.Console;

namespace Segue.Cli.Commands;

/// <summary><c>segue sweep DATASET --grid KEY=V1,V2 ... --steps N --out DIR</c>: a run per
/// combination of the grid (DIR/KEY=V,KEY=V), then their comparison and DIR/report.html.</summary>
public static class SweepCommand
{
    public const string ReportFileName = "report.html";

    public static Command Create()
    {
        var loop = new TrainerOptions();
        var dataset = new Argument<string>("dataset") { Description = "The dataset file to train on" };
        var grid = new Option<string[]>("--grid") { Description = "A setting and its values, KEY=V1,V2,... (repeatable; keys as in config.json: optimizer, feature_size, duration, aggregation, eval_cosine, ...)" };
        var set = new Option<string[]>("--set") { Description = "A setting shared by every run, KEY=VALUE (repeatable)" };
        var steps = new Option<long>("--steps") { Description = "Steps of every run", Required = true };
        var evalEvery = new Option<long>("--eval-every") { Description = "Evaluate on held-out playlists every M steps", DefaultValueFactory = _ => loop.EvalEvery };
        var evalCases = new Option<int>("--eval-cases") { Description = "Held-out playlists per evaluation", DefaultValueFactory = _ => loop.EvalCases };
        var logEvery = new Option<long>("--log-every") { Description = "Log the mean loss every N steps", DefaultValueFactory = _ => loop.LogEvery };
        var output = new Option<string>("--out") { Description = "The sweep folder: a run folder per combination, and report.html", Required = true };
        var parallel = new Option<int>("--parallel") { Description = "Runs trained at the same time (each on one thread)", DefaultValueFactory = _ => 1 };
        var command = new Command("sweep", "Train every combination of a grid of settings, compare the runs, and write an HTML report")
        {
            dataset, grid, set, steps, evalEvery, evalCases, logEvery, output, parallel,
        };
        command.SetAction(parse => SettingOptions.Worded(command, () =>
        {
            OutputPath.Folder(parse.GetValue(output)!);
            var points = SweepGrid.Combinations(parse.GetValue(grid) ?? []);
            var shared = (parse.GetValue(set) ?? []).Select(Setting).ToList();
            SweepGrid.CheckShared(points, shared);
            var training = new TrainerOptions
            {
                Steps = parse.GetValue(steps), EvalEvery = parse.GetValue(evalEvery),
                EvalCases = parse.GetValue(evalCases), LogEvery = parse.GetValue(logEvery),
            };
            training.Validate();
            string dir = Path.GetFullPath(parse.GetValue(output)!);
            using var data = Dataset.Open(parse.GetValue(dataset)!);
            Output.Info($"sweep of {points.Count} run(s) into {dir}");
            var outcomes = ConsoleProgress.Run(sink =>
                Sweep.Run(data, dir, points, new ModelConfig(), training, shared, parse.GetValue(parallel), sink));
            foreach (var kept in outcomes.Where(o => o.Kept))
                Output.Info($"{kept.Point.Name}: already complete, kept");

            var done = outcomes.Where(o => o.Error is null).Select(o => RunRecord.Open(o.Run.Path)).ToList();
            if (done.Count > 0)
            {
                var comparison = new RunComparison(done);
                foreach (var table in RunsCommand.ComparisonTables(comparison)) AnsiConsole.Write(table);
                string report = Path.Combine(dir, ReportFileName);
                HtmlReport.Write(report, comparison);
                Output.Info($"report written to {report}");
            }
            var failed = outcomes.Where(o => o.Error is not null).ToList();
            if (failed.Count > 0)
                throw new SegueException($"{failed.Count} of {outcomes.Count} runs failed: {string.Join("; ", failed.Select(f => $"{f.Point.Name}: {f.Error}"))}");
        }));
        return command;
    }

    private static (string Key, string Value) Setting(string text)
    {
        int equals = text.IndexOf('=');
        if (equals <= 0) throw new SegueException($"--set {text}: expected KEY=VALUE");
        string key = text[..equals].Trim();
        ConfigKeys.Check(key, "--set");
        return (key, text[(equals + 1)..].Trim());
    }
}
