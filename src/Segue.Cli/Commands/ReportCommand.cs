using System.CommandLine;
using Segue.IO;
using Segue.Runs;
using Segue.Runs.Reports;

namespace Segue.Cli.Commands;

/// <summary><c>segue report RUN... --out report.html</c>: completed runs compared in one
/// self-contained HTML file (tables and a plot of every metric; no network needed to view it).</summary>
public static class ReportCommand
{
    public static Command Create()
    {
        var runs = new Argument<string[]>("runs") { Description = "Run folders, or folders of runs (a sweep)", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string>("--out") { Description = "The HTML file to write", Required = true };
        var command = new Command("report", "Compare completed runs in one offline HTML file: tables and a plot of every metric") { runs, output };
        command.SetAction(parse =>
        {
            OutputPath.File(parse.GetValue(output)!);
            var comparison = new RunComparison(RunRecord.Resolve(parse.GetValue(runs)!));
            HtmlReport.Write(parse.GetValue(output)!, comparison);
            Output.Info($"report on {comparison.Runs.Count} run(s) written to {parse.GetValue(output)}");
        });
        return command;
    }
}
