using System.CommandLine;
using Segue.Data;
using Segue.IO;
using Spectre.Console;

namespace Segue.Cli.Commands;

public static class IngestCommand
{
    public static Command Create()
    {
        var sources = new Argument<string[]>("source")
        {
            Description = "MPD slices (a folder or its data/, a glob such as 'data/mpd.slice.1*.json', the MPD zip, slice files) or playlist tables (.csv, .tsv)",
            Arity = ArgumentArity.OneOrMore,
        };
        var output = new Option<string>("--out", "-o") { Description = "The dataset file to write", Required = true };
        var command = new Command("ingest", "Read MPD slices or playlist tables into a Segue dataset file") { sources, output };
        var settings = new SettingBinder(command).Add<IngestOptions>();
        command.SetAction(parse => settings.Run(() =>
        {
            OutputPath.File(parse.GetValue(output)!);
            var options = settings.Read<IngestOptions>(parse);
            var summary = ConsoleProgress.Run(sink => Pipeline.Ingest(parse.GetValue(sources)!, parse.GetValue(output)!, options, sink));
            Print(summary, parse.GetValue(output)!);
        }));
        return command;
    }

    public static void Print(IngestSummary s, string output)
    {
        var table = new Table().AddColumn("ingest").AddColumn(new TableColumn("").RightAligned()).HideHeaders();
        table.AddRow("dataset", Markup.Escape(output));
        table.AddRow("slices", $"{s.Slices:N0}");
        table.AddRow("read", $"{s.InputBytes / 1e6:N1} MB");
        table.AddRow("playlists (train / test)", $"{s.Playlists:N0} ({s.TrainPlaylists:N0} / {s.TestPlaylists:N0})");
        table.AddRow("track occurrences", $"{s.Occurrences:N0}");
        table.AddRow("unique tracks / albums / artists", $"{s.Tracks:N0} / {s.Albums:N0} / {s.Artists:N0}");
        table.AddRow("time", $"{s.Elapsed.TotalSeconds:N2} s ({s.MegabytesPerSecond:N0} MB/s)");
        AnsiConsole.Write(table);
        foreach (string warning in s.Warnings) Output.Warning(warning);
        if (s.Skipped is not { Total: > 0 } skipped) return;
        foreach (var reason in Enum.GetValues<InvalidReason>())
            if (skipped[reason] > 0) Output.Warning($"skipped {skipped[reason]:N0} {InvalidRecords.Describe(reason)}");
        foreach (string example in skipped.Examples) Output.Warning($"  e.g. {example}");
    }
}
