// The README's example of the library, compiled and run by ReadmeExampleTests: README.md shows
// this file from its first using on, as it is.
using Segue;
using Segue.Data;
using Segue.Data.Synth;
using Segue.Evaluation;
using Segue.Serving;

public static class ReadmeExample
{
    public static void Run(string folder)
    {
        // 2,000 synthetic playlists in the MPD's layout, ingested into one dataset file.
        string mpd = Path.Combine(folder, "mpd"), datasetFile = Path.Combine(folder, "mpd.segue");
        new SynthGenerator(new SynthOptions { Playlists = 2_000, SliceSize = 100, Seed = 1 }).Write(mpd, Progress.None);
        DatasetIngest.Run([mpd], datasetFile, new IngestOptions(), Progress.None);

        // A recommender over the dataset's training split: here the co-occurrence baseline; a run folder
        // (segue train), a model file or a ranker folder (segue fit) is opened the same way.
        var specs = new[] { RecommenderSpec.Parse("baseline:cooccurrence", "recommender") };
        using var service = ContinuationService.Open(specs, datasetFile, ContinuationLimits.None);
        var dataset = service.Dataset;

        // Continue a held-out playlist from its title and first five tracks.
        int playlist = dataset.TestPlaylists[0];
        var seeds = dataset.PlaylistTracks(playlist)[..5].ToArray().Select(dataset.TrackUri).ToList();
        var continuation = service.Continue(new ContinuationRequest(dataset.PlaylistName(playlist), seeds, K: 10));
        foreach (var track in continuation.Tracks)
            Console.WriteLine($"{track.Score,8:F3}  {track.Name} by {track.Artist}");

        // Evaluate it as segue eval does: every held-out playlist, its first five tracks as seeds.
        var report = new Evaluator(dataset).Evaluate(service.Recommenders[0].Recommender, HeldOutCases.FromTestSplit(dataset));
        Console.WriteLine($"{report.Cases} playlists: R-precision {report.Overall["r_precision"]:F4}, NDCG {report.Overall["ndcg"]:F4}");
    }
}
