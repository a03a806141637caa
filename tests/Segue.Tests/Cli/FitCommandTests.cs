using System.Text.RegularExpressions;
using Segue.Cli.Commands;
using Segue.Data;
using Segue.Evaluation;
using Segue.Ranking;
using Segue.Retrieval;
using Segue.Tests.Ranking;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Segue.Tests.Cli;

/// <summary><c>segue fit</c>, and a ranker through <c>segue eval</c> and <c>segue recommend</c>:
/// bad input is one line and writes nothing.</summary>
[Collection(ConsoleCollection.Name)]
public class FitCommandTests(RankerFixture fixture) : IClassFixture<RankerFixture>
{
    private string CopyRanker(TempDir dir)
    {
        string copy = dir.File("ranker");
        Directory.CreateDirectory(copy);
        foreach (var file in Directory.GetFiles(fixture.RankerPath))
            File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
        return copy;
    }

    [Fact]
    public void A_ranker_evaluates_and_recommends_through_the_command_line()
    {
        var (exit, output, error) = CliRunner.Run("eval", fixture.RankerPath, "--test", fixture.ChallengeFolder, "--limit", "20", "--baseline", "title");
        Assert.True(exit == 0, error);
        Assert.Contains("ranker", output);
        Assert.Contains("title", output);
        (exit, output, error) = CliRunner.Run("recommend", fixture.RankerPath, "--title", "summer", "-k", "5");
        Assert.True(exit == 0, error);
        Assert.Equal("", error);   // title only: the title model answers, no popularity warning
    }

    [Fact]
    public void The_fit_and_eval_tables_fit_an_80_column_terminal_without_splitting_a_name()
    {
        using var dataset = Dataset.Open(fixture.DatasetPath);
        var challenge = Pipeline.Evaluate(dataset, new EvaluationRequest
        {
            Models = [fixture.RankerPath], AllBaselines = true, Challenge = fixture.ChallengeFolder, Options = new EvaluationOptions { Threads = 2 },
        }).Reports;
        // Cut short, the challenge set's categories hold different numbers of cases: a column of them.
        var cut = Pipeline.Evaluate(dataset, new EvaluationRequest
        {
            Baselines = [PopularityRecommender.BaselineName], Challenge = fixture.ChallengeFolder, Options = new EvaluationOptions { Limit = 45 },
        }).Reports[0];
        Assert.NotEqual(1, cut.CategoryCases.Values.Distinct().Count());
        string[] metrics = [.. challenge[0].MetricNames, "cases/s"];
        string[] byCategory = [challenge[0].MetricNames[2], "r_precision", "ndcg", "clicks", "category"];

        AssertFits(EvalCommand.OverallTable(fixture.Fit.Validation), [.. fixture.Fit.Validation.Select(r => r.Recommender), .. metrics, "metric"]);
        AssertFits(EvalCommand.OverallTable(challenge), [.. challenge.Select(r => r.Recommender), .. metrics, "metric"]);
        AssertFits(EvalCommand.CategoryTable(challenge[0]), [.. byCategory, .. Categories(challenge[0])]);
        AssertFits(EvalCommand.CategoryTable(cut), [.. byCategory, "cases", .. Categories(cut)]);
        // A wide terminal has room for each in one table.
        Assert.DoesNotContain("(continued)", Render(EvalCommand.OverallTable(challenge), 200));
        Assert.DoesNotContain("(continued)", Render(EvalCommand.CategoryTable(cut), 200));
    }

    private static IEnumerable<string> Categories(EvalReport report) =>
        report.ByCategory.Keys.Select(c => $"{c}: {ChallengeCategory.Get(c)}");

    // Every line within the width, and every name whole in one cell of one line.
    private static void AssertFits(IRenderable table, IEnumerable<string> names)
    {
        string[] lines = Render(table, 80).Split('\n');
        Assert.All(lines, line => Assert.True(line.Length <= 80, $"{line.Length} characters: {line}"));
        Assert.All(names, name => Assert.Contains(lines, line => Regex.IsMatch(line, $@"│ +{Regex.Escape(name)} +│")));
    }

