using System.CommandLine;
using Segue.Data;
using Segue.Retrieval;
using Segue.Runs;
using Spectre.Console;

namespace Segue.Cli.Commands;

/// <summary><c>segue recommend MODEL --tracks URI,...</c> (or <c>--tracks-file FILE</c>): continue one playlist.</summary>
public static class RecommendCommand
{
    public static Command Create()
    {
        var model = new Argument<string>("model") { Description = "A model file, or a run folder (its model.segue)" };
        var tracks = new Option<string>("--tracks") { Description = "The playlist's tracks so far: comma-separated spotify:track: URIs (may be empty)", DefaultValueFactory = _ => "" };
        var tracksFile = new Option<string?>("--tracks-file") { Description = "The playlist's tracks from a file, one URI a line or comma-separated ('-': standard input): for more than a command line holds" };
        var title = new Option<string?>("--title") { Description = "The playlist's title (not used yet: no recommender reads titles)" };
        var k = new Option<int>("-k") { Description = "How many tracks to recommend", DefaultValueFactory = _ => 50 };
        var datasetPath = new Option<string?>("--dataset") { Description = "The dataset the model was trained on (default: the one its run folder records)" };
        var cosine = new Option<bool>("--cosine") { Description = "Score by cosine similarity instead of the dot product" };
        var command = new Command("recommend", "Recommend the tracks that should come next in a playlist") { model, tracks, tracksFile, title, k, datasetPath, cosine };
        command.SetAction(parse =>
        {
            if (parse.GetValue(k) <= 0) throw new SegueException($"-k {parse.GetValue(k)}: must be positive");
            if (parse.GetValue(tracksFile) is not null && parse.GetValue(tracks) is { Length: > 0 })
                throw new SegueException("--tracks and --tracks-file: give one, not both");
            var uris = parse.GetValue(tracksFile) is { } file ? SeedUris.FromFile(file) : SeedUris.FromArgument(parse.GetValue(tracks)!);
            string modelPath = EvalCommand.ModelPath(parse.GetValue(model)!);
            using var dataset = Dataset.Open(parse.GetValue(datasetPath) ?? DatasetOf(modelPath));
            var popularity = new PopularityRecommender(TrackPlaylistIndex.Build(dataset));
            var recommender = EvalCommand.OpenModel(modelPath, dataset, parse.GetValue(cosine), popularity);
            var results = Recommend(dataset, recommender, uris, parse.GetValue(title), parse.GetValue(k));
            AnsiConsole.Write(Table(dataset, results));
            return 0;
        });
        return command;
    }

    /// <summary>Ranks tracks for the playlist given by <paramref name="uris"/>: unknown URIs are
    /// skipped with a warning, and with no known seed the list is popularity's, and says so.</summary>
    public static ScoredTrack[] Recommend(Dataset dataset, IRecommender recommender, IReadOnlyList<SeedUri> uris, string? title, int k)
    {
        // Accepted so that scripts written for a title model keep working when one exists, but
        // no recommender here reads it, and a list that looks title-aware must not pass for one.
        if (title is not null) Output.Warning("--title: not used (no recommender reads titles yet); the list comes from the seed tracks");
        var seeds = new List<int>();
        foreach (var (uri, where) in uris)
        {
            if (dataset.TryGetTrack(uri, out int id)) seeds.Add(id);
            else Output.Warning($"{where}: {uri}: not in the dataset's catalogue; skipped");
        }
        if (seeds.Count == 0) Output.Warning("no known seed track: these are the most popular tracks");
        var results = new ScoredTrack[Math.Min(k, dataset.TrackCount)];
        int n = recommender.CreateScorer().Recommend(seeds.ToArray(), title, excludeSeeds: true, results);
        return results[..n];
    }

    public static Table Table(Dataset dataset, IReadOnlyList<ScoredTrack> results)
    {
        var table = new Table().AddColumn(new TableColumn("#").RightAligned()).AddColumn("track").AddColumn("artist")
            .AddColumn("album").AddColumn(new TableColumn("score").RightAligned());
        for (int i = 0; i < results.Count; i++)
        {
            int t = results[i].Track;
            table.AddRow($"{i + 1}", Markup.Escape(dataset.TrackName(t)), Markup.Escape(dataset.ArtistName(dataset.TrackArtists[t])),
                Markup.Escape(dataset.AlbumName(dataset.TrackAlbums[t])), $"{results[i].Score:F3}");
        }
        return table;
    }

    internal static string DatasetOf(string modelPath)
    {
        string? folder = Path.GetDirectoryName(Path.GetFullPath(modelPath));
        return (folder is null ? null : new RunFolder(folder).ReadDatasetPath())
            ?? throw new SegueException($"{modelPath}: no run config beside the model records its dataset; give --dataset");
    }
}
