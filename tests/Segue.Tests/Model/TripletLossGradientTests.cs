using Segue.Model;

namespace Segue.Tests.Model;

/// <summary>
/// The hand-written backward pass against central finite differences of an independent
/// double-precision implementation of the book's loss, term by term and summed, on examples with
/// repeated rows and exact ties.
/// </summary>
public class TripletLossGradientTests
{
    // Track 4 twice in the context (repeated rows, tied maxima); tracks 6 and 7 share album and
    // artist (identical rows in book mode); next shares albums/artists with the context (bonuses)
    // and repeats a track; negatives repeat a track (tied maximum negative).
    private static readonly int[] Context = [4, 4, 6, 7, 11];
    private static readonly int[] Next = [5, 12, 13, 20, 12, 31];
    private static readonly int[] Negatives = [0, 17, 17, 22, 25, 33, 38, 39, 6];

    public static TheoryData<int, string> Cases()
    {
        var data = new TheoryData<int, string>();
        foreach (string variant in new[] { "book", "mean+tracks+duration", "buckets0+tracks" })
            for (int term = 0; term <= 6; term++)
                data.Add(term, variant);
        return data;
    }

    private static ModelConfig Config(int term, string variant)
    {
        float W(int t) => term == 6 || term == t ? 1f : 0f;
        var config = new ModelConfig
        {
            FeatureSize = 4,
            AlbumBuckets = variant == "buckets0+tracks" ? 0 : 5,
            Reg = 1.3f, // near the norms of N(0, 1/F) rows, so some rows are penalised
            Weights = new LossWeights(W(0), W(1), W(2), W(3), W(4), W(5)),
            Aggregation = variant.StartsWith("mean") ? Aggregation.Mean : Aggregation.Max,
            TrackBuckets = variant.Contains("tracks") ? 9 : 0,
            Duration = variant.Contains("duration"),
        };
        // A term with weight 2 when alone checks that weights scale.
        return term == 6 ? config : config with { Weights = Scale(config.Weights, 2f) };
    }

    private static LossWeights Scale(LossWeights w, float s) =>
        new(w.ExtremalTriplet * s, w.MeanTriplet * s, w.Reg * s, w.ContextSelf * s, w.NextSelf * s, w.NegativeSelf * s);

    [Theory]
    [MemberData(nameof(Cases))]
    public void GradientMatchesFiniteDifferences(int term, string variant)
    {
        var config = Config(term, variant);
        var catalog = TestModels.Catalog();
        var model = TestModels.Random(config, catalog);
        var loss = new TripletLoss(model);
        var gradients = new ModelGradients(model);
        loss.Take(Context, Next, Negatives);
        float value = loss.Compute(gradients);

        var reference = new ReferenceLoss(model);
        double expected = reference.Loss(Context, Next, Negatives);
        Assert.True(expected > 0.01, $"term {term} is inactive on this example ({expected})");
        Assert.Equal(expected, value, 1e-4 * Math.Max(1, Math.Abs(expected)));

        const double h = 1e-6;
        int checkedEntries = 0;
        for (int t = 0; t < model.Tables.Count; t++)
        {
            var table = reference.Tables[t];
            for (int row = 0; row < model.Tables[t].Rows; row++)
            for (int col = 0; col < model.Tables[t].Cols; col++)
            {
                int i = row * model.Tables[t].Cols + col;
                double saved = table[i];
                table[i] = saved + h;
                double up = reference.Loss(Context, Next, Negatives);
                table[i] = saved - h;
                double down = reference.Loss(Context, Next, Negatives);
                table[i] = saved;
                double numeric = (up - down) / (2 * h);
                double analytic = Lookup(gradients.For(model.TableIds[t]), row, col);
                Assert.True(Math.Abs(numeric - analytic) <= 1e-4 + 1e-3 * Math.Abs(numeric),
                    $"{model.Tables[t].Name}[{row},{col}]: analytic {analytic}, numeric {numeric}");
                if (numeric != 0) checkedEntries++;
            }
        }
        Assert.True(checkedEntries > 10, $"only {checkedEntries} non-zero gradient entries");
    }

