using System.CommandLine;
using Segue.Data;
using Segue.Evaluation;
using Segue.Model;
using Segue.Retrieval;
using Segue.Training;

namespace Segue.Cli.Commands;

/// <summary><c>segue train DATASET --out RUN</c>: trains the book's model (every option defaults to
/// the book) into a run folder (see <see cref="RunFolder"/>).</summary>
public static class TrainCommand
{
    public static Command Create()
    {
        var defaults = new ModelConfig();
        var loop = new TrainerOptions();
        var dataset = new Argument<string>("dataset") { Description = "The dataset file to train on" };
        var output = new Option<string>("--out") { Description = "The run folder (config.json, metrics.jsonl, checkpoints/, model.segue)", Required = true };
        var steps = new Option<long?>("--steps") { Description = $"Total steps, one playlist each (default {loop.Steps:N0})" };
        var epochs = new Option<int?>("--epochs") { Description = "Passes over the training examples, instead of --steps" };
        var seed = new Option<ulong>("--seed") { Description = "Random seed (initialisation, negatives)" };
        var threads = new Option<int>("--threads") { Description = "Lock-free training threads; only 1 is bit-for-bit reproducible", DefaultValueFactory = _ => 1 };
        var evalEvery = new Option<long>("--eval-every") { Description = "Evaluate on held-out playlists every M steps (0: never)", DefaultValueFactory = _ => loop.EvalEvery };
        var evalCases = new Option<int>("--eval-cases") { Description = "Held-out playlists per evaluation", DefaultValueFactory = _ => loop.EvalCases };
        var logEvery = new Option<long>("--log-every") { Description = "Log the mean loss every N steps", DefaultValueFactory = _ => loop.LogEvery };
        var checkpointEvery = new Option<long>("--checkpoint-every") { Description = "Checkpoint every C steps (0: never); the last 3 are kept", DefaultValueFactory = _ => loop.CheckpointEvery };
        var resume = new Option<bool>("--resume") { Description = "Continue the run in --out from its last checkpoint (same options)" };
        var optimizer = new Option<OptimizerKind>("--optimizer") { Description = "sgd (momentum, dense-equivalent), adam (lazy), rmsprop (dense-equivalent), adagrad (lazy = dense)", DefaultValueFactory = _ => defaults.Optimizer };
        var lr = new Option<float?>("--lr") { Description = "Learning rate (default 1e-3; adagrad 1e-2)" };
        var momentum = new Option<float>("--momentum") { Description = "SGD momentum", DefaultValueFactory = _ => defaults.Momentum };
        var featureSize = new Option<int>("--feature-size") { Description = "F: album and artist embeddings are F wide, tracks 2F", DefaultValueFactory = _ => defaults.FeatureSize };
        var negatives = new Option<int>("--num-negatives") { Description = "Negatives drawn per step", DefaultValueFactory = _ => defaults.NumNegatives };
        var contextLength = new Option<int>("--context-length") { Description = "K: context tracks per example", DefaultValueFactory = _ => defaults.ContextLength };
        var minLength = new Option<int>("--min-length") { Description = "Shortest playlist used as an example", DefaultValueFactory = _ => defaults.MinLength };
        var reg = new Option<float>("--reg") { Description = "Row norms above this are penalised", DefaultValueFactory = _ => defaults.Reg };
        var albumBuckets = new Option<int>("--album-buckets") { Description = "Album rows (album id mod N); 0: one row per album", DefaultValueFactory = _ => defaults.AlbumBuckets };
        var trackBuckets = new Option<int>("--track-buckets") { Description = "Rows of a hashed per-track table added to the representation; 0: none", DefaultValueFactory = _ => defaults.TrackBuckets };
        var duration = new Option<bool>("--duration") { Description = "Add a learned vector scaled by the standardised track duration" };
        var aggregation = new Option<Aggregation>("--aggregation") { Description = "max (book) or mean over the context", DefaultValueFactory = _ => defaults.Aggregation };
        var weights = defaults.WeightsByFlag()
            .Select(w => new Option<float>(w.Flag) { Description = "Weight of a loss term (0: off)", DefaultValueFactory = _ => w.Weight })
            .ToArray();

        var command = new Command("train", "Train the book's model (or a variant) on a dataset's training split")
        {
            dataset, output, steps, epochs, seed, threads, evalEvery, evalCases, logEvery, checkpointEvery, resume,
            optimizer, lr, momentum, featureSize, negatives, contextLength, minLength, reg, albumBuckets, trackBuckets,
            duration, aggregation,
        };
        foreach (var w in weights) command.Options.Add(w);
        command.SetAction(parse =>
        {
            var kind = parse.GetValue(optimizer);
            var config = new ModelConfig
            {
                FeatureSize = parse.GetValue(featureSize), AlbumBuckets = parse.GetValue(albumBuckets),
                TrackBuckets = parse.GetValue(trackBuckets), Duration = parse.GetValue(duration),
                Aggregation = parse.GetValue(aggregation), ContextLength = parse.GetValue(contextLength),
                MinLength = parse.GetValue(minLength), NumNegatives = parse.GetValue(negatives), Reg = parse.GetValue(reg),
                Weights = new LossWeights(parse.GetValue(weights[0]), parse.GetValue(weights[1]), parse.GetValue(weights[2]),
                    parse.GetValue(weights[3]), parse.GetValue(weights[4]), parse.GetValue(weights[5])),
                Optimizer = kind, LearningRate = parse.GetValue(lr) ?? ModelConfig.DefaultLearningRate(kind),
                Momentum = parse.GetValue(momentum), Seed = parse.GetValue(seed),
            };
            config.Validate();
            if (parse.GetValue(steps) is not null && parse.GetValue(epochs) is not null)
                throw new SegueException("--steps and --epochs: give one, not both");
            if (parse.GetValue(epochs) is <= 0 and var e) throw new SegueException($"--epochs {e}: must be positive");

            using var data = Dataset.Open(parse.GetValue(dataset)!);
            var examples = TrainingExamples.FromDataset(data, config.MinLength);
            var options = new TrainerOptions
            {
                Steps = parse.GetValue(epochs) is { } n ? (long)n * examples.Count : parse.GetValue(steps) ?? loop.Steps,
                Threads = parse.GetValue(threads), LogEvery = parse.GetValue(logEvery), EvalEvery = parse.GetValue(evalEvery),
                EvalCases = parse.GetValue(evalCases), CheckpointEvery = parse.GetValue(checkpointEvery),
            };
            options.Validate();

            Train(data, new RunFolder(parse.GetValue(output)!), config, options, examples, parse.GetValue(resume));
        });
        return command;
    }

    /// <summary>Trains <paramref name="config"/> on <paramref name="data"/> into <paramref name="run"/>
    /// (or continues it), with held-out evaluation as <paramref name="options"/> asks.</summary>
    public static void Train(Dataset data, RunFolder run, ModelConfig config, TrainerOptions options,
        TrainingExamples examples, bool resume)
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

        var cases = options.EvalEvery > 0
            ? HeldOutCases.FromTestSplit(data, config.ContextLength, config.MinLength, options.EvalCases)
            : [];
        var evaluator = new Evaluator(data, threads: Environment.ProcessorCount);
        EvaluateModel? evaluate = cases.Count == 0 ? null
            : (model, _) => evaluator.Evaluate(new ModelRecommender(model), cases).Overall;
        Output.Info($"training {options.Steps:N0} steps from step {state.Step:N0} on {examples.Count:N0} examples ({catalog.TrackCount:N0} tracks) into {run.Path}");
        ConsoleProgress.Run(sink => new Trainer(run, examples, options, evaluate).Run(state, sink));
        Output.Info($"model written to {run.ModelPath}");
    }
}
