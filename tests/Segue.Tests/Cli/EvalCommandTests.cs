using System.Text.Json;
using Segue.Data;
using Segue.Evaluation;
using Segue.Tests.Evaluation;
using Segue.Statistics;

namespace Segue.Tests.Cli;

[Collection(ConsoleCollection.Name)]
public class EvalCommandTests
{
    [Fact]
    public void Baselines_are_evaluated_without_a_model_and_written_as_json()
    {
        using var dir = new TempDir();
        string dataset = EvalDatasets.Random(dir);
        var (exit, output, err) = CliRunner.Run("eval", "--dataset", dataset, "--baselines", "-k", "20",
            "--limit", "30", "--threads", "2", "--json", dir.File("eval.json"));
        Assert.True(exit == 0, err);
        // On the 80 columns of redirected output, the longest names too are whole.
        Assert.Contains("r_precision_artist_credit", output);
        Assert.Contains("cooccurrence", output);

        using var json = JsonDocument.Parse(File.ReadAllText(dir.File("eval.json")));
        var reports = json.RootElement.GetProperty("reports");
        Assert.Equal(["popularity", "cooccurrence", "pknn", "title", "artist", "als"], reports.EnumerateArray().Select(r => r.GetProperty("recommender").GetString()));
        // The generators' settings are recorded beside their figures.
        var settings = json.RootElement.GetProperty("generator_settings");
        Assert.Equal(new Segue.Retrieval.PlaylistKnnSettings().K, settings.GetProperty("pknn_k").GetInt32());
        Assert.Equal(new Segue.Retrieval.CoOccurrenceSettings().SeedExponent, settings.GetProperty("cooccurrence_a").GetSingle());
        // The CLI's figures are the evaluator's.
        using var ds = Dataset.Open(dataset);
        var cases = HeldOutCases.FromTestSplit(ds, limit: 30);
        var popularity = Segue.Retrieval.Baselines.Build(TrainingStatistics.Of(ds), ["popularity"])[0];
        var expected = new Evaluator(ds, k: 20).Evaluate(popularity, cases).Overall["ndcg"];
        Assert.Equal(30, reports[0].GetProperty("cases").GetInt32());
        Assert.Equal(expected, reports[0].GetProperty("overall").GetProperty("ndcg").GetDouble(), 12);
    }

    [Fact]
    public void A_challenge_set_is_scored_per_category()
    {
        using var dir = new TempDir();
        string dataset = EvalDatasets.Small(dir);
        File.WriteAllText(dir.File(ChallengeSetFiles.SetFileName), """
            {"playlists": [{"pid": 9, "name": "x", "tracks": [{"pos": 0, "track_uri": "spotify:track:t0"}]},
                           {"pid": 10, "tracks": []}]}
            """);
        File.WriteAllText(dir.File(ChallengeTruth.FileName), """
            {"version": 1, "playlists": [{"pid": 9, "category": 2, "holdouts": ["spotify:track:t1"]},
                                         {"pid": 10, "category": 1, "holdouts": ["spotify:track:t5"]}]}
            """);
        var (exit, output, err) = CliRunner.Run("eval", "--dataset", dataset, "--baseline", "cooccurrence",
            "--test", dir.Path, "--json", dir.File("eval.json"));
        Assert.True(exit == 0, err);
        Assert.Contains("cooccurrence by category", output);
        using var json = JsonDocument.Parse(File.ReadAllText(dir.File("eval.json")));
        var report = json.RootElement.GetProperty("reports")[0];
        // pid 9: seed 0's best neighbour is 1, the withheld track: rank 1. pid 10 (title only):
        // popularity puts 5 sixth: NDCG 1/log2(6).
        var byCategory = report.GetProperty("by_category");
        Assert.Equal(1.0, byCategory.GetProperty("2").GetProperty("metrics").GetProperty("ndcg").GetDouble(), 12);
        Assert.Equal(1 / Math.Log2(6), byCategory.GetProperty("1").GetProperty("metrics").GetProperty("ndcg").GetDouble(), 12);
    }

    [Fact]
    public void Errors_are_one_line_and_write_nothing()
    {
        using var dir = new TempDir();
        string dataset = EvalDatasets.Small(dir);
        File.WriteAllText(dir.File(ChallengeSetFiles.SetFileName), """{"playlists": [{"pid": 9, "tracks": []}]}""");
        var (exit, _, err) = CliRunner.Run("eval", "--dataset", dataset, "--test", dir.Path, "--json", dir.File("eval.json"));
        Assert.Equal(1, exit);
        Assert.Equal($"segue: error: {dir.File(ChallengeTruth.FileName)}: no such file: nothing to score (a submission can be written without it)",
            err.TrimEnd('\n'));
        Assert.False(File.Exists(dir.File("eval.json")));

        (exit, _, err) = CliRunner.Run("eval", "--dataset", dataset, "--test", dir.Path, "--submission", dir.File("s.csv"),
            "--team", "t", "--email", "e");
        Assert.Equal(1, exit);
        Assert.Equal($"segue: error: {dir.File("s.csv")}: pid 9: 13 tracks to recommend; a submission needs 500 (the dataset has 13 tracks)",
            err.TrimEnd('\n'));
        Assert.False(File.Exists(dir.File("s.csv")));
    }