    [Fact]
    public void RowsUsedTwiceAppearOnceWithTheSumOfTheirGradients()
    {
        var config = new ModelConfig { FeatureSize = 4, AlbumBuckets = 5 };
        var model = TestModels.Random(config, TestModels.Catalog());
        var gradients = new ModelGradients(model);
        var loss = new TripletLoss(model);
        loss.Take(Context, Next, Negatives);
        loss.Compute(gradients);
        var artists = gradients.For(ModelTable.Artists);
        var rows = Enumerable.Range(0, artists.Count).Select(artists.RowAt).ToArray();
        Assert.Equal(rows.Distinct().Count(), rows.Length);
        var expected = Context.Concat(Next).Concat(Negatives).Select(t => model.Catalog.TrackArtists[t]).Distinct().Order();
        Assert.Equal(expected, rows.Order());
    }

    private static double Lookup(SparseGradient gradient, int row, int col)
    {
        for (int s = 0; s < gradient.Count; s++)
            if (gradient.RowAt(s) == row)
                return gradient.GradientAt(s)[col];
        return 0;
    }

    /// <summary>The loss as the spec writes it, in doubles, with full Gram matrices and no sharing
    /// of work: the slow, obvious version.</summary>
    private sealed class ReferenceLoss(EmbeddingModel model)
    {
        public readonly double[][] Tables = model.Tables.Select(t => t.Values.Select(v => (double)v).ToArray()).ToArray();

        private double[] Represent(int track)
        {
            int f = model.F;
            var e = new double[2 * f];
            int album = model.AlbumRow(track), artist = model.Catalog.TrackArtists[track];
            for (int i = 0; i < f; i++)
            {
                e[i] = Tables[0][album * f + i];
                e[f + i] = Tables[1][artist * f + i];
            }
            int next = 2;
            if (model.Tracks is not null)
            {
                int row = model.TrackRow(track);
                for (int i = 0; i < 2 * f; i++) e[i] += Tables[next][row * 2 * f + i];
                next++;
            }
            if (model.DurationVector is not null)
            {
                double z = (model.Catalog.DurationsMs[track] / 1000.0 - model.DurationMean) / model.DurationStd;
                for (int i = 0; i < 2 * f; i++) e[i] += z * Tables[next][i];
            }
            return e;
        }

        private static double Dot(double[] a, double[] b) => a.Zip(b, (x, y) => x * y).Sum();
        private static double Relu(double x) => Math.Max(x, 0);

        public double Loss(int[] context, int[] next, int[] negatives)
        {
            var cfg = model.Config;
            var w = cfg.Weights;
            var c = context.Select(Represent).ToArray();
            var p = next.Select(Represent).ToArray();
            var q = negatives.Select(Represent).ToArray();
            double Aff(int track, double[] e)
            {
                var dots = c.Select(ci => Dot(e, ci)).ToArray();
                double a = cfg.Aggregation == Aggregation.Max ? dots.Max() : dots.Average();
                var albums = model.Catalog.TrackAlbums.ToArray();
                var artists = model.Catalog.TrackArtists.ToArray();
                if (context.Any(x => albums[x] == albums[track])) a += 0.1;
                if (context.Any(x => artists[x] == artists[track])) a += 0.1;
                return a;
            }
            var pos = next.Select((t, j) => Aff(t, p[j])).ToArray();
            var neg = negatives.Select((t, k) => Aff(t, q[k])).ToArray();
            double SelfMean(double[][] rows, Func<double, double> f) =>
                rows.SelectMany(a => rows.Select(b => f(Dot(a, b)))).Average();
            return w.MeanTriplet * Relu(1 + neg.Average() - pos.Average())
                + w.ExtremalTriplet * Relu(1 + neg.Max() - pos.Min())
                + w.Reg * c.Concat(p).Concat(q).Sum(e => Relu(Math.Sqrt(Dot(e, e)) - cfg.Reg))
                + w.ContextSelf * SelfMean(c, g => Relu(0.5 - g))
                + w.NextSelf * SelfMean(p, g => Relu(0.5 - g))
                + w.NegativeSelf * SelfMean(q, g => Relu(g));
        }
    }
}
