using System.CommandLine;
using System.Diagnostics;
using Segue.Data;
using Segue.Evaluation;
using Segue.IO;
using Segue.Ranking;
using Segue.Retrieval;
using Segue.Runs;
using Segue.Statistics;
using Spectre.Console;

namespace Segue.Cli.Commands;

public static class EvalCommand
{
    public static Command Create()
    {
        var model = new Argument<string?>("model") { Description = "A model file, run folder or ranker folder to evaluate (optional: baselines need none)", Arity = ArgumentArity.ZeroOrOne };
        var datasetPath = new Option<string?>("--dataset") { Description = "The dataset file the model was trained on (default: the one its run or ranker folder records)" };
        var test = new Option<string?>("--test") { Description = $"A challenge folder ({ChallengeCases.SetFileName}, {ChallengeCases.TruthFileName}) instead of the dataset's held-out split" };
        var allBaselines = new Option<bool>("--baselines") { Description = $"Evaluate every baseline ({string.Join(", ", Baselines.Names)}) too" };
        var baselines = new Option<string[]>("--baseline") { Description = "Evaluate this baseline too (repeatable)" };
        baselines.AcceptOnlyFromAmong([.. Baselines.Names]);
        var json = new Option<string?>("--json") { Description = "Also write the figures to this JSON file" };
        var submission = new Option<string?>("--submission") { Description = "Write the first recommender's lists of a --test challenge set as a challenge submission CSV (gzipped when FILE ends in .gz)" };
        var team = new Option<string?>("--team") { Description = "Team name for the submission" };
        var email = new Option<string?>("--email") { Description = "Contact e-mail for the submission" };

        var command = new Command("eval", "Evaluate a model and baselines on held-out playlists or a challenge set")
        {
            model, datasetPath, test, allBaselines, baselines, json, submission, team, email,
        };
        var settings = new SettingBinder(command).Add<EvaluationOptions>().Add<GeneratorSettings>();
        command.SetAction(parse => settings.Run(() =>
        {
            var evaluation = settings.Read<EvaluationOptions>(parse);
            evaluation.Validate();
            Check(!evaluation.Cosine || parse.GetValue(model) is not null, "--cosine scores a model: give the MODEL");
            if (parse.GetValue(submission) is { } submissionFile)
            {
                Check(parse.GetValue(test) is not null, "--submission needs --test (a challenge set)");
                Check(parse.GetValue(team) is not null && parse.GetValue(email) is not null, "--submission needs --team and --email");
                Check(evaluation.K == Submission.Length, $"--submission needs -k {Submission.Length}");
                Check(evaluation.Limit == 0, "--submission answers every playlist of the challenge set: drop --limit");
                OutputPath.File(submissionFile);
            }
            else Check(parse.GetValue(team) is null && parse.GetValue(email) is null, "--team and --email go with --submission");
            if (parse.GetValue(json) is { } jsonFile) OutputPath.File(jsonFile);
            string? modelPath = parse.GetValue(model);
            string datasetFile = parse.GetValue(datasetPath)
                ?? (modelPath is null ? throw new SegueException("--dataset is required without a model, run or ranker folder") : DatasetOf(modelPath));
            var generators = settings.Read<GeneratorSettings>(parse);
            generators.Validate();
            using var dataset = Dataset.Open(datasetFile);
            var recommenders = Recommenders(dataset, modelPath, evaluation.Cosine, parse.GetValue(allBaselines),
                parse.GetValue(baselines) ?? [], generators);

            string? challenge = parse.GetValue(test);
            bool hasTruth = true;
            var cases = challenge is null
                ? HeldOutCases.FromTestSplit(dataset)
                : ChallengeCases.Load(challenge, dataset, out hasTruth);
            if (cases.Count == 0)
                throw new SegueException(challenge is null
                    ? $"{dataset.FilePath}: no held-out playlists to evaluate (the dataset has no test split; give --test a challenge set)"
                    : $"{Path.Combine(challenge, ChallengeCases.SetFileName)}: no playlists to evaluate");
            if (evaluation.Limit is > 0 and var n && n < cases.Count) cases = [.. cases.Take(n)];
            string source = challenge is null ? $"held-out split ({cases.Count:N0} playlists)" : $"{challenge} ({cases.Count:N0} playlists)";
            var evaluator = new Evaluator(dataset, evaluation.K, evaluation.Threads);
            string? submissionPath = parse.GetValue(submission);
            if (!hasTruth && submissionPath is null)
                throw new SegueException($"{Path.Combine(challenge!, ChallengeCases.TruthFileName)}: no such file: nothing to score (--submission writes a submission without it)");

            var rankings = submissionPath is null ? null : new int[cases.Count][];
            var reports = new List<EvalReport>();
            ConsoleProgress.Run(sink =>
            {
                if (!hasTruth) rankings = evaluator.Rank(recommenders[0], cases, sink);
                else
                    for (int i = 0; i < recommenders.Count; i++)
                        reports.Add(evaluator.Evaluate(recommenders[i], cases, i == 0 ? rankings : null, sink));
            });

            if (reports.Count > 0)
            {
                Output.Info($"{source}, K = {evaluator.K}");
                AnsiConsole.Write(OverallTable(reports));
                foreach (var report in reports.Where(r => r.ByCategory.Count > 0))
                    AnsiConsole.Write(CategoryTable(report));
                if (parse.GetValue(json) is { } jsonPath)
                    EvalReportJson.Write(jsonPath, dataset.FilePath, source, reports, generators);
            }
            if (submissionPath is not null)
            {
                Submission.Write(submissionPath, parse.GetValue(team)!, parse.GetValue(email)!,
                    $"segue eval: {recommenders[0].Name} on {dataset.FilePath}", dataset, cases, rankings!);
                Output.Info($"submission of {recommenders[0].Name}: {submissionPath}");
            }
        }));
        return command;
    }

