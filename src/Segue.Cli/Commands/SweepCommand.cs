using System.CommandLine;
using Segue.Runs;
using Segue.Training;
using Spectre.Console;

namespace Segue.Cli.Commands;

/// <summary><c>segue sweep DATASET --grid KEY=V1,V2 ... --steps N --out DIR</c>: a run per
/// combination of the grid (DIR/KEY=V,KEY=V), then their comparison and DIR/report.html.</summary>
public static class SweepCommand
{
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
            var result = ConsoleProgress.Run(sink => Pipeline.Sweep(parse.GetValue(dataset)!, parse.GetValue(output)!,
                settings.Read<SweepOptions>(parse), settings.Read<TrainerOptions>(parse), sink));
            Output.Info($"sweep of {result.Outcomes.Count} run(s) into {result.Folder}");
            foreach (var kept in result.Outcomes.Where(o => o.Kept))
                Output.Info($"{kept.Point.Name}: already complete, kept");
            if (result.Comparison is { } comparison)
            {
                foreach (var table in RunsCommand.ComparisonTables(comparison)) AnsiConsole.Write(table);
                Output.Info($"report written to {result.ReportPath}");
            }
            var failed = result.Failed.ToList();
            if (failed.Count > 0)
                throw new SegueException($"{failed.Count} of {result.Outcomes.Count} runs failed: {string.Join("; ", failed.Select(f => $"{f.Point.Name}: {f.Error}"))}");
        }));
        return command;
    }
}
