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
        var dataset = new Argument<string>("dataset") { Description = "The dataset file to train on" };
        var output = new Option<string>("--out") { Description = "The sweep folder: a run folder per combination, and report.html", Required = true };
        var command = new Command("sweep", "Train every combination of a grid of settings, compare the runs, and write an HTML report")
        {
            dataset, output,
        };
        var settings = new SettingBinder(command).Add<SweepOptions>().Add<TrainerOptions>("steps", "eval_every", "eval_cases", "log_every")
            .Require("steps");
        command.SetAction(parse => settings.Run(() =>
        {
            OutputPath.Folder(parse.GetValue(output)!);
            var sweep = settings.Read<SweepOptions>(parse);
            sweep.Validate();
            var points = SweepGrid.Combinations(sweep.Grid);
            var shared = sweep.Set.Select(Setting).ToList();
            SweepGrid.CheckShared(points, shared);
            var training = settings.Read<TrainerOptions>(parse);
            training.Validate();
            string dir = Path.GetFullPath(parse.GetValue(output)!);
            using var data = Dataset.Open(parse.GetValue(dataset)!);
            Output.Info($"sweep of {points.Count} run(s) into {dir}");
            var outcomes = ConsoleProgress.Run(sink =>
                Sweep.Run(data, dir, points, new ModelConfig(), training, shared, sweep.Parallel, sink));
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
        if (equals <= 0) throw SettingException.About(SweepGrid.Set, $" {text}: expected KEY=VALUE");
        string key = text[..equals].Trim();
        ConfigKeys.Check(key, SweepGrid.Set);
        return (key, text[(equals + 1)..].Trim());
    }
}
