using Segue.Data;
using Segue.Factorisation;
using Segue.IO;
using Segue.Retrieval;
using Segue.Statistics;
using Segue.Structures;
using Segue.Tests.Evaluation;

namespace Segue.Tests.Factorisation;

public class ImplicitAlsTests
{
    private static readonly AlsSettings Small = new(Factors: 6, Iterations: 4, Alpha: 5, Regularization: 0.5f, Seed: 1);

    [Fact]
    public void Cholesky_solves_a_hand_computed_system()
    {
        // A = [[4 2 0] [2 5 1] [0 1 3]], x = [1 -1 2] gives b = [2 -1 5].
        double[] a = [4, 2, 0, 2, 5, 1, 0, 1, 3];
        double[] b = [2, -1, 5];
        Assert.True(Cholesky.TrySolve(a, b, 3));
        Assert.Equal([1.0, -1.0, 2.0], b.Select(v => Math.Round(v, 12)));
        Assert.False(Cholesky.TrySolve(new double[] { 1, 2, 2, 1 }, new double[2], 2));
    }

    [Fact]
    public void Gram_matrix_is_the_naive_sum_of_outer_products_plus_lambda()
    {
        var factors = RandomFactors(rows: 10_000, k: 5, seed: 3);
        var gram = ImplicitAls.Gram(factors, 5, 0.25f, threads: 2);
        for (int i = 0; i < 5; i++)
            for (int j = 0; j < 5; j++)
            {
                double sum = i == j ? 0.25 : 0;
                for (int r = 0; r < 10_000; r++) sum += (double)factors[r * 5 + i] * factors[r * 5 + j];
                Assert.True(Math.Abs(sum - gram[i * 5 + j]) <= 1e-5 * Math.Max(1, Math.Abs(sum)), $"({i}, {j}): {gram[i * 5 + j]}, naive {sum}");
            }
    }

    [Fact]
    public void Conjugate_gradient_reaches_the_exact_row_solution_in_k_steps()
    {
        const int k = 6, tracks = 40;
        var y = RandomFactors(tracks, k, seed: 5);
        int[] held = [1, 4, 9, 17, 33];
        const float alpha = 7, lambda = 0.3f;
        var expected = NaiveRowSolution(y, k, held, alpha, lambda);
        var x = new float[k];
        ImplicitAls.SolveRow(held, x, y, ImplicitAls.Gram(y, k, lambda, 1), k, alpha, steps: k, new float[3 * k]);
        for (int f = 0; f < k; f++) Assert.Equal(expected[f], x[f], 3);

        // Three steps, as a fit takes them, already get close from a cold start.
        var rough = new float[k];
        ImplicitAls.SolveRow(held, rough, y, ImplicitAls.Gram(y, k, lambda, 1), k, alpha, ImplicitAls.ConjugateGradientSteps, new float[3 * k]);
        Assert.True(Distance(rough, expected) < 0.5 * Norm(expected));
    }

    [Fact]
    public void Every_iteration_lowers_the_weighted_objective()
    {
        using var dir = new TempDir();
        using var dataset = Dataset.Open(EvalDatasets.Random(dir, playlists: 200, tracks: 120));
        var index = TrackPlaylistIndex.Build(dataset);
        var rows = ImplicitAls.TracksByPlaylist(dataset, index);
        double previous = double.PositiveInfinity;
        for (int iterations = 1; iterations <= 5; iterations++)
        {
            var factors = ImplicitAls.Fit(rows, index, Small with { Iterations = iterations }, 1, null,
                ImplicitAls.ConjugateGradientSteps, out var x);
            double loss = NaiveObjective(dataset, index, x, factors, Small);
            Assert.True(loss < previous, $"iteration {iterations}: objective {loss} after {previous}");
            previous = loss;
        }
    }

    [Fact]
    public void Fold_in_solves_the_naive_normal_equations()
    {
        using var dir = new TempDir();
        using var dataset = Dataset.Open(EvalDatasets.Random(dir, playlists: 200, tracks: 120));
        var factors = ImplicitAls.Fit(TrainingStatistics.Of(dataset), Small, threads: 1);
        int[] seeds = [0, 3, 7, 50];
        var expected = NaiveRowSolution(factors.Values.ToArray(), factors.K, seeds, factors.Alpha, factors.Regularization);
        var x = new float[factors.K];
        factors.FoldIn(seeds, x, new double[factors.K * factors.K], new double[factors.K]);
        for (int f = 0; f < factors.K; f++) Assert.Equal(expected[f], x[f], 4);
    }

