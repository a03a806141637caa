using System.CommandLine;
using System.Globalization;
using Segue.Data;
using Segue.Serving;
using Spectre.Console;

namespace Segue.Cli.Commands;

/// <summary><c>segue show DATASET PID|RANGE...</c>: playlists as the MPD's show.py shows them, or in
/// the MPD's own JSON.</summary>
public static class ShowCommand
{
    public static Command Create()
    {
        var path = new Argument<string>("dataset") { Description = "A dataset file written by 'segue ingest'" };
        var items = new Argument<string[]>("pids") { Description = "Pids (1008) and ranges of pids (1000-1020: 1000 to 1019, as show.py)", Arity = ArgumentArity.OneOrMore };
        var json = new Option<bool>("--json") { Description = "Write the playlists in the MPD's JSON layout: {\"playlists\": [...]}, as in a slice" };
        var compact = new Option<bool>("--compact") { Description = "Each playlist's title and figures, without its tracks" };
        var command = new Command("show", "Show playlists by pid or range of pids: title, figures and tracks") { path, items, json, compact };
        command.SetAction(parse =>
        {
            if (parse.GetValue(json) && parse.GetValue(compact)) throw new SegueException("--json and --compact: give one, not both");
            using var dataset = Dataset.Open(parse.GetValue(path)!);
            IReadOnlyList<int> playlists;
            try
            {
                playlists = PlaylistSelection.Select(dataset, parse.GetValue(items)!);
            }
            catch (RequestFieldException e)
            {
                throw new SegueException($"{dataset.FilePath}: {e.Message}");
            }
            if (parse.GetValue(json))
            {
                using var stdout = new TextWriterStream(Console.Out);
                PlaylistsJson.Write(stdout, dataset, playlists);
                Console.Out.Write('\n');
                return 0;
            }
            foreach (int p in playlists) Print(dataset, p, parse.GetValue(compact));
            return 0;
        });
        return command;
    }

    private static void Print(Dataset ds, int p, bool compact)
    {
        bool test = ds.TestPlaylists.BinarySearch(p) >= 0;
        Output.Info($"=== pid {ds.Pids[p]} === {ds.PlaylistName(p)}");
        if (ds.PlaylistDescription(p) is { Length: > 0 } description) Output.Info($"  {description}");
        var tracks = ds.PlaylistTracks(p).ToArray();
        Output.Info(string.Create(CultureInfo.InvariantCulture,
            $"  {tracks.Length} tracks, {Duration(tracks.Sum(t => (long)ds.TrackDurationsMs[t]))}; followers {ds.Followers[p]}, edits {ds.Edits[p]}, modified {Date(ds.ModifiedAt[p])}{(ds.IsCollaborative(p) ? ", collaborative" : "")}; {(test ? "held out (test split)" : "training split")}"));
        if (compact) return;
        var table = new Table().AddColumn(new TableColumn("pos").RightAligned()).AddColumn("track").AddColumn("artist").AddColumn("album")
            .AddColumn(new TableColumn("duration").RightAligned()).AddColumn("id");
        for (int i = 0; i < tracks.Length; i++)
        {
            int t = tracks[i];
            table.AddRow($"{i}", Markup.Escape(ds.TrackName(t)), Markup.Escape(ds.ArtistName(ds.TrackArtists[t])),
                Markup.Escape(ds.AlbumName(ds.TrackAlbums[t])), Duration(ds.TrackDurationsMs[t]), Markup.Escape(ds.TrackUri(t)));
        }
        AnsiConsole.Write(table);
    }

    private static string Duration(long ms) =>
        ms >= 3_600_000 ? $"{ms / 3_600_000}:{ms / 60_000 % 60:00}:{ms / 1000 % 60:00}" : $"{ms / 60_000}:{ms / 1000 % 60:00}";

    private static string Date(long seconds) => seconds <= 0 ? "unknown"
        : DateTimeOffset.FromUnixTimeSeconds(Math.Min(seconds, 253402300799)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
