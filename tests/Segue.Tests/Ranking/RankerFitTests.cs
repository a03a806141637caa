using Segue.Data;
using Segue.Evaluation;
using Segue.Ranking;
using Segue.Retrieval;
using Segue.Serving;
using Segue.Statistics;
using Segue.Structures;

namespace Segue.Tests.Ranking;

public class RankerFitTests(RankerFixture fixture) : IClassFixture<RankerFixture>
{
    [Fact]
    public void The_fitted_ranker_beats_its_best_generator_on_a_challenge_set()
    {
        using var dataset = Dataset.Open(fixture.DatasetPath);
        var ranker = RankerFolder.Open(fixture.RankerPath, TrainingStatistics.Of(dataset));
        var cases = ChallengeCases.Load(fixture.ChallengeFolder, dataset, out _);
        var evaluator = new Evaluator(dataset, 500, threads: 2);
        var popularity = ranker.Sources.Popularity;
        var generators = ranker.Sources.Alone().Select(g => g == popularity ? g : new PopularityBackfill(g, popularity));
        var theirs = generators.Select(g => evaluator.Evaluate(g, cases)).ToList();
        var ours = evaluator.Evaluate(ranker, cases);
        foreach (string metric in (string[])["r_precision", "ndcg"])
            Assert.True(ours.Overall[metric] > theirs.Max(r => r.Overall[metric]),
                $"{metric}: ranker {ours.Overall[metric]:F4}, generators {string.Join(", ", theirs.Select(r => $"{r.Recommender} {r.Overall[metric]:F4}"))}");
        Assert.True(ours.Overall["clicks"] < theirs.Min(r => r.Overall["clicks"]));
    }

    [Fact]
    public void The_flattened_trees_score_every_pooled_row_as_the_prediction_engine_does()
    {
        using var dataset = Dataset.Open(fixture.DatasetPath);
        var ranker = RankerFolder.Open(fixture.RankerPath, TrainingStatistics.Of(dataset));
        Assert.Equal(RankerFixture.Options.Trees, ranker.Model.Trees.Trees);
        var engine = ranker.Model.CreateEngine();
        var row = new LambdaRankModel.FeatureRow();
        var prediction = new LambdaRankModel.Prediction();
        var pool = new CandidatePool(ranker.Sources, ranker.Depth);
        int rows = 0;
        foreach (var c in ChallengeCases.Load(fixture.ChallengeFolder, dataset, out _).Take(30))
        {
            int n = pool.Build(c.Query);
            for (int i = 0; i < n; i++)
            {
                var features = pool.Features.Slice(i * RankingFeatures.Count, RankingFeatures.Count);
                features.CopyTo(row.Features);
                engine.Predict(row, ref prediction);
                Assert.Equal(prediction.Score, ranker.Model.Trees.Score(features), 4);
                rows++;
            }
        }
        Assert.True(rows > 10_000, $"{rows} rows");
    }

    [Fact]
    public void Rows_walked_in_step_get_to_the_bit_the_sums_of_rows_walked_one_at_a_time()
    {
        using var dataset = Dataset.Open(fixture.DatasetPath);
        var ranker = RankerFolder.Open(fixture.RankerPath, TrainingStatistics.Of(dataset));
        var trees = ranker.Model.Trees;
        int width = RankingFeatures.Count;
        var pool = new CandidatePool(ranker.Sources, ranker.Depth);
        var rows = new List<float>();
        foreach (var c in ChallengeCases.Load(fixture.ChallengeFolder, dataset, out _).Take(3))
        {
            int n = pool.Build(c.Query);
            rows.AddRange(pool.Features[..(n * width)]);
        }
        // Rows at the edges of every split: not a number (goes right), infinities, and each feature
        // of a row set to its neighbour's value.
        var random = new Random(7);
        for (int extra = 0; extra < 40; extra++)
        {
            var row = rows.GetRange(random.Next(rows.Count / width) * width, width).ToArray();
            int feature = random.Next(width);
            row[feature] = (extra % 4) switch { 0 => float.NaN, 1 => float.PositiveInfinity, 2 => float.NegativeInfinity, _ => row[(feature + 1) % width] };
            rows.AddRange(row);
        }
        var features = rows.ToArray();
        int count = features.Length / width - 5;   // not a multiple of the rows in step
        Assert.NotEqual(0, count % TreeEnsemble.RowsInStep);
        var sums = Enumerable.Range(0, count).Select(i => i * 0.25).ToArray();
        var expected = sums.Select((sum, i) => trees.Add(sum, features.AsSpan(i * width, width), 3, trees.Trees - 2)).ToArray();
        trees.AddRows(sums, features, width, 3, trees.Trees - 2);
        Assert.Equal(expected, sums);   // exact: the same leaves added in the same order
        Assert.True(count > 1000, $"{count} rows");
    }

