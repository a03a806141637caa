using System.CommandLine;
using Segue.Serving;
using Spectre.Console;

namespace Segue.Cli.Commands;

/// <summary><c>segue recommend MODEL --tracks URI,...</c> (or <c>--tracks-file FILE</c>): continue one playlist.</summary>
public static class RecommendCommand
{
    /// <summary>Unknown seeds warned of one by one; the rest are counted in one line.</summary>
    public const int MaxUnknownWarnings = 5;

    public static Command Create()
    {
        var model = new Argument<string>("model") { Description = "A model file, a run folder (its model.segue) or a ranker folder" };
        var tracks = new Option<string>("--tracks") { Description = "The playlist's tracks so far: comma-separated track ids (spotify:track: URIs for MPD data; may be empty)", DefaultValueFactory = _ => "" };
        var tracksFile = new Option<string?>("--tracks-file") { Description = "The playlist's tracks from a file, one id a line ('-': standard input; Spotify URIs may also be comma-separated): for more than a command line holds, or ids with commas" };
        var title = new Option<string?>("--title") { Description = "The playlist's title (a ranker reads it; a model does not)" };
        var k = new Option<int>("-k") { Description = "How many tracks to recommend", DefaultValueFactory = _ => 50 };
        var datasetPath = new Option<string?>("--dataset") { Description = "The dataset the model was trained on (default: the one its run or ranker folder records)" };
        var cosine = new Option<bool>("--cosine") { Description = "Score by cosine similarity instead of the dot product" };
        var command = new Command("recommend", "Recommend the tracks that should come next in a playlist") { model, tracks, tracksFile, title, k, datasetPath, cosine };
        command.SetAction(parse =>
        {
            if (parse.GetValue(tracksFile) is not null && parse.GetValue(tracks) is { Length: > 0 })
                throw new SegueException("--tracks and --tracks-file: give one, not both");
            var lines = parse.GetValue(tracksFile) is { } file ? SeedUris.FromFile(file) : null;
            string modelPath = parse.GetValue(model)!;
            using var service = ContinuationService.Open([new RecommenderSpec("model", modelPath)], parse.GetValue(datasetPath) ?? Pipeline.DatasetOf(modelPath),
                ContinuationLimits.None, parse.GetValue(cosine));
            // A table's ids may hold commas: its file lists one a line.
            var uris = lines is null ? SeedUris.FromArgument(parse.GetValue(tracks)!)
                : service.Dataset.Meta.HasSpotifyUris ? SeedUris.SplitCommas(lines) : lines;
            AnsiConsole.Write(Table(Recommend(service, uris, parse.GetValue(title), parse.GetValue(k)).Tracks));
            return 0;
        });
        return command;
    }

    /// <summary>Continues the playlist given by <paramref name="uris"/> through the library's query
    /// path (with the first served recommender), and says what it did as a person at a terminal needs
    /// it: each unknown URI skipped, where it was given; a title a model does not read; the popularity
    /// fallback when no seed was known (a ranker's title model answers instead); a refusal as the
    /// option at fault.</summary>
    public static Continuation Recommend(ContinuationService service, IReadOnlyList<SeedUri> uris, string? title, int k)
    {
        // A list that looks title-aware must not pass for one: only a ranker reads the title.
        if (title is not null && !service.Recommenders[0].ReadsTitle)
            Output.Warning("--title: not used (a model does not read titles; a ranker does); the list comes from the seed tracks");
        Continuation answer;
        try
        {
            answer = service.Continue(new ContinuationRequest(title, [.. uris.Select(u => u.Uri)], k));
        }
        catch (RequestFieldException e)
        {
            throw new SegueException($"{Option(e.Field, uris, k)}: {e.Problem}");
        }
        var unknown = answer.Unknown.ToHashSet(StringComparer.Ordinal);
        var skipped = uris.Where(u => unknown.Contains(u.Uri)).ToList();
        foreach (var (uri, where) in skipped.Take(MaxUnknownWarnings))
            Output.Warning($"{where}: {uri}: not in the dataset's catalogue; skipped");
        if (skipped.Count > MaxUnknownWarnings)
            Output.Warning($"and {skipped.Count - MaxUnknownWarnings:N0} more not in the dataset's catalogue ({skipped.Count:N0} of {uris.Count:N0} skipped)");
        if (answer.Fallback) Output.Warning("no known seed track: these are the most popular tracks");
        return answer;
    }

    // The library's request fields, as this command's options: tracks[3] is where the fourth URI was given.
    private static string Option(string field, IReadOnlyList<SeedUri> uris, int k) => field switch
    {
        "k" => $"-k {k}",
        "title" => "--title",
        _ when field.StartsWith("tracks[", StringComparison.Ordinal) && int.TryParse(field["tracks[".Length..^1], out int i) => uris[i].Where,
        _ => field,
    };

    public static Table Table(IReadOnlyList<RecommendedTrack> tracks)
    {
        var table = new Table().AddColumn(new TableColumn("#").RightAligned()).AddColumn("track").AddColumn("artist")
            .AddColumn("album").AddColumn("id").AddColumn(new TableColumn("score").RightAligned());
        for (int i = 0; i < tracks.Count; i++)
            table.AddRow($"{i + 1}", Markup.Escape(tracks[i].Name), Markup.Escape(tracks[i].Artist), Markup.Escape(tracks[i].Album),
                Markup.Escape(tracks[i].Uri), $"{tracks[i].Score:F3}");
        return table;
    }
}
