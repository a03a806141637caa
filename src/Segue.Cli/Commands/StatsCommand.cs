using System.CommandLine;
using System.Text.Json;
using Segue.Data;
using Spectre.Console;

namespace Segue.Cli.Commands;

public static class StatsCommand
{
    public static Command Create()
    {
        var path = new Argument<string>("dataset") { Description = "A dataset file written by 'segue ingest'" };
        var json = new Option<bool>("--json") { Description = "Print the figures as JSON" };
        var top = new Option<int>("--top") { Description = "How many top tracks, artists and titles to list", DefaultValueFactory = _ => 20 };
        var titles = new Option<bool>("--titles") { Description = "Instead: the title and description histograms (full and normalised) of the MPD's deeper_stats.py and descriptions.py, --top of each" };
        var command = new Command("stats", "The dataset's figures, as the MPD's stats file gives them") { path, json, top, titles };
        command.SetAction(parse => new SettingBinder(command).Run(() =>
        {
            using var dataset = Dataset.Open(parse.GetValue(path)!);
            if (parse.GetValue(titles))
            {
                var histograms = TitleHistograms.Compute(dataset, parse.GetValue(top));
                if (parse.GetValue(json)) Console.WriteLine(JsonSerializer.Serialize(histograms, TitleHistogramsJson.Default.TitleHistograms));
                else Print(histograms);
                return 0;
            }
            var stats = DatasetStats.Compute(dataset, parse.GetValue(top));
            if (parse.GetValue(json)) Console.WriteLine(JsonSerializer.Serialize(stats, DatasetStatsJson.Default.DatasetStats));
            else Print(stats);
            return 0;
        }));
        return command;
    }

    public static void Print(DatasetStats s)
    {
        var summary = new Table().Title("dataset").AddColumn("figure").AddColumn(new TableColumn("value").RightAligned());
        summary.AddRow("playlists (train / test)", $"{s.Playlists:N0} ({s.TrainPlaylists:N0} / {s.TestPlaylists:N0})");
        summary.AddRow("track occurrences", $"{s.TrackOccurrences:N0}");
        summary.AddRow("unique tracks", $"{s.UniqueTracks:N0}");
        summary.AddRow("unique albums", $"{s.UniqueAlbums:N0}");
        summary.AddRow("unique artists", $"{s.UniqueArtists:N0}");
        summary.AddRow("unique titles", $"{s.UniqueTitles:N0}");
        summary.AddRow("unique normalized titles", $"{s.UniqueNormalizedTitles:N0}");
        summary.AddRow("average playlist length", $"{s.AveragePlaylistLength:N2}");
        summary.AddRow("median (min..max) length", $"{s.MedianPlaylistLength} ({s.MinPlaylistLength}..{s.MaxPlaylistLength})");
        summary.AddRow("tracks in one playlist only", $"{s.TracksInOnePlaylist:P1}");
        summary.AddRow("collaborative / with description", $"{s.CollaborativeShare:P1} / {s.DescriptionShare:P1}");
        summary.AddRow("average followers / edits", $"{s.AverageFollowers:N2} / {s.AverageEdits:N2}");
        AnsiConsole.Write(summary);

        var histogram = new BarChart().Label("playlists by length").Width(60);
        foreach (var b in s.LengthHistogram) histogram.AddItem(b.Lengths, b.Playlists, Color.SteelBlue);
        AnsiConsole.Write(histogram);

        AnsiConsole.Write(Top("top tracks", s.TopTracks));
        AnsiConsole.Write(Top("top artists", s.TopArtists));
        AnsiConsole.Write(Top("top normalized titles", s.TopNormalizedTitles));
    }

    public static void Print(TitleHistograms h)
    {
        Output.Info($"{h.Playlists:N0} playlists, {h.Described:N0} with a description");
        foreach (var (title, histogram) in (ReadOnlySpan<(string, TitleHistograms.Histogram)>)[("full titles (lower case)", h.Titles),
                     ("normalised titles", h.NormalizedTitles), ("descriptions", h.Descriptions), ("normalised descriptions", h.NormalizedDescriptions)])
        {
            var table = new Table().Title(Markup.Escape($"{title}: {histogram.Distinct:N0} distinct")).AddColumn(new TableColumn("playlists").RightAligned()).AddColumn("text");
            foreach (var entry in histogram.Top) table.AddRow($"{entry.Playlists:N0}", Markup.Escape(entry.Text));
            AnsiConsole.Write(table);
        }
    }

    private static Table Top(string title, IReadOnlyList<DatasetStats.Count> items)
    {
        var table = new Table().Title(title).AddColumn("#").AddColumn("name").AddColumn(new TableColumn("playlists").RightAligned());
        for (int i = 0; i < items.Count; i++)
            table.AddRow($"{i + 1}", Markup.Escape(items[i].Name), $"{items[i].Playlists:N0}");
        return table;
    }
}