    [Fact]
    public void Rows_narrower_than_the_features_the_trees_split_on_are_refused()
    {
        using var dataset = Dataset.Open(fixture.DatasetPath);
        var trees = RankerFolder.Open(fixture.RankerPath, TrainingStatistics.Of(dataset)).Model.Trees;
        var rows = new float[4 * 3];
        var error = Assert.Throws<ArgumentException>(() => trees.AddRows(new double[4], rows, 3, 0, trees.Trees));
        Assert.StartsWith("the trees split on feature ", error.Message);
        Assert.Contains("; a row of 3 features lacks it", error.Message);
        Assert.Throws<ArgumentException>(() => trees.AddRows(new double[5], rows, RankingFeatures.Count, 0, trees.Trees));
    }

    [Theory]
    [InlineData(50)]    // a shortlist of 200 rows, fewer than a pool holds
    [InlineData(500)]   // a shortlist of 750 rows, the whole pool
    public void The_ranker_lists_the_best_of_the_rows_its_first_trees_shortlist_by_every_trees_score(int k)
    {
        using var dataset = Dataset.Open(fixture.DatasetPath);
        var ranker = RankerFolder.Open(fixture.RankerPath, TrainingStatistics.Of(dataset));
        var trees = ranker.Model.Trees;
        var scorer = ranker.CreateScorer();
        var pool = new CandidatePool(ranker.Sources, ranker.Depth);
        var results = new ScoredTrack[k];
        static int Order(ScoredTrack a, ScoredTrack b) => ScoredTrack.Better(a, b) ? -1 : ScoredTrack.Better(b, a) ? 1 : 0;
        int cut = 0;
        foreach (var c in ChallengeCases.Load(fixture.ChallengeFolder, dataset, out _).Take(30))
        {
            int n = pool.Build(c.Query);
            if (n < k) continue;
            var rows = Enumerable.Range(0, n).Select(i => pool.Features.Slice(i * RankingFeatures.Count, RankingFeatures.Count).ToArray()).ToList();
            var partial = rows.Select((row, i) => new ScoredTrack(i, (float)trees.Add(trees.Bias, row, 0, ranker.FirstStageTrees))).ToList();
            partial.Sort(Order);
            var expected = partial.Take(RankerRecommender.Shortlist(k))
                .Select(p => new ScoredTrack(pool.Tracks[p.Track], trees.Score(rows[p.Track]))).ToList();
            expected.Sort(Order);
            if (n > RankerRecommender.Shortlist(k)) cut++;

            Assert.Equal(k, scorer.Recommend(c.Query, excludeSeeds: true, results));
            Assert.Equal(expected.Take(k), results);
        }
        Assert.True(k == 500 || cut > 20, $"{cut} pools longer than the shortlist");
    }

    [Fact]
    public void A_served_ranker_reads_the_services_one_training_index()
    {
        var specs = new[] { RecommenderSpec.Parse(fixture.RankerPath, "recommender"), RecommenderSpec.Parse("baseline:pknn", "recommender") };
        using var service = ContinuationService.Open(specs, fixture.DatasetPath, ContinuationLimits.None);
        var ranker = Assert.IsType<RankerRecommender>(service.Recommenders[0].Recommender);
        Assert.Same(service.Statistics, ranker.Sources.Statistics);
    }

