using Segue.Model;
using Segue.Retrieval;
using Segue.Structures;
using Segue.Tests.Model;

namespace Segue.Tests.Retrieval;

/// <summary>The structured scorer against a naive per-track 2F-vector computation of aff().</summary>
public class ModelRecommenderTests
{
    public static TheoryData<string, bool> Cases()
    {
        var data = new TheoryData<string, bool>();
        foreach (var variant in new[] { "book", "mean", "tracks+duration", "mean+tracks", "buckets0" })
            foreach (bool cosine in new[] { false, true })
                data.Add(variant, cosine);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void FastScorerMatchesNaiveAffinity(string variant, bool cosine)
    {
        var catalog = TestModels.Catalog(tracks: 300, albums: 90, artists: 50);
        var config = new ModelConfig
        {
            FeatureSize = 8,
            AlbumBuckets = variant == "buckets0" ? 0 : 40,
            Aggregation = variant.StartsWith("mean") ? Aggregation.Mean : Aggregation.Max,
            TrackBuckets = variant.Contains("tracks") ? 70 : 0,
            Duration = variant.Contains("duration"),
        };
        var model = TestModels.Random(config, catalog);
        var scorer = new ModelRecommender(model, cosine).CreateScorer();
        var rng = new Rng(8);
        foreach (int seedCount in new[] { 1, 5, 11 })   // 11 > one chunk of context items
        {
            // Seeds include a repeat and two tracks of one album (bonus counted once).
            var seeds = Enumerable.Range(0, seedCount).Select(_ => rng.NextInt(catalog.TrackCount)).ToArray();
            if (seedCount > 2) (seeds[1], seeds[2]) = (seeds[0], seeds[0] ^ 1);
            foreach (bool exclude in new[] { false, true })
                AssertMatchesNaive(model, scorer, seeds, exclude, cosine);
        }
    }

    [Fact]
    public void EveryContextSizeMatchesNaiveAffinity()
    {
        // Rows are scored a pass per chunk of up to eight context items, with a kernel per count.
        var catalog = TestModels.Catalog(tracks: 200, albums: 60, artists: 30);
        var model = TestModels.Random(new ModelConfig { FeatureSize = 8, AlbumBuckets = 25 }, catalog);
        var scorer = new ModelRecommender(model).CreateScorer();
        var rng = new Rng(9);
        for (int seedCount = 1; seedCount <= 17; seedCount++)
        {
            var seeds = Enumerable.Range(0, seedCount).Select(_ => rng.NextInt(catalog.TrackCount)).ToArray();
            AssertMatchesNaive(model, scorer, seeds, exclude: true, cosine: false);
        }
    }

    private static void AssertMatchesNaive(EmbeddingModel model, IQueryScorer scorer, int[] seeds, bool exclude, bool cosine)
    {
        var naive = Naive(model, seeds, cosine);
        var expected = Enumerable.Range(0, model.Catalog.TrackCount)
            .Where(t => !exclude || !seeds.Contains(t))
            .OrderByDescending(t => naive[t]).ThenBy(t => t).Take(50).ToArray();
        var results = new ScoredTrack[50];
        int count = scorer.Recommend(new PlaylistQuery(seeds, null, SeedOrder.First), exclude, results);
        Assert.Equal(50, count);
        for (int k = 0; k < count; k++)
        {
            Assert.Equal(naive[expected[k]], results[k].Score, 1e-5);       // same score profile: nothing better missed
            Assert.Equal(naive[results[k].Track], results[k].Score, 1e-5);  // and each returned score is right
            if (exclude) Assert.DoesNotContain(results[k].Track, seeds);
        }
        // Ties are broken by track id, so a ranking is deterministic.
        for (int k = 1; k < count; k++)
            if (results[k].Score == results[k - 1].Score)
                Assert.True(results[k].Track > results[k - 1].Track);
    }

    [Fact]
    public void NoSeedsNoRanking()
    {
        var model = TestModels.Random(new ModelConfig { FeatureSize = 8, AlbumBuckets = 10 }, TestModels.Catalog());
        Assert.Equal(0, new ModelRecommender(model).CreateScorer().Recommend(new PlaylistQuery([], "title", SeedOrder.First), true, new ScoredTrack[10]));
    }

    private static double[] Naive(EmbeddingModel model, int[] seeds, bool cosine)
    {
        int d = 2 * model.F;
        double[] Rep(int t)
        {
            var e = new float[d];
            model.Represent(t, e);
            var v = e.Select(x => (double)x).ToArray();
            if (!cosine) return v;
            double norm = Math.Sqrt(v.Sum(x => x * x));
            return v.Select(x => x / norm).ToArray();
        }
        var contexts = seeds.Select(Rep).ToArray();
        var albums = model.Catalog.TrackAlbums.ToArray();
        var artists = model.Catalog.TrackArtists.ToArray();
        return Enumerable.Range(0, model.Catalog.TrackCount).Select(t =>
        {
            var e = Rep(t);
            var dots = contexts.Select(c => c.Zip(e, (x, y) => x * y).Sum()).ToArray();
            double a = model.Config.Aggregation == Aggregation.Max ? dots.Max() : dots.Average();
            if (seeds.Any(s => albums[s] == albums[t])) a += 0.1;
            if (seeds.Any(s => artists[s] == artists[t])) a += 0.1;
            return a;
        }).ToArray();
    }
}
