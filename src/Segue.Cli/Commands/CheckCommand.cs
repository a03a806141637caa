using System.CommandLine;
using Segue.Data.Checks;
using Spectre.Console;

namespace Segue.Cli.Commands;

/// <summary><c>segue check DATASET|MPD</c>: the MPD's own rules (its check.py), reported as counts
/// and first offenders; exit 1 when an enforced rule is broken.</summary>
public static class CheckCommand
{
    public static Command Create()
    {
        var source = new Argument<string>("source") { Description = "A dataset file, or the MPD's slices (a folder or its data/, the zip, a glob)" };
        var quick = new Option<bool>("--quick") { Description = $"Check the first {CheckRules.QuickSlices} slices only (as check.py --quick); the rules about the whole dataset are not checked" };
        var threads = new Option<int?>("--threads") { Description = "Threads reading slices (default: all cores)" };
        var command = new Command("check", "Check a dataset or the MPD against the MPD's own rules (its check.py and md5 sums)") { source, quick, threads };
        command.SetAction(parse => new SettingBinder(command).Run(() =>
        {
            var report = ConsoleProgress.Run(sink => MpdCheck.Run(parse.GetValue(source)!, parse.GetValue(quick), parse.GetValue(threads), sink));
            Print(report);
            var broken = report.Results.Where(r => r.Status == RuleStatus.Failed).ToList();
            if (broken.Count == 0) return 0;
            Output.Error($"{report.Source}: {broken.Count} of the MPD's rules broken: {string.Join(", ", broken.Select(r => $"{r.Rule.Id} ({r.Offenders:N0})"))}");
            return 1;
        }));
        return command;
    }

    public static void Print(CheckReport report)
    {
        var table = new Table().Title(Markup.Escape($"{report.Source}: {report.Playlists:N0} playlists{(report.Quick ? $" (--quick: the first {CheckRules.QuickSlices} slices)" : "")}{(report.IsTable ? ", from a playlist table" : "")}"))
            .AddColumn("rule").AddColumn("what must hold").AddColumn("result");
        foreach (var r in report.Results)
            table.AddRow(r.Rule.Id, Markup.Escape(r.Rule.Statement), Markup.Escape(Result(r)));
        AnsiConsole.Write(table);
        foreach (var r in report.Results.Where(r => r.FirstOffenders.Count > 0))
        {
            Output.Info($"{r.Rule.Id}: first offenders{(r.Status == RuleStatus.NotEnforced ? " (not enforced)" : "")}");
            foreach (string offender in r.FirstOffenders) Output.Info($"  {offender}");
        }
    }

    private static string Result(RuleResult r) => r.Status switch
    {
        RuleStatus.Passed => "holds",
        RuleStatus.Failed => $"BROKEN: {r.Offenders:N0} offenders",
        RuleStatus.NotEnforced => $"{r.Offenders:N0} offenders, not enforced: {r.Note}",
        _ => $"not checked: {r.Note}",
    };
}
