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
        var threads = new Option<int?>("--threads") { Description = "Parser threads (default: all cores)" };
        var skip = new Option<bool>("--skip-invalid") { Description = "Drop bad playlists (and the broken tail of a truncated slice) instead of stopping; counts are printed" };
        var testEvery = new Option<int>("--test-every") { Description = "Hold out every Nth slice as the test split (0: no test split)", DefaultValueFactory = _ => 10 };
        var testOffset = new Option<int>("--test-offset") { Description = "Which slice of each N is held out (the book: 9, files ending in 9)", DefaultValueFactory = _ => 9 };
        var format = new Option<IngestFormat>("--format") { Description = "mpd (JSON slices), table (CSV or TSV, one row per playlist track) or auto: .csv and .tsv files are tables", DefaultValueFactory = _ => IngestFormat.Auto };
        var slicePlaylists = new Option<int?>("--slice-playlists") { Description = $"Tables: how many playlists make a slice, the unit of the test split (default {IngestOptions.DefaultSlicePlaylists:N0}, as in the MPD)" };

        var command = new Command("ingest", "Read MPD slices or playlist tables into a Segue dataset file") { sources, output, format, threads, skip, testEvery, testOffset, slicePlaylists };
        command.SetAction(parse => SettingOptions.Worded(command, () =>
        {
            OutputPath.File(parse.GetValue(output)!);
            var options = new IngestOptions(parse.GetValue(threads), parse.GetValue(skip), parse.GetValue(testEvery), parse.GetValue(testOffset),
                parse.GetValue(format), parse.GetValue(slicePlaylists));
            options.Validate();
            var summary = ConsoleProgress.Run(sink => DatasetIngest.Run(parse.GetValue(sources)!, parse.GetValue(output)!, options, sink));
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
