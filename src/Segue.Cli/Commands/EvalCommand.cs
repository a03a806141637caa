using System.CommandLine;
using Segue.Data;
using Segue.Evaluation;
using Segue.IO;
using Segue.Retrieval;
using Segue.Statistics;
using Spectre.Console;

namespace Segue.Cli.Commands;

public static class EvalCommand
{
    public static Command Create()
    {
        var model = new Argument<string?>("model") { Description = "A model file, run folder or ranker folder to evaluate (optional: baselines need none)", Arity = ArgumentArity.ZeroOrOne };
        var datasetPath = new Option<string?>("--dataset") { Description = "The dataset file the model was trained on (default: the one its run or ranker folder records)" };
        var test = new Option<string?>("--test") { Description = $"A challenge folder ({ChallengeSetFiles.SetFileName}, {ChallengeTruth.FileName}) instead of the dataset's held-out split" };
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
                ?? (modelPath is null ? throw new SegueException("--dataset is required without a model, run or ranker folder") : Pipeline.DatasetOf(modelPath));
            string? submissionPath = parse.GetValue(submission);
            var request = new EvaluationRequest
            {
                Models = modelPath is null ? [] : [modelPath], Baselines = parse.GetValue(baselines) ?? [], AllBaselines = parse.GetValue(allBaselines),
                Challenge = parse.GetValue(test), Options = evaluation, Generators = settings.Read<GeneratorSettings>(parse),
                KeepRankings = submissionPath is not null,
            };
            request.Validate();
            using var dataset = Dataset.Open(datasetFile);
            var result = ConsoleProgress.Run(sink => Pipeline.Evaluate(dataset, request, sink));
            var (reports, recommenders) = (result.Reports, result.Recommenders);
            if (result.BaselineSeconds > 0) Output.Info($"baselines built in {result.BaselineSeconds:N2} s");

            if (reports.Count > 0)
            {
                Output.Info($"{result.Source}, K = {result.K}");
                AnsiConsole.Write(OverallTable(reports));
                foreach (var report in reports.Where(r => r.ByCategory.Count > 0))
                    AnsiConsole.Write(CategoryTable(report));
                if (parse.GetValue(json) is { } jsonPath)
                    EvalReportJson.Write(jsonPath, dataset.FilePath, result.Source, reports, request.Generators);
            }
            if (submissionPath is not null)
            {
                Submission.Write(submissionPath, parse.GetValue(team)!, parse.GetValue(email)!,
                    $"segue eval: {recommenders[0].Name} on {dataset.FilePath}", dataset, result.Cases, result.Rankings!);
                Output.Info($"submission of {recommenders[0].Name}: {submissionPath}");
            }
        }));
        return command;
    }

    private static void Check(bool condition, string message)
    {
        if (!condition) throw new SegueException(message);
    }

    // Metrics as rows and recommenders as columns: eight metric names side by side would not fit
    // a terminal, whereas a handful of recommenders do, and more go on in a second table.
    internal static SplitTable OverallTable(IReadOnlyList<EvalReport> reports)
    {
        var table = new SplitTable("evaluation", "metric");
        foreach (var report in reports) table.AddColumn(report.Recommender);
        foreach (var name in reports[0].MetricNames)
            table.AddRow(name, reports.Select(r => Figure(name, r.Overall)));
        table.AddRow("cases/s", reports.Select(r => $"{r.Cases / Math.Max(r.Seconds, 1e-9):N0}"));
        return table;
    }

    // Categories as rows, with recall and the challenge's three metrics: what fits a terminal's
    // width (the JSON has every metric per category). The same count in every category (a whole
    // challenge set) is said once, in the title: a column of it would take the table past 80.
    internal static SplitTable CategoryTable(EvalReport report)
    {
        string[] names = [report.MetricNames[2], "r_precision", "ndcg", "clicks"];
        var counts = report.CategoryCases.Values.Distinct().ToList();
        bool even = counts.Count == 1;
        var table = new SplitTable(even ? $"{report.Recommender} by category, {counts[0]:N0} cases each" : $"{report.Recommender} by category", "category");
        if (!even) table.AddColumn("cases");
        foreach (var name in names) table.AddColumn(name);
        foreach (var (category, metrics) in report.ByCategory.OrderBy(e => e.Key))
        {
            var figures = names.Select(n => Figure(n, metrics));
            table.AddRow($"{category}: {ChallengeCategory.Get(category)}", even ? figures : figures.Prepend($"{report.CategoryCases[category]:N0}"));
        }
        return table;
    }

    private static string Figure(string name, IReadOnlyDictionary<string, double> values) =>
        name == "clicks" ? $"{values[name]:F3}" : $"{values[name]:F4}";
}
