using Segue.Data;
using Segue.Evaluation;
using Segue.Model;
using Segue.Retrieval;
using Segue.Training;

namespace Segue.Runs;

/// <summary>
/// One training run as an experiment: the trainer's run folder plus <c>run.json</c> when the run
/// starts and <c>summary.json</c> when it ends (complete, or failed with its error), with
/// held-out evaluation through the <see cref="Evaluator"/> as the options ask. What
/// <c>segue train</c>, <c>segue demo</c> and <c>segue sweep</c> all run.
/// </summary>
public static class TrainingRun
{
    /// <summary>Trains <paramref name="config"/> on <paramref name="data"/> into <paramref name="run"/>,
    /// or continues it from its last checkpoint when <paramref name="resume"/>; returns the final model.</summary>
    public static EmbeddingModel Train(Dataset data, RunFolder run, ModelConfig config, TrainerOptions options,
        TrainingExamples examples, bool resume, int evalThreads, IProgressSink progress)
    {
        var catalog = Catalog.FromDataset(data);
        TrainingState state;
        if (resume)
            state = Trainer.Resume(run, config, catalog);
        else if (run.HasRun)
            throw new SegueException($"{run.Path}: already holds a run; add --resume to continue it, or choose another --out");
        else
            state = Trainer.Start(config, catalog);
        run.WriteConfig(config, options, data.FilePath, data.Fingerprint);
        if (!File.Exists(run.MetadataPath))
            RunMetadata.Capture(config.Seed).Write(run.MetadataPath);
        File.Delete(run.SummaryPath); // a resumed run is under way again until it ends

        var cases = options.EvalEvery > 0
            ? HeldOutCases.FromTestSplit(data, config.ContextLength, config.MinLength, options.EvalCases)
            : [];
        var evaluator = new Evaluator(data, threads: evalThreads);
        EvaluateModel? evaluate = cases.Count == 0 ? null
            : (model, _) => evaluator.Evaluate(new ModelRecommender(model, options.EvalCosine), cases).Overall;
        try
        {
            var model = new Trainer(run, examples, options, evaluate).Run(state, progress);
            RunSummary.FromMetrics(RunMetrics.Read(run.MetricsPath), RunStatus.Complete).Write(run.SummaryPath);
            return model;
        }
        catch (SegueException e)
        {
            RunSummary.FromMetrics(RunMetrics.Read(run.MetricsPath), RunStatus.Failed, e.Message).Write(run.SummaryPath);
            throw;
        }
    }
}