    private static string Render(IRenderable renderable, int width)
    {
        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output), Ansi = AnsiSupport.No });
        console.Profile.Width = width;
        console.Write(renderable);
        return output.ToString();
    }

    [Fact]
    public void A_truncated_ranker_model_is_one_line()
    {
        using var dir = new TempDir();
        string copy = CopyRanker(dir);
        string model = Path.Combine(copy, RankerFolder.ModelFile);
        File.WriteAllBytes(model, File.ReadAllBytes(model)[..100]);
        var (exit, _, error) = CliRunner.Run("eval", copy, "--test", fixture.ChallengeFolder, "--limit", "5");
        Assert.Equal(1, exit);
        Assert.Equal($"segue: error: {model}: damaged ranker model (checksum mismatch)\n", error);
    }

    [Fact]
    public void Damaged_track_factors_or_an_older_format_are_one_line()
    {
        using var dir = new TempDir();
        string copy = CopyRanker(dir);
        string factors = Path.Combine(copy, Segue.Factorisation.TrackFactors.FileName);
        var bytes = File.ReadAllBytes(factors);
        bytes[^3] ^= 0x40;
        File.WriteAllBytes(factors, bytes);
        var (exit, _, error) = CliRunner.Run("eval", copy, "--test", fixture.ChallengeFolder, "--limit", "5");
        Assert.Equal(1, exit);
        Assert.Equal($"segue: error: {factors}: damaged ranker track factors (checksum mismatch)\n", error);

        string manifest = Path.Combine(copy, RankerFolder.ManifestFile);
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace($"\"format\": {RankerFolder.Format}", "\"format\": 1"));
        (exit, _, error) = CliRunner.Run("eval", copy, "--test", fixture.ChallengeFolder, "--limit", "5");
        Assert.Equal(1, exit);
        Assert.Equal($"segue: error: {manifest}: ranker format 1; this build reads format {RankerFolder.Format}\n", error);
    }

    [Fact]
    public void A_damaged_manifest_or_a_missing_file_is_one_line()
    {
        using var dir = new TempDir();
        string copy = CopyRanker(dir);
        string manifest = Path.Combine(copy, RankerFolder.ManifestFile);
        File.WriteAllText(manifest, "{\"format\": 1, \"features\": [");
        var (exit, _, error) = CliRunner.Run("eval", copy, "--test", fixture.ChallengeFolder, "--limit", "5");
        Assert.Equal(1, exit);
        Assert.StartsWith($"segue: error: {manifest}: damaged ranker manifest (", error);
        Assert.Single(error.Trim().Split('\n'));

        File.Copy(Path.Combine(fixture.RankerPath, RankerFolder.ManifestFile), manifest, overwrite: true);
        File.Delete(Path.Combine(copy, RankerFolder.ModelFile));
        (exit, _, error) = CliRunner.Run("eval", copy, "--test", fixture.ChallengeFolder, "--limit", "5");
        Assert.Equal(1, exit);
        Assert.Equal($"segue: error: {Path.Combine(copy, RankerFolder.ModelFile)}: no such file (the ranker folder is incomplete)\n", error);
    }

    [Fact]
    public void A_ranker_fitted_with_other_features_is_refused_naming_them()
    {
        using var dir = new TempDir();
        string copy = CopyRanker(dir);
        string manifest = Path.Combine(copy, RankerFolder.ManifestFile);
        var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(manifest))!;
        var features = json["features"]!.AsArray();
        // A ranker of a build without seeds_sampled, with one feature renamed.
        features.RemoveAt(RankingFeatures.SeedsSampled);
        features[0] = "cooc_old";
        File.WriteAllText(manifest, json.ToJsonString());
        var (exit, _, error) = CliRunner.Run("eval", copy, "--test", fixture.ChallengeFolder, "--limit", "5");
        Assert.Equal(1, exit);
        Assert.Equal($"segue: error: {manifest}: fitted with other features than this build computes " +
            "(without cooc_score, seeds_sampled; with cooc_old, which this build does not compute); fit it again\n", error);
    }

    [Fact]
    public void A_manifest_without_features_is_damaged()
    {
        using var dir = new TempDir();
        string copy = CopyRanker(dir);
        string manifest = Path.Combine(copy, RankerFolder.ManifestFile);
        var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(manifest))!.AsObject();
        json.Remove("features");
        File.WriteAllText(manifest, json.ToJsonString());
        var (exit, _, error) = CliRunner.Run("eval", copy, "--test", fixture.ChallengeFolder, "--limit", "5");
        Assert.Equal(1, exit);
        Assert.Equal($"segue: error: {manifest}: damaged ranker manifest (no 'features')\n", error);
    }

    // Rewrites the manifest's checksums for the files as they now are: a crafted folder, not a damaged one.
    private static void Resign(string ranker)
    {
        string manifest = Path.Combine(ranker, RankerFolder.ManifestFile);
        var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(manifest))!;
        foreach (var (key, file) in (ReadOnlySpan<(string, string)>)[("config_checksum", RankerFolder.ConfigFile),
                     ("model_checksum", RankerFolder.ModelFile), ("factors_checksum", Segue.Factorisation.TrackFactors.FileName)])
            json[key] = System.IO.Hashing.XxHash64.HashToUInt64(File.ReadAllBytes(Path.Combine(ranker, file))).ToString("x16");
        File.WriteAllText(manifest, json.ToJsonString());
    }

    [Theory]
    [InlineData("generators", "als_alpha", "3e38", "als_alpha 3E+38: must be between 0 and 10000")]
    [InlineData("generators", "als_regularization", "1e30", "als_regularization 1E+30: must be positive and at most 10000")]
    [InlineData("generators", "cooccurrence_a", "1e30", "cooccurrence_a 1E+30: must be between 0 and 10")]
    [InlineData(null, "depth", "2147483647", "depth 2147483647: must be between 1 and 100000")]
    [InlineData(null, "learning_rate", "1e300", "learning_rate 1E+300: must be positive and at most 1")]
    [InlineData(null, "depth", "\"x\"", "depth: expected an integer")]
    [InlineData("generators", "pknn_k", "1.5", "pknn_k: expected an integer")]
    public void A_crafted_ranker_config_that_passes_its_checksum_is_refused_by_the_same_ranges(string? section, string key, string value, string message)
    {
        using var dir = new TempDir();
        string copy = CopyRanker(dir);
        string config = Path.Combine(copy, RankerFolder.ConfigFile);
        var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(config))!;
        var settings = json[RankerFolder.ConfigSection]!;
        (section is null ? settings : settings[section]!)[key] = System.Text.Json.Nodes.JsonNode.Parse(value);
        File.WriteAllText(config, json.ToJsonString());
        Resign(copy);
        var (exit, _, error) = CliRunner.Run("eval", copy, "--test", fixture.ChallengeFolder, "--limit", "5");
        Assert.Equal(1, exit);
        Assert.Equal($"segue: error: {config}: {RankerFolder.ConfigSection}: {message}\n", error);
    }

    [Fact]
    public void Crafted_track_factors_that_pass_their_checksum_are_refused_by_range()
    {
        using var dir = new TempDir();
        string copy = CopyRanker(dir);
        string factors = Path.Combine(copy, Segue.Factorisation.TrackFactors.FileName);
        var bytes = File.ReadAllBytes(factors);
        int k = RankerFixture.Options.Generators.Als.Factors;
        int header;
        using (var dataset = Segue.Data.Dataset.Open(fixture.DatasetPath)) header = Segue.IO.NpyFile.Header(dataset.TrackCount, k).Length;
        var values = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(bytes.AsSpan(header));
        for (int i = 0; i < values.Length; i++) values[i] = values[i] == 0 ? 0 : 1e19f;
        File.WriteAllBytes(factors, bytes);
        Resign(copy);
        var (exit, _, error) = CliRunner.Run("eval", copy, "--test", fixture.ChallengeFolder, "--limit", "5");
        Assert.Equal(1, exit);
        int first = values.IndexOf(1e19f);
        Assert.Equal($"segue: error: {factors}: track {first / k}: factor {first % k} is 1E+19, not a number within ±1000; the file is damaged\n", error);
    }

    [Fact]
    public void A_ranker_used_with_another_dataset_is_refused()
    {
        using var dir = new TempDir();
        string other = Evaluation.EvalDatasets.Small(dir);
        var (exit, _, error) = CliRunner.Run("eval", fixture.RankerPath, "--dataset", other, "--limit", "5");
        Assert.Equal(1, exit);
        ulong fitted, given;
        using (var a = Segue.Data.Dataset.Open(fixture.DatasetPath)) fitted = a.Fingerprint;
        using (var b = Segue.Data.Dataset.Open(other)) given = b.Fingerprint;
        Assert.Equal($"segue: error: {fixture.RankerPath}: fitted on another dataset ({fixture.DatasetPath}, fingerprint {fitted:x16}), " +
            $"not {other} (fingerprint {given:x16}): another split or other URIs; fit it again\n", error);
    }

    [Fact]
    public void A_model_that_is_not_a_model_stops_the_fit_and_nothing_is_written()
    {
        using var dir = new TempDir();
        string notModel = dir.File("notes.txt");
        File.WriteAllText(notModel, "these are not the embeddings you are looking for, not at all, no: they are notes");
        string output = dir.File("out");
        var (exit, _, error) = CliRunner.Run("fit", fixture.DatasetPath, "--out", output, "--model", notModel, "--validation-cases", "20");
        Assert.Equal(1, exit);
        Assert.Equal($"segue: error: {notModel}: not a Segue model (wrong magic number)\n", error);
        Assert.False(Directory.Exists(output));
        Assert.Empty(Directory.GetDirectories(dir.Path));   // nor a temporary folder
    }

    [Theory]
    [InlineData("--depth", "0", "--depth 0: must be between 1 and 100000")]
    [InlineData("--depth", "1000000000", "--depth 1000000000: must be between 1 and 100000")]
    [InlineData("--hard-negatives", "1.5", "--hard-negatives 1.5: must be between 0 and 1")]
    [InlineData("--lr", "Infinity", "--lr Infinity: must be positive and at most 1")]
    [InlineData("--leaves", "1000000000", "--leaves 1000000000: must be between 2 and 131072")]
    [InlineData("--trees", "2000000000", "--trees 2000000000: must be between 1 and 10000")]
    [InlineData("--threads", "100000", "--threads 100000: must be between 1 and 256")]
    [InlineData("--cooc-a", "1e30", "--cooc-a 1E+30: must be between 0 and 10")]
    [InlineData("--cooc-a", "Infinity", "--cooc-a Infinity: must be between 0 and 10")]
    [InlineData("--cooc-b", "Infinity", "--cooc-b Infinity: must be between 0 and 10")]
    [InlineData("--pknn-rho", "1e30", "--pknn-rho 1E+30: must be between 0 and 10")]
    [InlineData("--pknn-alpha", "Infinity", "--pknn-alpha Infinity: must be between 0 and 10")]
    [InlineData("--pknn-k", "1000000000", "--pknn-k 1000000000: must be between 1 and 1000000")]
    [InlineData("--title-token-weight", "Infinity", "--title-token-weight Infinity: must be between 0 and 1000")]
    [InlineData("--als-alpha", "1e30", "--als-alpha 1E+30: must be between 0 and 10000")]
    [InlineData("--als-regularization", "1e30", "--als-regularization 1E+30: must be positive and at most 10000")]
    [InlineData("--als-iterations", "2000000000", "--als-iterations 2000000000: must be between 0 and 1000")]
    public void A_setting_out_of_range_is_one_line_naming_its_option_before_any_work(string option, string value, string message)
    {
        using var dir = new TempDir();
        string output = dir.File("out");
        // A dataset that is not there: the option is refused before it would be opened.
        var (exit, _, error) = CliRunner.Run("fit", dir.File("none.segue"), "--out", output, option, value);
        Assert.Equal(1, exit);
        Assert.Equal($"segue: error: {message}\n", error);
        Assert.Empty(Directory.GetFileSystemEntries(dir.Path));
    }

    [Fact]
    public void A_ranker_behind_its_best_generator_is_refused_unless_allowed()
    {
        using var dir = new TempDir();
        // One stump at a negligible learning rate splits the pool into two tied halves: worse than any generator.
        string[] Fit(string output) => ["fit", fixture.DatasetPath, "--out", output, "--validation-cases", "200", "--depth", "200",
            "--negatives", "20", "--trees", "1", "--leaves", "2", "--lr", "0.000001"];
        string refused = dir.File("refused");
        var (exit, _, error) = CliRunner.Run(Fit(refused));
        Assert.Equal(1, exit);
        Assert.Matches(@"^segue: error: the ranker is not ahead of its best generator on the 40 kept-out validation cases " +
            @"\(r_precision 0\.\d{4} against \w+ 0\.\d{4}, ndcg 0\.\d{4} against \w+ 0\.\d{4}, clicks \d+\.\d{4} against \w+ \d+\.\d{4}\); " +
            $@"it is saved in {System.Text.RegularExpressions.Regex.Escape(refused)} \(summary.json records the comparison\), but a generator alone answers better: " +
            "serve that one, or pass --allow-worse to accept the ranker\n$", error);
        var summary = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(refused, "summary.json")))!;
        Assert.False(summary["comparison"]!["ahead"]!.GetValue<bool>());

        (exit, _, error) = CliRunner.Run([.. Fit(dir.File("kept")), "--allow-worse"]);
        Assert.Equal(0, exit);
        Assert.StartsWith("segue: warning: the ranker is not ahead of its best generator on the 40 kept-out validation cases (", error);
        Assert.EndsWith("; kept (--allow-worse)\n", error);
    }

    [Fact]
    public void An_existing_output_is_never_overwritten()
    {
        var (exit, _, error) = CliRunner.Run("fit", fixture.DatasetPath, "--out", fixture.RankerPath, "--validation-cases", "20");
        Assert.Equal(1, exit);
        Assert.Equal($"segue: error: {fixture.RankerPath}: already exists; choose another output folder\n", error);
        Assert.True(RankerFolder.IsRanker(fixture.RankerPath));
    }
}