    [Fact]
    public void A_fold_in_without_a_cholesky_factor_gives_no_factors_not_an_error()
    {
        // Factors of rank 1 and a regularisation that float cannot add to them: every entry of the
        // system is 4 + 6 * 2 = 16, exactly singular.
        var factors = new TrackFactors([.. Enumerable.Repeat(1f, 4 * 3)], trackCount: 4, k: 3, alpha: 6f, regularization: 1e-30f);
        var x = new float[] { 9, 9, 9 };
        factors.FoldIn([0, 2], x, new double[9], new double[3]);
        Assert.Equal([0f, 0f, 0f], x);
    }

    [Fact]
    public void A_seed_gives_the_same_factors_on_any_number_of_threads()
    {
        using var dir = new TempDir();
        using var dataset = Dataset.Open(EvalDatasets.Random(dir));
        var index = TrackPlaylistIndex.Build(dataset);
        var one = ImplicitAls.Fit(TrainingStatistics.Of(dataset), Small, threads: 1).Values.ToArray();
        var two = ImplicitAls.Fit(TrainingStatistics.Of(dataset), Small, threads: 2).Values.ToArray();
        var other = ImplicitAls.Fit(TrainingStatistics.Of(dataset), Small with { Seed = 2 }, threads: 2).Values.ToArray();
        Assert.Equal(one, two);
        Assert.NotEqual(one, other);
    }

    [Fact]
    public void Factors_find_the_group_a_playlist_belongs_to()
    {
        // Tracks 0-19 and 20-39 never share a playlist; seeds from one group must rank its other
        // well-known tracks first, whatever the popularity of the other group's.
        using var dir = new TempDir();
        var random = new Random(1);
        var builder = new DatasetBuilder(testEvery: 2, testOffset: 1);
        for (int p = 0; p < 300; p++)
        {
            int group = p % 2 * 20;
            var tracks = Enumerable.Range(0, 8).Select(_ => EvalDatasets.T(group + (int)(20 * Math.Pow(random.NextDouble(), 2)))).Distinct().ToList();
            builder.AddPlaylist(p, $"p{p}", p / 100 * 2, tracks);
        }
        builder.AddPlaylist(1000, "held", 5, [EvalDatasets.T(0)]);
        string path = dir.File("groups.segue");
        builder.Write(path);
        using var dataset = Dataset.Open(path);
        var statistics = TrainingStatistics.Of(dataset);
        var recommender = new FactorRecommender(ImplicitAls.Fit(statistics, Small with { Factors = 4, Iterations = 10 }, 1), statistics);
        int[] seeds = [.. new[] { 25, 31, 22 }.Select(n => dataset.TryGetTrack($"spotify:track:t{n}", out int id) ? id : throw new Exception())];
        var results = new ScoredTrack[10];
        Assert.Equal(10, recommender.CreateScorer().Recommend(new PlaylistQuery(seeds, null, SeedOrder.First), excludeSeeds: true, results));
        Assert.All(results, r => Assert.InRange(int.Parse(dataset.TrackUri(r.Track)[15..]), 20, 39));
    }

    [Fact]
    public void Recommender_ranks_known_tracks_by_dot_product_without_the_seeds()
    {
        using var dir = new TempDir();
        using var dataset = Dataset.Open(EvalDatasets.Random(dir, playlists: 200, tracks: 120));
        var statistics = TrainingStatistics.Of(dataset);
        var factors = ImplicitAls.Fit(statistics, Small, threads: 1);
        var recommender = new FactorRecommender(factors, statistics);
        int[] seeds = [2, 5, 5, 11];
        var x = new float[factors.K];
        factors.FoldIn([2, 5, 11], x, new double[factors.K * factors.K], new double[factors.K]);
        var expected = Enumerable.Range(0, dataset.TrackCount)
            .Where(t => statistics.Count(t) > 0 && !seeds.Contains(t))
            .Select(t => (Track: t, Score: Dot(factors.Row(t), x)))
            .OrderByDescending(p => p.Score).ThenBy(p => p.Track).Take(30).ToArray();
        var scorer = recommender.CreateScorer();
        var results = new ScoredTrack[30];
        Assert.Equal(30, scorer.Recommend(new PlaylistQuery(seeds, null, SeedOrder.First), excludeSeeds: true, results));
        Assert.Equal(expected.Select(p => p.Track), results.Select(r => r.Track));
        Assert.Equal(expected[4].Score, results[4].Score, 5);
        Assert.Equal(0, scorer.Recommend(new PlaylistQuery([], "title only", SeedOrder.First), excludeSeeds: true, results));
    }

