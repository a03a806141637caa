using System.Diagnostics;
using Segue.Data;
using Segue.Data.Synth;
using Segue.Evaluation;
using Segue.Ranking;
using Segue.Retrieval;
using Segue.Runs;
using Segue.Serving;
using Segue.Statistics;
using Segue.Training;

namespace Segue;

/// <summary>
/// The front door of the library: one call per job, each checking its settings first (a
/// <see cref="SettingException"/> naming the key) and returning what it did. The command line and
/// the server only parse, call these and present the results.
/// <code>
///   Pipeline.Synthesise("mpd", new SynthOptions { Playlists = 3000 });
///   Pipeline.Ingest(["mpd"], "data.segue");
///   Pipeline.Train(new TrainingRequest("data.segue", "run") { Training = new() { Steps = 2000 } });
///   Pipeline.Sweep("data.segue", "sweep", new SweepOptions { Grid = ["optimizer=sgd,adam"] }, new TrainerOptions { Steps = 2000 });
///   Pipeline.Fit("data.segue", "ranker", new RankerOptions { Model = "run" });
///   using var dataset = Dataset.Open("data.segue");
///   var result = Pipeline.Evaluate(dataset, new EvaluationRequest { Models = ["ranker", "run"] });
/// </code>
/// </summary>
public static class Pipeline
{
    /// <summary>Writes synthetic MPD-format slices (and a challenge set when asked) into <paramref name="folder"/>.</summary>
    public static SynthOutput Synthesise(string folder, SynthOptions? options = null, IProgressSink? progress = null) =>
        new SynthGenerator(options ?? new SynthOptions()).Write(folder, progress ?? Progress.None);

    /// <summary>Reads MPD slices or playlist tables (<paramref name="sources"/>) into the dataset file <paramref name="datasetPath"/>.</summary>
    public static IngestSummary Ingest(IReadOnlyList<string> sources, string datasetPath, IngestOptions? options = null, IProgressSink? progress = null) =>
        DatasetIngest.Run(sources, datasetPath, options ?? new IngestOptions(), progress ?? Progress.None);

    /// <summary>Trains the model <paramref name="request"/> describes into its run folder.</summary>
    public static TrainingResult Train(TrainingRequest request, IProgressSink? progress = null)
    {
        request.Validate();
        using var data = Dataset.Open(request.DatasetPath);
        return TrainValid(data, request, progress);
    }

    /// <summary>Trains the model <paramref name="request"/> describes into its run folder on
    /// <paramref name="dataset"/>, already open from <see cref="TrainingRequest.DatasetPath"/>
    /// (the run records the open dataset's path), which stays the caller's to dispose.</summary>
    public static TrainingResult Train(Dataset dataset, TrainingRequest request, IProgressSink? progress = null)
    {
        request.Validate();
        return TrainValid(dataset, request, progress);
    }

    private static TrainingResult TrainValid(Dataset data, TrainingRequest request, IProgressSink? progress)
    {
        var examples = TrainingExamples.FromDataset(data, request.Model.MinLength);
        var training = request.Epochs is { } n ? request.Training with { Steps = (long)n * examples.Count } : request.Training;
        return TrainInto(data, new RunFolder(request.RunFolder), request.Model, training, examples, resume: false, request.RequireEvaluation, progress);
    }

    /// <summary>Trains the config of the run in <paramref name="sourceRun"/> again into <paramref name="runFolder"/>
    /// (same settings, same seed), or with <paramref name="resume"/> continues the run there from its
    /// last checkpoint, on the run's own dataset or on <paramref name="datasetPath"/>, which must be
    /// the same data (same fingerprint).</summary>
    public static TrainingResult Repeat(string sourceRun, string runFolder, string? datasetPath = null, bool resume = false, IProgressSink? progress = null)
    {
        var source = RunRecord.Open(sourceRun);
        var (config, options) = source.TrainingConfig;
        var (recordedPath, fingerprint) = source.Dataset;
        using var data = Dataset.Open(datasetPath ?? recordedPath);
        if (data.Fingerprint.ToString("x16") != fingerprint)
            throw new SegueException($"{data.FilePath}: not the dataset {source.Path} trained on (fingerprint {data.Fingerprint:x16}, the run's {fingerprint})");
        return TrainInto(data, new RunFolder(runFolder), config, options, TrainingExamples.FromDataset(data, config.MinLength), resume, false, progress);
    }

    private static TrainingResult TrainInto(Dataset data, RunFolder run, Model.ModelConfig config, TrainerOptions options, TrainingExamples examples,
        bool resume, bool requireEvaluation, IProgressSink? progress)
    {
        string? warning = null;
        if (options.EvalEvery > 0 && HeldOutCases.FromTestSplit(data, config.ContextLength, config.MinLength, limit: 1).Count == 0)
        {
            string why = $"{data.FilePath} holds no test-split playlist of {config.MinLength} or more tracks to evaluate on";
            if (requireEvaluation) throw SettingException.About("eval_every", $" {options.EvalEvery}: {why}; give 0 to train without evaluating");
            warning = $"no held-out evaluation: {why}";
        }
        TrainingRun.Train(data, run, config, options, examples, resume, Environment.ProcessorCount, progress ?? Progress.None);
        return new TrainingResult(run.Path, run.ModelPath, options.Steps, examples.Count, data.TrackCount, warning);
    }

