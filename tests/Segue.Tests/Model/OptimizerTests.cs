using Segue.Model.Optimizers;
using Segue.Model;
using Segue.Structures;
using Segue.Training;

namespace Segue.Tests.Model;

/// <summary>
/// The sparse optimisers against the dense update the spec defines (every parameter, every
/// step, zero gradient for rows the step did not touch), over many steps of real loss
/// gradients on a table where most rows sit out most steps, across a checkpoint save/load.
/// </summary>
public class OptimizerTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "segue-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }

    private static readonly Catalog Catalog = TestModels.Catalog(tracks: 80, albums: 40, artists: 30);

    /// <summary>One dense step on one table's values: w, its state, its (dense) gradient.</summary>
    private delegate void DenseStep(float[] w, float[] state, float[] g, ModelConfig c);

    public static TheoryData<OptimizerKind> DenseEquivalent => [OptimizerKind.Sgd, OptimizerKind.RmsProp, OptimizerKind.Adagrad];

    private static DenseStep Dense(OptimizerKind kind) => kind switch
    {
        OptimizerKind.Sgd => (w, v, g, c) =>
        {
            for (int i = 0; i < w.Length; i++) { v[i] = g[i] + c.Momentum * v[i]; w[i] -= c.LearningRate * v[i]; }
        },
        OptimizerKind.RmsProp => (w, s, g, c) =>
        {
            for (int i = 0; i < w.Length; i++)
            {
                s[i] = c.RmsDecay * s[i] + (1 - c.RmsDecay) * g[i] * g[i];
                w[i] -= c.LearningRate * g[i] / (MathF.Sqrt(s[i]) + c.Epsilon);
            }
        },
        OptimizerKind.Adagrad => (w, s, g, c) =>
        {
            for (int i = 0; i < w.Length; i++)
            {
                s[i] += g[i] * g[i];
                w[i] -= c.LearningRate * g[i] / (MathF.Sqrt(s[i]) + c.Epsilon);
            }
        },
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    [Theory]
    [MemberData(nameof(DenseEquivalent))]
    public void SparseUpdatesEqualTheDenseUpdate(OptimizerKind kind)
    {
        const int steps = 400, saveAt = 170;
        var config = new ModelConfig
        {
            FeatureSize = 4, AlbumBuckets = 0, Optimizer = kind,
            LearningRate = kind == OptimizerKind.Sgd ? 1e-3f : 1e-2f, Seed = 5,
        };
        var sparse = EmbeddingModel.Initialise(config, Catalog, new Rng(config.Seed));
        var dense = EmbeddingModel.Initialise(config, Catalog, new Rng(config.Seed));
        var optimizer = Optimizer.Create(config, sparse);
        var denseState = dense.Tables.Select(t => new float[t.Values.Length]).ToArray();
        var step = Dense(kind);
        var sparseStep = new SparseStep(sparse, optimizer);
        var denseLoss = new TripletLoss(dense);
        var denseGradients = new ModelGradients(dense);
        var examples = new Rng(99);

        for (long t = 1; t <= steps; t++)
        {
            int[] Draw(int count) => Enumerable.Range(0, count).Select(_ => examples.NextInt(Catalog.TrackCount)).ToArray();
            int[] context = Draw(3), next = Draw(4), negatives = Draw(5);

            Assert.True(sparseStep.Run(context, next, negatives, t).Succeeded);

            denseLoss.Take(context, next, negatives);
            denseLoss.Compute(denseGradients);
            for (int k = 0; k < dense.Tables.Count; k++)
                step(dense.Tables[k].Values, denseState[k], Densify(denseGradients.For(dense.TableIds[k]), dense.Tables[k]), config);

            if (t == saveAt)
            {
                optimizer.Synchronize(t);
                string path = Checkpoints.Save(_dir, new TrainingState(sparse, optimizer, new Rng(1), t));
                (sparse, optimizer, _, long loadedStep) = Checkpoints.Load(path, Catalog);
                Assert.Equal(saveAt, loadedStep);

                sparseStep = new SparseStep(sparse, optimizer);
            }
        }

        // Momentum keeps moving rows the last steps did not touch: only the catch-up brings them level.
        // (RMSProp's lagging rows differ in their state only; Adagrad's do not lag at all.)
        if (kind == OptimizerKind.Sgd)
            Assert.True(RelativeError(sparse, dense) > 1e-6, "rows left behind should differ before Synchronize");
        optimizer.Synchronize(steps);
        double error = RelativeError(sparse, dense);
        Assert.True(error < 1e-5, $"relative error {error}");
        Assert.True(TotalChange(dense, config) > 1e-2, "the tables should have moved");
    }

    [Fact]
    public void LazyAdamLeavesUntouchedRowsAlone()
    {
        var config = new ModelConfig { FeatureSize = 4, AlbumBuckets = 0, Optimizer = OptimizerKind.Adam, LearningRate = 0.01f };
        var model = EmbeddingModel.Initialise(config, Catalog, new Rng(1));
        var before = model.Artists.Values.ToArray();
        var optimizer = Optimizer.Create(config, model);
        var step = new SparseStep(model, optimizer);
        int[] context = [0, 1, 2], next = [3, 4], negatives = [5, 6];
        for (long t = 1; t <= 3; t++)
            Assert.True(step.Run(context, next, negatives, t).Succeeded);
        optimizer.Synchronize(3);
        var touched = context.Concat(next).Concat(negatives).Select(t => Catalog.TrackArtists[t]).ToHashSet();
        for (int r = 0; r < model.Artists.Rows; r++)
        {
            bool moved = !model.Artists.Row(r).SequenceEqual(before.AsSpan(r * 4, 4));
            Assert.Equal(touched.Contains(r), moved);
        }
    }

    private static float[] Densify(SparseGradient gradient, Table table)
    {
        var dense = new float[table.Values.Length];
        for (int s = 0; s < gradient.Count; s++)
            gradient.GradientAt(s).CopyTo(dense.AsSpan(gradient.RowAt(s) * table.Cols));
        return dense;
    }

    private static double RelativeError(EmbeddingModel a, EmbeddingModel b)
    {
        double diff = 0, norm = 0;
        for (int k = 0; k < a.Tables.Count; k++)
            for (int i = 0; i < a.Tables[k].Values.Length; i++)
            {
                double x = a.Tables[k].Values[i], y = b.Tables[k].Values[i];
                diff += (x - y) * (x - y);
                norm += y * y;
            }
        return Math.Sqrt(diff / norm);
    }

    private static double TotalChange(EmbeddingModel trained, ModelConfig config)
    {
        var initial = EmbeddingModel.Initialise(config, Catalog, new Rng(config.Seed));
        return RelativeError(trained, initial);
    }
}