    private static void Check(bool condition, string message)
    {
        if (!condition) throw new SegueException(message);
    }

    /// <summary>The model first (when given), then the baselines asked for; all baselines when
    /// neither a model nor a baseline is named.</summary>
    private static IReadOnlyList<IRecommender> Recommenders(Dataset dataset, string? modelPath, bool cosine, bool allBaselines,
        string[] baselineNames, GeneratorSettings settings)
    {
        var names = allBaselines || (modelPath is null && baselineNames.Length == 0) ? Baselines.Names : baselineNames.Distinct().ToArray();
        var clock = Stopwatch.StartNew();
        var statistics = TrainingStatistics.Of(dataset);
        var recommenders = new List<IRecommender>();
        if (modelPath is not null) recommenders.Add(Serving.RecommenderSpec.OpenModel(modelPath, statistics, cosine));
        recommenders.AddRange(Baselines.Build(statistics, names, settings));
        if (names.Count > 0) Output.Info($"baselines built in {clock.Elapsed.TotalSeconds:N2} s");
        return recommenders;
    }

    /// <summary>A run folder stands for its final model.</summary>
    internal static string ModelPath(string modelOrRun) => Serving.RecommenderSpec.ModelFile(modelOrRun);

    /// <summary>The dataset a run or ranker folder (or the run folder beside a model file) records.</summary>
    internal static string DatasetOf(string path)
    {
        if (RankerFolder.IsRanker(path)) return RankerFolder.ReadConfig(path).DatasetPath;
        string modelPath = ModelPath(path);
        string? folder = Path.GetDirectoryName(Path.GetFullPath(modelPath));
        return (folder is null ? null : new RunFolder(folder).ReadDatasetPath())
            ?? throw new SegueException($"{modelPath}: no run config beside the model records its dataset; give --dataset");
    }

    // Metrics as rows and recommenders as columns: eight metric names side by side would not fit
    // a terminal, whereas a handful of recommenders do.
    internal static Table OverallTable(IReadOnlyList<EvalReport> reports)
    {
        var table = new Table().Title("evaluation").AddColumn("metric");
        foreach (var report in reports) table.AddColumn(new TableColumn(Markup.Escape(report.Recommender)).RightAligned());
        foreach (var name in reports[0].MetricNames)
            table.AddRow([Markup.Escape(name), .. reports.Select(r => Figure(name, r.Overall))]);
        table.AddRow(["cases/s", .. reports.Select(r => $"{r.Cases / Math.Max(r.Seconds, 1e-9):N0}")]);
        return table;
    }

    // Categories as rows, with recall and the challenge's three metrics: what fits a terminal's
    // width (the JSON has every metric per category).
    internal static Table CategoryTable(EvalReport report)
    {
        string[] names = [report.MetricNames[2], "r_precision", "ndcg", "clicks"];
        var table = new Table().Title($"{Markup.Escape(report.Recommender)} by category")
            .AddColumn("category").AddColumn(new TableColumn("cases").RightAligned());
        foreach (var name in names) table.AddColumn(new TableColumn(Markup.Escape(name)).RightAligned());
        foreach (var (category, metrics) in report.ByCategory.OrderBy(e => e.Key))
            table.AddRow([Markup.Escape($"{category}: {ChallengeCategory.Get(category)}"), $"{report.CategoryCases[category]:N0}", .. names.Select(n => Figure(n, metrics))]);
        return table;
    }

    private static string Figure(string name, IReadOnlyDictionary<string, double> values) =>
        name == "clicks" ? $"{values[name]:F3}" : $"{values[name]:F4}";
}
