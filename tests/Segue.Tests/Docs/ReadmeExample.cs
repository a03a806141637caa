// The README's example of the library, compiled and run by ReadmeExampleTests: README.md shows
// this file from its first using on, as it is.
using Segue;
using Segue.Data.Synth;
using Segue.Evaluation;
using Segue.Serving;

public static class ReadmeExample
{
    public static void Run(string folder)
    {
        // 2,000 synthetic playlists in the MPD's layout, ingested into one dataset file.
        string mpd = Path.Combine(folder, "mpd"), datasetFile = Path.Combine(folder, "mpd.segue");
        Pipeline.Synthesise(mpd, new SynthOptions { Playlists = 2_000, SliceSize = 100, Seed = 1 });
        Pipeline.Ingest([mpd], datasetFile);

        // A recommender over the dataset's training split: here the co-occurrence baseline; a run
        // folder (Pipeline.Train), a model file or a ranker folder (Pipeline.Fit) is opened the same way.
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
        var report = Pipeline.Evaluate(dataset, new EvaluationRequest { Baselines = ["cooccurrence"] }).Reports[0];
        Console.WriteLine($"{report.Cases} playlists: R-precision {report.Overall["r_precision"]:F4}, NDCG {report.Overall["ndcg"]:F4}");
    }
}
