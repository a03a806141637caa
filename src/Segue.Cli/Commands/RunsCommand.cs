using System.CommandLine;
using System.Globalization;
using Segue.IO;
using Segue.Runs;
using Segue.Runs.Reports;
using Spectre.Console;

namespace Segue.Cli.Commands;

/// <summary><c>segue runs list|show|compare|plot</c>: the run folders that <c>segue train</c> and
/// <c>segue sweep</c> write, read back. Wherever RUN... is asked for, a folder of runs (a sweep)
/// stands for every run in it.</summary>
public static class RunsCommand
{
    public static Command Create() => new("runs", "List, show, compare and plot training runs (run folders)")
    {
        List(), Show(), Compare(), Plot(),
    };

    private static Argument<string[]> RunsArgument() =>
        new("runs") { Description = "Run folders, or folders of runs (a sweep)", Arity = ArgumentArity.OneOrMore };

    private static Command List()
    {
        var dir = new Argument<string>("dir") { Description = "The folder to look in (and two levels below)", DefaultValueFactory = _ => "." };
        var command = new Command("list", "A table of the runs under a folder") { dir };
        command.SetAction(parse =>
        {
            string root = Path.GetFullPath(parse.GetValue(dir)!);
            var runs = RunRecord.Find(root);
            if (runs.Count == 0) throw new SegueException($"{root}: no run folder here (a run folder has a config.json)");
            var recall = PreferredMetric(runs.SelectMany(r => r.Metrics.Names));
            var table = new Table().AddColumn("run").AddColumn(new TableColumn("status").NoWrap())
                .AddColumn(new TableColumn("steps").RightAligned()).AddColumn(new TableColumn("wall").RightAligned())
                .AddColumn(new TableColumn("mean_loss").RightAligned());
            if (recall is not null) table.AddColumn(new TableColumn(Markup.Escape(recall)).RightAligned());
            table.AddColumn(new TableColumn("commit").NoWrap());
            foreach (var run in runs)
            {
                string relative = Path.GetRelativePath(root, run.Path);
                List<string> cells =
                [
                    Markup.Escape(relative == "." ? run.Name : relative), StatusMarkup(run.Status),
                    $"{run.Metrics.LastStep:N0}", RunFigures.Duration(run.Metrics.Last(RunMetrics.WallSeconds)), RunFigures.Figure(run.Metrics.Last("mean_loss")),
                ];
                if (recall is not null) cells.Add(RunFigures.Figure(run.Metrics.Last(recall)));
                cells.AddRange([
                    Markup.Escape(ShortCommit(run.Metadata)),
                ]);
                table.AddRow(cells.ToArray());
            }
            AnsiConsole.Write(table);
            foreach (var damaged in runs.Where(r => r.Status == RunStatus.Damaged))
                Output.Warning($"{damaged.Path}: damaged run: {damaged.Problem}");
        });
        return command;
    }

    private static Command Show()
    {
        var run = new Argument<string>("run") { Description = "A run folder" };
        var command = new Command("show", "Everything a run folder records: status, seed, commit, machine, config, final metrics") { run };
        command.SetAction(parse =>
        {
            var record = RunRecord.Open(parse.GetValue(run)!);
            var about = new Table().Title(Markup.Escape(record.Path)).HideHeaders().AddColumn("").AddColumn("");
            about.AddRow("status", StatusMarkup(record.Status) + (record.Problem is null ? "" : Markup.Escape($" ({record.Problem})")));
            about.AddRow("steps", $"{record.Metrics.LastStep:N0}");
            about.AddRow("wall time", RunFigures.Duration(record.Metrics.Last(RunMetrics.WallSeconds)));
            if (record.Metadata is { } meta)
            {
                var m = meta.Machine;
                about.AddRow("seed", meta.Seed.ToString(CultureInfo.InvariantCulture));
                about.AddRow("commit", Markup.Escape(meta.GitCommit is null ? "unknown" : meta.GitCommit + (meta.GitDirty == true ? " (uncommitted changes)" : "")));
                about.AddRow("started", meta.Started.ToString("u", CultureInfo.InvariantCulture));
                about.AddRow("machine", Markup.Escape($"{m.Host}: {m.Os} {m.Architecture}, {m.Cores} cores, {m.MemoryBytes / (1 << 30):N0} GiB, {m.Dotnet}"));
                about.AddRow("command", Markup.Escape(string.Join(' ', meta.CommandLine)));
            }
            AnsiConsole.Write(about);
            var settings = new Table().Title("config").AddColumn("setting").AddColumn("value");
            foreach (var (key, value) in record.Settings.OrderBy(s => s.Key, StringComparer.Ordinal))
                settings.AddRow(Markup.Escape(key), Markup.Escape(value));
            AnsiConsole.Write(settings);
            var metrics = new Table().Title(record.Summary is null ? "last logged metrics" : "final metrics")
                .AddColumn("metric").AddColumn(new TableColumn("value").RightAligned()).AddColumn(new TableColumn("logged").RightAligned());
            foreach (var name in record.Metrics.Names)
                metrics.AddRow(Markup.Escape(name), RunFigures.Figure(record.Metrics.Last(name)), $"{record.Metrics.Series(name)!.Steps.Length:N0}x");
            AnsiConsole.Write(metrics);
        });
        return command;
    }

