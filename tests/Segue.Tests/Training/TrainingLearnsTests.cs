using Segue.Model;
using Segue.Structures;
using Segue.Training;

namespace Segue.Tests.Training;

/// <summary>
/// Training must learn: on playlists that each stay within one of a few genres, the book's model
/// (its loss, sampler and optimiser, at a small size) has to find a held-out playlist's genre from
/// its first tracks. K is the number of the genre's tracks left besides the seeds, so a model that
/// has separated the genres recalls (nearly) everything, and popularity far less. Negatives drawn
/// from two tracks only (a broken sampler) leave genres overlapping (recall about 0.87 here); a
/// wrong loss sign or an optimiser that does not descend is far worse. Both recommenders are
/// scored by the obvious reference code here, not by Retrieval or Evaluation.
/// </summary>
public class TrainingLearnsTests
{
    private const int Genres = 8, AlbumsPerGenre = 6, TracksPerAlbum = 5, AlbumsPerArtist = 2;
    private const int TracksPerGenre = AlbumsPerGenre * TracksPerAlbum;
    private const int Tracks = Genres * TracksPerGenre, Length = 15, Context = 5, K = TracksPerGenre - Context;

    /// <summary>Track t is in genre t / 30, album t / 5, artist t / 10.</summary>
    private static Catalog GenreCatalog()
    {
        var albums = Enumerable.Range(0, Tracks).Select(t => t / TracksPerAlbum).ToArray();
        var artists = Enumerable.Range(0, Tracks).Select(t => t / (TracksPerAlbum * AlbumsPerArtist)).ToArray();
        return new Catalog(albums, artists, Enumerable.Repeat(200_000, Tracks).ToArray(),
            Tracks / TracksPerAlbum, Tracks / (TracksPerAlbum * AlbumsPerArtist), fingerprint: 8);
    }

    /// <summary>Playlists of distinct tracks of one genre each, popular tracks (low rank in the
    /// genre) more likely, so that popularity is a fair baseline rather than a straw man.</summary>
    private static List<int[]> Playlists(int count, Rng rng)
    {
        var weights = Enumerable.Range(0, TracksPerGenre).Select(r => 1 / Math.Pow(r + 1, 0.7)).ToArray();
        var playlists = new List<int[]>();
        for (int p = 0; p < count; p++)
        {
            int genre = rng.NextInt(Genres);
            var chosen = new List<int>();
            while (chosen.Count < Length)
            {
                double u = rng.NextDouble() * weights.Sum();
                int rank = 0;
                while (rank < TracksPerGenre - 1 && (u -= weights[rank]) > 0) rank++;
                int track = genre * TracksPerGenre + rank;
                if (!chosen.Contains(track)) chosen.Add(track);
            }
            playlists.Add([.. chosen]);
        }
        return playlists;
    }

    /// <summary>Mean recall@K over held-out playlists of the top K (seeds excluded) by <paramref name="score"/>.</summary>
    private static double Recall(IEnumerable<int[]> heldOut, Func<int[], int, double> score) =>
        heldOut.Average(playlist =>
        {
            var seeds = playlist[..Context];
            var top = Enumerable.Range(0, Tracks).Where(t => !seeds.Contains(t))
                .OrderByDescending(t => score(seeds, t)).ThenBy(t => t).Take(K).ToHashSet();
            return playlist[Context..].Count(top.Contains) / (double)(Length - Context);
        });

    [Fact]
    public void The_trained_model_clearly_beats_popularity_on_held_out_playlists()
    {
        var catalog = GenreCatalog();
        var rng = new Rng(42);
        var train = Playlists(800, rng);
        var heldOut = Playlists(200, rng);
        var config = new ModelConfig { FeatureSize = 8, AlbumBuckets = 0, NumNegatives = 16, ContextLength = Context, MinLength = Length, Seed = 3 };
        var model = new Trainer(new TrainingExamples(train, config.MinLength), new TrainerOptions { Steps = 1_500, EvalEvery = 0, CheckpointEvery = 0 })
            .Run(Trainer.Start(config, catalog), TrainingListeners.None);

        var counts = new int[Tracks];
        foreach (var playlist in train)
            foreach (int t in playlist) counts[t]++;
        double popularity = Recall(heldOut, (_, t) => counts[t]);

        var e = new float[Tracks][];
        for (int t = 0; t < Tracks; t++)
            model.Represent(t, e[t] = new float[2 * config.FeatureSize]);
        double Dot(int a, int b) => e[a].Zip(e[b], (x, y) => (double)x * y).Sum();
        double trained = Recall(heldOut, (seeds, t) => seeds.Max(s => Dot(s, t)));

        Assert.True(trained >= 0.97 && trained > 3 * popularity,
            $"recall@{K}: trained model {trained:F3}, popularity {popularity:F3}");
    }
}