    [Fact]
    public void Nothing_to_evaluate_is_an_error_not_zeros()
    {
        using var dir = new TempDir();
        var builder = new DatasetBuilder(testEvery: 0, testOffset: 0);
        builder.AddPlaylist(1, "a", 0, [EvalDatasets.T(0), EvalDatasets.T(1)]);
        builder.Write(dir.File("train-only.segue"));
        var (exit, _, err) = CliRunner.Run("eval", "--dataset", dir.File("train-only.segue"), "--baseline", "popularity");
        Assert.Equal(1, exit);
        Assert.Equal($"segue: error: {dir.File("train-only.segue")}: no held-out playlists to evaluate (the dataset has no test split; give a challenge set)", err.Trim());

        string dataset = EvalDatasets.Small(dir);
        File.WriteAllText(dir.File(ChallengeSetFiles.SetFileName), """{"playlists": []}""");
        File.WriteAllText(dir.File(ChallengeTruth.FileName), """{"version": 1, "playlists": []}""");
        (exit, _, err) = CliRunner.Run("eval", "--dataset", dataset, "--baseline", "popularity", "--test", dir.Path);
        Assert.Equal(1, exit);
        Assert.Equal($"segue: error: {dir.File(ChallengeSetFiles.SetFileName)}: no playlists to evaluate", err.Trim());
    }

    [Fact]
    public void Out_of_range_and_meaningless_options_are_one_line()
    {
        using var dir = new TempDir();
        string dataset = EvalDatasets.Small(dir);
        (string[] Args, string Error)[] cases =
        [
            (["-k", "0"], "-k 0: must be positive"),
            (["-k", "-1"], "-k -1: must be positive"),
            (["--limit", "-3"], "--limit -3: must be 0 (all) or positive"),
            (["--threads", "0"], "--threads 0: must be positive"),
            (["--cosine"], "--cosine scores a model: give the MODEL"),
            (["--team", "t"], "--team and --email go with --submission"),
            (["--test", dir.Path, "--team", "t", "--email", "e", "--submission", dir.File("s.csv"), "--limit", "1"],
                "--submission answers every playlist of the challenge set: drop --limit"),
        ];
        foreach (var (args, error) in cases)
        {
            var (exit, _, err) = CliRunner.Run(["eval", "--dataset", dataset, "--baseline", "popularity", .. args]);
            Assert.Equal(1, exit);
            Assert.Equal($"segue: error: {error}", err.Trim());
        }
    }

    [Theory]
    [InlineData("cooccurrence", "--cooc-max-playlists", "0", "--cooc-max-playlists 0: must be positive")]
    [InlineData("cooccurrence", "--cooc-a", "Infinity", "--cooc-a Infinity: must be between 0 and 10")]
    [InlineData("pknn", "--pknn-rho", "1e30", "--pknn-rho 1E+30: must be between 0 and 10")]
    [InlineData("title", "--title-token-weight", "NaN", "--title-token-weight NaN: must be between 0 and 1000")]
    [InlineData("als", "--als-factors", "0", "--als-factors 0: must be between 1 and 1024")]
    [InlineData("als", "--als-regularization", "0", "--als-regularization 0: must be positive and at most 10000")]
    public void Out_of_range_generator_settings_are_one_line(string baseline, string option, string value, string error)
    {
        using var dir = new TempDir();
        var (exit, _, err) = CliRunner.Run("eval", "--dataset", EvalDatasets.Small(dir), "--baseline", baseline, option, value);
        Assert.Equal(1, exit);
        Assert.Equal($"segue: error: {error}", err.Trim());
    }

    [Fact]
    public void A_k_beyond_the_catalogue_scores_as_the_whole_catalogue()
    {
        using var dir = new TempDir();
        string dataset = EvalDatasets.Small(dir);
        double Recall(string k)
        {
            var (exit, _, err) = CliRunner.Run("eval", "--dataset", dataset, "--baseline", "popularity", "-k", k, "--json", dir.File("e.json"));
            Assert.True(exit == 0, err);
            using var json = JsonDocument.Parse(File.ReadAllText(dir.File("e.json")));
            return json.RootElement.GetProperty("reports")[0].GetProperty("overall").GetProperty($"track_recall@{k}").GetDouble();
        }
        Assert.Equal(Recall("13"), Recall("2000000000"));
    }
}