    private static Command Compare()
    {
        var runs = RunsArgument();
        var command = new Command("compare", "Completed runs side by side: the settings that differ, and the final metrics") { runs };
        command.SetAction(parse =>
        {
            var comparison = new RunComparison(RunRecord.Resolve(parse.GetValue(runs)!));
            foreach (var table in ComparisonTables(comparison)) AnsiConsole.Write(table);
        });
        return command;
    }

    private static Command Plot()
    {
        var runs = RunsArgument();
        var metric = new Option<string>("--metric") { Description = "The metric to plot (mean_loss, steps_per_second, track_recall@500, ...)", Required = true };
        var output = new Option<string>("--out") { Description = "The PNG file to write", Required = true };
        var command = new Command("plot", "A metric over steps, one line per run, as a PNG") { runs, metric, output };
        command.SetAction(parse => new SettingBinder(command).Run(() =>
        {
            OutputPath.File(parse.GetValue(output)!);
            var records = RunRecord.Resolve(parse.GetValue(runs)!);
            AtomicFile.WriteAllBytes(parse.GetValue(output)!, MetricPlot.Png(records, RunRecord.Labels(records), parse.GetValue(metric)!));
            Output.Info($"plot of {parse.GetValue(metric)} for {records.Count} run(s) written to {parse.GetValue(output)}");
        }));
        return command;
    }

    /// <summary>Runs as rows with the settings that differ and the headline metrics, then every
    /// final metric as rows against the runs' numbers (names of sweep runs are too long to be
    /// the columns of a terminal table).</summary>
    internal static IEnumerable<Table> ComparisonTables(RunComparison comparison)
    {
        var runs = comparison.Runs;
        string[] headline = ["mean_loss", .. new[] { PreferredMetric(comparison.FinalMetricNames) }.OfType<string>()];
        var overview = new Table().Title(comparison.DifferingKeys.Count == 0 ? "runs (every setting the same)" : "runs and the settings that differ")
            .AddColumn("#").AddColumn("run");
        foreach (var key in comparison.DifferingKeys) overview.AddColumn(Markup.Escape(key[(key.IndexOf('.') + 1)..]));
        foreach (var name in headline) overview.AddColumn(new TableColumn(Markup.Escape(name)).RightAligned());
        overview.AddColumn(new TableColumn("wall").RightAligned());
        for (int i = 0; i < runs.Count; i++)
            overview.AddRow([$"{i + 1}", Markup.Escape(comparison.Labels[i]),
                .. comparison.DifferingKeys.Select(k => Markup.Escape(RunComparison.Setting(runs[i], k))),
                .. headline.Select(n => RunFigures.Figure(RunComparison.FinalMetric(runs[i], n))), RunFigures.Duration(runs[i].Summary!.WallSeconds)]);
        var metrics = new Table().Title("final metrics").AddColumn("metric");
        for (int i = 0; i < runs.Count; i++) metrics.AddColumn(new TableColumn($"#{i + 1}").RightAligned());
        foreach (var name in comparison.FinalMetricNames)
            metrics.AddRow([Markup.Escape(name), .. runs.Select(r => RunFigures.Figure(RunComparison.FinalMetric(r, name)))]);
        return [overview, metrics];
    }

    /// <summary>The metric a one-line summary of a run shows: the held-out track recall when logged.</summary>
    internal static string? PreferredMetric(IEnumerable<string> names) =>
        names.Distinct().Where(n => n.StartsWith("track_recall@", StringComparison.Ordinal)).Order(StringComparer.Ordinal).FirstOrDefault();

    private static string StatusMarkup(RunStatus status) => status switch
    {
        RunStatus.Complete => "[green]complete[/]",
        RunStatus.Failed => "[red]failed[/]",
        RunStatus.Damaged => "[red]damaged[/]",
        _ => "[yellow]incomplete[/]",
    };

    private static string ShortCommit(RunMetadata? meta) =>
        meta?.GitCommit is { } c ? c[..Math.Min(c.Length, 7)] + (meta.GitDirty == true ? "+" : "") : "-";
}
