using Segue.Data;
using Segue.Model;
using Segue.Runs;
using Segue.Serving;
using Segue.Training;

namespace Segue.Server.Tests;

/// <summary>
/// A small dataset and a run trained on it for a few hundred steps, in a temporary folder, shared
/// by the tests of a class: track <c>n</c> is <c>spotify:track:t{n}</c>, "Song n" by "Artist n/7"
/// (artist 3 is "Nina Simone", for the search; the last track's name hides a right-to-left override and
/// a bell after its number, as a hostile name would), playlists of skewed random tracks with pids
/// 1000 + i, every other slice held out.
/// </summary>
public sealed class ServedData : IDisposable
{
    public const int Tracks = 300;
    public const string ArtistThree = "Nina Simone";

    public ServedData()
    {
        Folder = Directory.CreateTempSubdirectory("segue-server-test-").FullName;
        DatasetPath = Path.Combine(Folder, "data.segue");
        var random = new Random(5);
        var builder = new DatasetBuilder(testEvery: 2, testOffset: 1);
        for (int p = 0; p < 400; p++)
        {
            int length = random.Next(10, 30);
            var list = new List<TrackRecord>(length);
            for (int i = 0; i < length; i++) list.Add(Track((int)(Tracks * Math.Pow(random.NextDouble(), 2))));
            builder.AddPlaylist(1000 + p, $"list {p}", p / 50, list);
        }
        builder.Write(DatasetPath);

        RunsFolder = Path.Combine(Folder, "runs");
        using var dataset = Dataset.Open(DatasetPath);
        var config = new ModelConfig { AlbumBuckets = 0, Seed = 3 };
        TrainingRun.Train(dataset, new RunFolder(Path.Combine(RunsFolder, "book")), config,
            new TrainerOptions { Steps = 400, LogEvery = 100, EvalEvery = 200, EvalCases = 20, CheckpointEvery = 0 },
            TrainingExamples.FromDataset(dataset, config.MinLength), resume: false, evalThreads: 1, Progress.None);
    }

    public string Folder { get; }
    public string DatasetPath { get; }
    public string RunsFolder { get; }
    public string BookRun => Path.Combine(RunsFolder, "book");

    public static string Uri(int track) => $"spotify:track:t{track}";

    public static TrackRecord Track(int n)
    {
        int artist = n / 7;
        return new TrackRecord(Uri(n), $"spotify:album:al{n / 3}", $"spotify:artist:ar{artist}", n == Tracks - 1 ? $"Song {n} \u202Edrawkcab\u0007" : $"Song {n}", $"Album {n / 3}",
            artist == 3 ? ArtistThree : $"Artist {artist}", 180_000 + n);
    }

    /// <summary>The options <c>segue serve runs/book --model cooc=baseline:cooccurrence --model title=baseline:title --runs runs</c>
    /// would give (with the rest as given).</summary>
    public ServeOptions Options(IReadOnlyList<string>? urls = null) =>
        new([RecommenderSpec.Parse(BookRun, "recommenders"), RecommenderSpec.Parse("cooc=baseline:cooccurrence", "model"),
            RecommenderSpec.Parse("title=baseline:title", "model")], DatasetPath, urls, RunsFolder);

    public void Dispose()
    {
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
    }
}