    /// <summary>The fast check of the fit's promise on a few thousand synthetic playlists (the
    /// settings are the fixture's, smaller than the defaults; bench/eval/sizes.sh checks the
    /// defaults at 1k to 100k playlists).</summary>
    [Fact]
    public void The_fit_finds_its_ranker_ahead_of_every_generator_and_records_it()
    {
        var verdict = fixture.Fit.Verdict;
        Assert.True(verdict.Ahead, verdict.Figures);
        Assert.Equal(["r_precision", "ndcg", "clicks"], verdict.Metrics.Select(m => m.Name));
        var summary = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(fixture.RankerPath, "summary.json")))!;
        Assert.True(summary["comparison"]!["ahead"]!.GetValue<bool>());
        var ndcg = verdict.Metrics[1];
        Assert.Equal(ndcg.Ranker, summary["comparison"]!["ndcg"]!["ranker"]!.GetValue<double>());
        Assert.Equal(ndcg.BestGenerator, summary["comparison"]!["ndcg"]!["best_generator"]!.GetValue<string>());
        Assert.Equal(fixture.Fit.Validation.Skip(1).Max(r => r.Overall["ndcg"]), ndcg.Best);
    }

    [Fact]
    public void The_fit_measures_the_ranker_beside_each_generator_and_writes_a_run_like_folder()
    {
        Assert.Equal(["ranker", "cooccurrence", "pknn", "title", "popularity", "artist", "als"], fixture.Fit.Validation.Select(r => r.Recommender));
        Assert.Equal(120, fixture.Fit.Validation[0].Cases);   // every fifth of 600
        Assert.InRange(fixture.Fit.PoolRecall, 0.01, 1);
        foreach (string file in (string[])["config.json", "ranker.json", "lambdarank.zip", "feature_importance.json", "validation.json",
                     "metrics.jsonl", "run.json", "summary.json", "track_factors.npy"])
            Assert.True(File.Exists(Path.Combine(fixture.RankerPath, file)), file);
        Assert.DoesNotContain(Directory.GetFileSystemEntries(fixture.Folder), e => e.EndsWith(".tmp", StringComparison.Ordinal));   // no temporary left behind
    }

    [Fact]
    public void The_same_seed_gives_the_same_ranker_bytes()
    {
        using var dir = new TempDir();
        using var dataset = Dataset.Open(fixture.DatasetPath);
        string again = dir.File("again");
        RankerFit.Run(dataset, RankerFixture.Options, again);
        foreach (string file in (string[])["config.json", "ranker.json", "lambdarank.zip", "feature_importance.json"])
            Assert.Equal(File.ReadAllBytes(Path.Combine(fixture.RankerPath, file)), File.ReadAllBytes(Path.Combine(again, file)));
    }

    private static readonly RankerOptions Quick = RankerFixture.Options with { ValidationCases = 100, Trees = 5, Depth = 200 };

    [Fact]
    public void A_fit_holds_its_folder_and_a_second_fit_into_it_is_refused_before_any_work()
    {
        using var dir = new TempDir();
        using var dataset = Dataset.Open(fixture.DatasetPath);
        string output = dir.File("ranker");
        using (Segue.IO.OutputLock.Hold(Segue.IO.TempNames.LockFor(output), output, removeWhenDone: true))
        {
            var e = Assert.Throws<SegueException>(() => RankerFit.Run(dataset, Quick, output));
            Assert.Equal($"{output}: in use by another segue command (it holds .ranker.lock); wait for it or choose another output", e.Message);
        }
        Assert.Empty(Directory.GetFileSystemEntries(dir.Path));   // the lock goes with its holder
    }

    [Fact]
    public void A_folder_made_at_the_output_during_the_fit_is_left_as_it_is()
    {
        using var dir = new TempDir();
        using var dataset = Dataset.Open(fixture.DatasetPath);
        string output = dir.File("ranker");
        var e = Assert.Throws<SegueException>(() => RankerFit.Run(dataset, Quick, output, new OnFitting(() =>
        {
            // A person makes the output folder, with notes in it.
            Directory.CreateDirectory(output);
            File.WriteAllText(Path.Combine(output, "notes.txt"), "mine");
        })));
        Assert.Equal($"{output}: appeared while this was being written; left as it is, and nothing written there: choose another output", e.Message);
        Assert.Equal([output], Directory.GetFileSystemEntries(dir.Path));
        Assert.Equal("mine", File.ReadAllText(Path.Combine(output, "notes.txt")));
    }

    [Fact]
    public void An_output_with_a_trailing_slash_is_written_as_that_folder()
    {
        using var dir = new TempDir();
        using var dataset = Dataset.Open(fixture.DatasetPath);
        RankerFit.Run(dataset, Quick, dir.File("ranker") + "/");
        Assert.Equal([dir.File("ranker")], Directory.GetFileSystemEntries(dir.Path));
        Assert.True(RankerFolder.IsRanker(dir.File("ranker")));
    }

    [Fact]
    public void A_ranker_refuses_a_trained_model_other_than_the_one_it_was_fitted_with()
    {
        using var dir = new TempDir();
        using var dataset = Dataset.Open(fixture.DatasetPath);
        var catalog = Segue.Model.Catalog.FromDataset(dataset);
        var config = new Segue.Model.ModelConfig { FeatureSize = 4, AlbumBuckets = 64 };
        string model = dir.File("model.segue");
        Segue.Model.ModelFile.Save(model, Segue.Model.EmbeddingModel.Initialise(config, catalog, new Segue.Structures.Rng(1)));
        string ranker = dir.File("ranker");
        RankerFit.Run(dataset, Quick with { Model = model }, ranker);
        RankerFolder.Open(ranker, TrainingStatistics.Of(dataset));

        string fitted = Checksum(model);
        // Another model of the same dataset and shape, in the same place.
        Segue.Model.ModelFile.Save(model, Segue.Model.EmbeddingModel.Initialise(config, catalog, new Segue.Structures.Rng(2)));
        var e = Assert.Throws<SegueException>(() => RankerFolder.Open(ranker, TrainingStatistics.Of(dataset)));
        Assert.Equal($"{model}: not the model this ranker was fitted with (checksum {Checksum(model)}, the ranker's {fitted}); " +
            "fit the ranker again with this model", e.Message);

        // A ranker of a build that did not record it cannot tell.
        string manifest = Path.Combine(ranker, RankerFolder.ManifestFile);
        var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(manifest))!.AsObject();
        json.Remove("trained_model_checksum");
        File.WriteAllText(manifest, json.ToJsonString());
        e = Assert.Throws<SegueException>(() => RankerFolder.Open(ranker, TrainingStatistics.Of(dataset)));
        Assert.Equal($"{manifest}: no checksum of the trained model {model} (fitted by an older build); fit it again", e.Message);
    }

    private static string Checksum(string path) => System.IO.Hashing.XxHash64.HashToUInt64(File.ReadAllBytes(path)).ToString("x16");

    [Fact]
    public void A_killed_fits_temporary_folder_is_removed_before_the_work()
    {
        using var dir = new TempDir();
        using var dataset = Dataset.Open(fixture.DatasetPath);
        string output = dir.File("ranker");
        string stale = dir.File($".ranker.{Segue.Tests.IO.Shell.DeadProcessId()}.{Guid.NewGuid():N}.tmp");
        Directory.CreateDirectory(stale);
        File.WriteAllText(Path.Combine(stale, "lambdarank.zip"), "half");
        bool leftDuringTheFit = true;
        RankerFit.Run(dataset, Quick, output, new OnFitting(() => leftDuringTheFit = Directory.Exists(stale)));
        Assert.False(leftDuringTheFit);
        Assert.Equal([output], Directory.GetFileSystemEntries(dir.Path));
    }

    // Runs an action when LambdaRank is about to be fitted: the middle of a fit.
    private sealed class OnFitting(Action action) : IProgressSink
    {
        public IProgressTask Begin(string description, double total)
        {
            if (description.StartsWith("LambdaRank", StringComparison.Ordinal)) action();
            return Progress.None.Begin(description, total);
        }
    }
}