    [Fact]
    public void Saved_factors_load_back_and_a_damaged_or_misshapen_file_is_refused()
    {
        using var dir = new TempDir();
        var values = RandomFactors(rows: 7, k: 3, seed: 1);
        var factors = new TrackFactors(values, 7, 3, 2f, 0.5f);
        string path = dir.File(TrackFactors.FileName);
        factors.Save(path);
        Assert.Equal(values, TrackFactors.Load(path, 7, 3, 2f, 0.5f).Values.ToArray());
        int header = NpyFile.Header(8, 3).Length;
        Assert.Equal($"{path}: {header + 84} bytes; a 8 x 3 float32 .npy matrix has {header + 96}",
            Assert.Throws<SegueException>(() => TrackFactors.Load(path, 8, 3, 2f, 0.5f)).Message);
        Assert.Equal($"{path}: not a 3 x 7 float32 .npy matrix (its header differs)",
            Assert.Throws<SegueException>(() => NpyFile.Read(path, 3, 7)).Message);
        values[7] = float.NaN;
        NpyFile.Write(path, values, 7, 3);
        Assert.Equal($"{path}: track 2: factor 1 is NaN, not a number within ±1000; the file is damaged",
            Assert.Throws<SegueException>(() => TrackFactors.Load(path, 7, 3, 2f, 0.5f)).Message);
        values[7] = 1e19f;
        NpyFile.Write(path, values, 7, 3);
        Assert.Equal($"{path}: track 2: factor 1 is 1E+19, not a number within ±1000; the file is damaged",
            Assert.Throws<SegueException>(() => TrackFactors.Load(path, 7, 3, 2f, 0.5f)).Message);
    }

    private static float[] RandomFactors(int rows, int k, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, rows * k).Select(_ => (float)(random.NextDouble() - 0.5))];
    }

    // (Y^T Y + lambda I + alpha sum_i y_i y_i^T) x = (1 + alpha) sum_i y_i, by Gaussian elimination.
    private static double[] NaiveRowSolution(float[] y, int k, int[] held, float alpha, float lambda)
    {
        int rows = y.Length / k;
        var a = new double[k, k + 1];
        for (int i = 0; i < k; i++)
        {
            a[i, i] += lambda;
            for (int j = 0; j < k; j++)
                for (int r = 0; r < rows; r++)
                    a[i, j] += (double)y[r * k + i] * y[r * k + j] * (held.Contains(r) ? 1 + alpha : 1);
            foreach (int r in held) a[i, k] += (1 + alpha) * y[r * k + i];
        }
        for (int c = 0; c < k; c++)
            for (int r = c + 1; r < k; r++)
            {
                double m = a[r, c] / a[c, c];
                for (int j = c; j <= k; j++) a[r, j] -= m * a[c, j];
            }
        var x = new double[k];
        for (int r = k - 1; r >= 0; r--)
        {
            double sum = a[r, k];
            for (int j = r + 1; j < k; j++) sum -= a[r, j] * x[j];
            x[r] = sum / a[r, r];
        }
        return x;
    }

    // The weighted objective over every (training playlist, track) pair, straight from its definition.
    private static double NaiveObjective(Dataset dataset, TrackPlaylistIndex index, float[] x, TrackFactors factors, AlsSettings s)
    {
        int k = factors.K;
        double loss = 0;
        foreach (int u in dataset.TrainPlaylists)
        {
            var held = dataset.PlaylistTracks(u).ToArray();
            for (int i = 0; i < dataset.TrackCount; i++)
            {
                double dot = Dot(factors.Row(i), x.AsSpan(u * k, k));
                bool h = held.Contains(i);
                loss += (h ? 1 + s.Alpha : 1) * Math.Pow((h ? 1 : 0) - dot, 2);
            }
        }
        foreach (float v in x) loss += s.Regularization * v * v;
        foreach (float v in factors.Values) loss += s.Regularization * v * v;
        return loss;
    }

    private static double Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        double sum = 0;
        for (int i = 0; i < a.Length; i++) sum += (double)a[i] * b[i];
        return sum;
    }

    private static double Distance(float[] a, double[] b) => Math.Sqrt(a.Zip(b).Sum(p => (p.First - p.Second) * (p.First - p.Second)));
    private static double Norm(double[] a) => Math.Sqrt(a.Sum(v => v * v));
}