    /// <summary>Trains every combination of <paramref name="sweep"/>'s grid on <paramref name="datasetPath"/>
    /// into <paramref name="folder"/> (a run folder per combination, named after its settings), then
    /// compares the complete runs and writes the sweep's HTML report. A run that fails does not stop the others.</summary>
    public static SweepResult Sweep(string datasetPath, string folder, SweepOptions sweep, TrainerOptions training, IProgressSink? progress = null)
    {
        string dir = IO.OutputPath.Folder(folder);
        sweep.Validate();
        var points = SweepGrid.Combinations(sweep.Grid);
        var shared = SweepGrid.Shared(sweep.Set);
        SweepGrid.CheckShared(points, shared);
        training.Validate();
        using var data = Dataset.Open(datasetPath);
        var outcomes = Runs.Sweep.Run(data, dir, points, new Model.ModelConfig(), training, shared, sweep.Parallel, progress ?? Progress.None);
        var complete = outcomes.Where(o => o.Error is null).Select(o => RunRecord.Open(o.Run.Path)).ToList();
        if (complete.Count == 0) return new SweepResult(dir, outcomes, null, null);
        var comparison = new RunComparison(complete);
        string report = Path.Combine(dir, SweepResult.ReportFileName);
        Runs.Reports.HtmlReport.Write(report, comparison);
        return new SweepResult(dir, outcomes, comparison, report);
    }

    /// <summary>Fits a ranker on <paramref name="datasetPath"/>'s training split into the new folder
    /// <paramref name="rankerFolder"/>; <see cref="RankerOptions.Model"/> may name a model file or a run folder.</summary>
    public static RankerFit.Result Fit(string datasetPath, string rankerFolder, RankerOptions options, IProgressSink? progress = null)
    {
        options = WithModelFile(options);
        options.Validate();
        IO.OutputPath.Folder(rankerFolder);
        using var data = Dataset.Open(datasetPath);
        return RankerFit.Run(data, options, rankerFolder, progress);
    }

    /// <summary>Fits a ranker as <see cref="Fit(string, string, RankerOptions, IProgressSink?)"/> does, on
    /// <paramref name="dataset"/>, already open, which stays the caller's to dispose.</summary>
    public static RankerFit.Result Fit(Dataset dataset, string rankerFolder, RankerOptions options, IProgressSink? progress = null) =>
        RankerFit.Run(dataset, WithModelFile(options), rankerFolder, progress);

    // The ranker folder records the model's file, to open it again from any working directory.
    private static RankerOptions WithModelFile(RankerOptions options) =>
        options.Model is { } model ? options with { Model = Path.GetFullPath(ModelFile(model)) } : options;

    /// <summary>The recommender <paramref name="spec"/> names over <paramref name="statistics"/>: a model
    /// file, a run folder (its final model), a ranker folder, or <c>baseline:NAME</c>.</summary>
    public static IRecommender Open(string spec, TrainingStatistics statistics, bool cosine = false) =>
        RecommenderSpec.Parse(spec, "recommender").Open(statistics, cosine).Recommender;

    /// <summary>The dataset file a run or ranker folder (or the run folder beside a model file) records.</summary>
    public static string DatasetOf(string path) =>
        new RecommenderSpec("model", path).RecordedDatasetPath
        ?? throw new SegueException($"{ModelFile(path)}: no run config beside the model records its dataset; give the dataset");

    /// <summary>The model file <paramref name="path"/> stands for: a run folder's final model, or the file itself.</summary>
    public static string ModelFile(string path) => RecommenderSpec.ModelFile(path);

    /// <summary>Evaluates what <paramref name="request"/> names on <paramref name="dataset"/>.</summary>
    public static EvaluationResult Evaluate(Dataset dataset, EvaluationRequest request, IProgressSink? progress = null)
    {
        request.Validate();
        progress ??= Progress.None;
        var names = request.AllBaselines || (request.Models.Count == 0 && request.Baselines.Count == 0) ? Baselines.Names : [.. request.Baselines.Distinct()];
        string? challenge = request.Challenge;
        bool hasTruth = true;
        var cases = challenge is null ? HeldOutCases.FromTestSplit(dataset) : ChallengeCases.Load(challenge, dataset, out hasTruth);
        if (cases.Count == 0)
            throw new SegueException(challenge is null
                ? $"{dataset.FilePath}: no held-out playlists to evaluate (the dataset has no test split; give a challenge set)"
                : $"{ChallengeSetFiles.SetPath(challenge)}: no playlists to evaluate");
        if (request.Options.Limit is > 0 and var n && n < cases.Count) cases = [.. cases.Take(n)];
        string source = challenge is null ? $"held-out split ({cases.Count:N0} playlists)" : $"{challenge} ({cases.Count:N0} playlists)";
        if (!hasTruth && !request.KeepRankings)
            throw new SegueException($"{ChallengeSetFiles.TruthPath(challenge!)}: no such file: nothing to score (a submission can be written without it)");

        // The cases are read and checked first: a refusal should not wait for the statistics and baselines.
        var statistics = TrainingStatistics.Of(dataset);
        var recommenders = new List<IRecommender>();
        foreach (string model in request.Models) recommenders.Add(RecommenderSpec.OpenModel(model, statistics, request.Options.Cosine));
        var clock = Stopwatch.StartNew();
        recommenders.AddRange(Baselines.Build(statistics, names, request.Generators));
        double baselineSeconds = names.Count > 0 ? clock.Elapsed.TotalSeconds : 0;

        var evaluator = new Evaluator(dataset, request.Options.K, request.Options.Threads);
        var rankings = request.KeepRankings ? new int[cases.Count][] : null;
        var reports = new List<EvalReport>();
        if (!hasTruth) rankings = evaluator.Rank(recommenders[0], cases, progress);
        else
            for (int i = 0; i < recommenders.Count; i++)
                reports.Add(evaluator.Evaluate(recommenders[i], cases, i == 0 ? rankings : null, progress));
        return new EvaluationResult(source, evaluator.K, cases, recommenders, reports, rankings, baselineSeconds);
    }
}
