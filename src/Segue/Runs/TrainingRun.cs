using System.Text.Json;
using System.Text.Json.Nodes;
using Segue.Data;
using Segue.Evaluation;
using Segue.IO;
using Segue.Model;
using Segue.Retrieval;
using Segue.Training;

namespace Segue.Runs;

/// <summary>
/// One training run as an experiment in a <see cref="RunFolder"/>, written by a <see cref="RunWriter"/>:
/// the folder locked for the run's life, config.json ("model", "training", "dataset") and run.json
/// when it starts, the trainer's reports recorded by a <see cref="RunRecorder"/>, held-out evaluation through the
/// <see cref="Evaluator"/> as the options ask, and summary.json when it ends: complete, or failed
/// with its error (a non-finite loss, a full disk, an unwritable file). What <c>segue train</c>,
/// <c>segue demo</c> and <c>segue sweep</c> all run.
/// </summary>
public static class TrainingRun
{
    public const string ModelSection = "model", TrainingSection = "training";

    /// <summary>Trains <paramref name="config"/> on <paramref name="data"/> into <paramref name="run"/>,
    /// or continues it from its last checkpoint when <paramref name="resume"/>; returns the final model.</summary>
    public static EmbeddingModel Train(Dataset data, RunFolder run, ModelConfig config, TrainerOptions options,
        TrainingExamples examples, bool resume, int evalThreads, IProgressSink progress)
    {
        using var writer = RunWriter.Lock(run);
        // What a killed process of this run left (a file-size limit's kill mid-checkpoint, say):
        // no one else writes here, and the next checkpoint may have another name.
        TempNames.RemoveStaleIn(run.Path);
        TempNames.RemoveStaleIn(run.CheckpointsPath);
        var catalog = Catalog.FromDataset(data);
        TrainingState state;
        if (resume)
            state = Resume(run, config, catalog);
        else if (run.HasRun)
            throw new SegueException($"{run.Path}: already holds a run; resume it, or choose another output folder");
        else
            state = Trainer.Start(config, catalog);
        RunConfig.Write(run, Sections(config, options), data.FilePath, data.Fingerprint);
        writer.Begin(RunMetadata.Capture(config.Seed, RunMetadata.Training), Path.GetFileName(run.ModelPath), state.Step);

        var cases = options.EvalEvery > 0
            ? HeldOutCases.FromTestSplit(data, config.ContextLength, config.MinLength, options.EvalCases)
            : [];
        var evaluator = new Evaluator(data, threads: evalThreads);
        EvaluateModel? evaluate = cases.Count == 0 ? null
            : (model, _) => evaluator.Evaluate(new ModelRecommender(model, options.EvalCosine), cases).Overall;
        try
        {
            EmbeddingModel model;
            using (var shown = new ProgressListener(progress, options.Steps))
                model = new Trainer(examples, options, evaluate).Run(state, new TrainingListeners(new RunRecorder(writer, options.KeepCheckpoints), shown));
            writer.End(RunStatus.Complete);
            return model;
        }
        catch (Exception e) when (e is SegueException || FileError.Is(e))
        {
            var error = e as SegueException ?? FileError.Writing(run.Path, e);
            try
            {
                writer.End(RunStatus.Failed, error.Message);
            }
            catch (Exception unwritable) when (FileError.Is(unwritable))
            {
                // The disk that failed the run may refuse its summary too; the error still goes out.
            }
            throw error;
        }
    }

    /// <summary>The config sections of a training run.</summary>
    public static IEnumerable<KeyValuePair<string, JsonNode?>> Sections(ModelConfig config, TrainerOptions options) =>
    [
        new(ModelSection, config.ToJsonNode()),
        new(TrainingSection, JsonSerializer.SerializeToNode(options, ModelConfig.Json)),
    ];

    /// <summary>The model and training sections of a run's config, validated.</summary>
    public static (ModelConfig Model, TrainerOptions Training) ReadSections(RunConfig config) =>
        (config.Section<ModelConfig>(ModelSection, c => c.Validate()), config.Section<TrainerOptions>(TrainingSection, o => o.Validate()));

    /// <summary>The run's last checkpoint, which must hold the model <paramref name="config"/> describes.</summary>
    public static TrainingState Resume(RunFolder run, ModelConfig config, Catalog catalog)
    {
        var checkpoints = Checkpoints.List(run.CheckpointsPath);
        if (checkpoints.Count == 0)
            throw new SegueException($"{run.CheckpointsPath}: no checkpoint to resume from (the run stopped before its first); " +
                "train it again from the start into another folder");
        string path = checkpoints[^1];
        TrainingState state;
        try
        {
            state = Checkpoints.Load(path, catalog);
        }
        catch (SegueException e) when (checkpoints.Count > 1)
        {
            throw new SegueException($"{e.Message}; to resume from the checkpoint before it, {Path.GetFileName(checkpoints[^2])}, delete {path}", e);
        }
        if (config.FirstDifference(state.Model.Config) is { } difference)
            throw new SegueException($"{path}: the options differ from the checkpoint's ({difference}); resume with the run's options");
        return state;
    }
}
