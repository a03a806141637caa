using System.CommandLine.Parsing;
using System.CommandLine;
using Segue.Data;
using Segue.Evaluation;
using Segue.IO;
using Segue.Model;
using Segue.Runs;
using Segue.Training;


namespace Segue.Cli.Commands;

/// <summary><c>segue train DATASET --out RUN</c>: trains the book's model (every option defaults to
/// the book) into a run folder (see <see cref="RunFolder"/>); <c>segue train --from RUN --out RUN2</c>
/// repeats a run: same config, same seed, same dataset.</summary>
public static class TrainCommand
{
    public static Command Create()
    {
        var defaults = new ModelConfig();
        var loop = new TrainerOptions();
        var dataset = new Argument<string?>("dataset") { Description = "The dataset file to train on (with --from: the run's own, unless given)", Arity = ArgumentArity.ZeroOrOne };
        var output = new Option<string>("--out") { Description = "The run folder (config.json, run.json, metrics.jsonl, checkpoints/, model.segue, summary.json)", Required = true };
        var from = new Option<string?>("--from") { Description = "Repeat the run in this folder: its config and seed (no other option may be given)" };
        var steps = new Option<long?>("--steps") { Description = $"Total steps, one playlist each (default {loop.Steps:N0})" };
        var epochs = new Option<int?>("--epochs") { Description = "Passes over the training examples, instead of --steps" };
        var seed = new Option<ulong>("--seed") { Description = "Random seed (initialisation, negatives)" };
        var threads = new Option<int>("--threads") { Description = "Lock-free training threads; only 1 is bit-for-bit reproducible", DefaultValueFactory = _ => 1 };
        var evalEvery = new Option<long>("--eval-every") { Description = "Evaluate on held-out playlists every M steps (0: never)", DefaultValueFactory = _ => loop.EvalEvery };
        var evalCases = new Option<int>("--eval-cases") { Description = "Held-out playlists per evaluation", DefaultValueFactory = _ => loop.EvalCases };
        var evalCosine = new Option<bool>("--eval-cosine") { Description = "Evaluate by cosine similarity instead of the dot product (the book's exercise)" };
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
        var weights = defaults.WeightsByKey()
            .Select(w => new Option<float>(SettingOptions.OptionName(w.Key)) { Description = "Weight of a loss term (0: off)", DefaultValueFactory = _ => w.Weight })
            .ToArray();

        var command = new Command("train", "Train the book's model (or a variant) on a dataset's training split")
        {
            dataset, output, from, steps, epochs, seed, threads, evalEvery, evalCases, evalCosine, logEvery, checkpointEvery, resume,
            optimizer, lr, momentum, featureSize, negatives, contextLength, minLength, reg, albumBuckets, trackBuckets,
            duration, aggregation,
        };
        foreach (var w in weights) command.Options.Add(w);
        command.SetAction(parse => SettingOptions.Worded(command, () =>
        {
            OutputPath.Folder(parse.GetValue(output)!);
            // --from and --resume take every setting from a run's config.json: the same run again,
            // or the rest of it.
            if (parse.GetValue(from) is not null || parse.GetValue(resume))
            {
                bool resuming = parse.GetValue(resume);
                var given = parse.CommandResult.Children.OfType<OptionResult>()
                    .Where(r => !r.Implicit && r.Option != output && r.Option != from && r.Option != resume).Select(r => r.Option.Name).ToList();
                if (resuming && parse.GetValue(from) is not null)
                    throw new SegueException("--from starts a new run and --resume continues one: give one of them");
                if (given.Count > 0)
                    throw new SegueException($"{(resuming ? "--resume continues a run with its own settings" : "--from repeats a run exactly")}: drop {string.Join(", ", given)}");
                string source = parse.GetValue(from) ?? parse.GetValue(output)!;
                Repeat(RunRecord.Open(source), parse.GetValue(dataset), new RunFolder(parse.GetValue(output)!), resuming);
                return;
            }
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

            var options = new TrainerOptions
            {
                Steps = parse.GetValue(steps) ?? loop.Steps,
                Threads = parse.GetValue(threads), LogEvery = parse.GetValue(logEvery), EvalEvery = parse.GetValue(evalEvery),
                EvalCases = parse.GetValue(evalCases), EvalCosine = parse.GetValue(evalCosine), CheckpointEvery = parse.GetValue(checkpointEvery),
            };
            options.Validate();

            using var data = Dataset.Open(parse.GetValue(dataset) ?? throw new SegueException("give the DATASET to train on (or --from RUN)"));
            var examples = TrainingExamples.FromDataset(data, config.MinLength);
            if (parse.GetValue(epochs) is { } n)
                options = options with { Steps = (long)n * examples.Count };

            Train(data, new RunFolder(parse.GetValue(output)!), config, options, examples, parse.GetValue(resume),
                evalEveryGiven: parse.GetResult(evalEvery) is { Implicit: false });
        }));
        return command;
    }

    /// <summary>Trains <paramref name="config"/> on <paramref name="data"/> into <paramref name="run"/>
    /// (or continues it), with held-out evaluation as <paramref name="options"/> asks. A dataset
    /// with nothing held out to evaluate on is refused when <c>--eval-every</c> was given
    /// (<paramref name="evalEveryGiven"/>), and said otherwise: the run would not evaluate.</summary>
    public static void Train(Dataset data, RunFolder run, ModelConfig config, TrainerOptions options,
        TrainingExamples examples, bool resume, bool evalEveryGiven = false)
    {
        if (options.EvalEvery > 0 && HeldOutCases.FromTestSplit(data, config.ContextLength, config.MinLength, limit: 1).Count == 0)
        {
            string why = $"{data.FilePath} holds no test-split playlist of {config.MinLength} or more tracks to evaluate on";
            if (evalEveryGiven) throw new SegueException($"--eval-every {options.EvalEvery}: {why}; give --eval-every 0 to train without evaluating");
            Output.Warning($"no held-out evaluation: {why}");
        }
        Output.Info($"training {options.Steps:N0} steps on {examples.Count:N0} examples ({data.TrackCount:N0} tracks) into {run.Path}");
        ConsoleProgress.Run(sink => TrainingRun.Train(data, run, config, options, examples, resume, Environment.ProcessorCount, sink));
        Output.Info($"model written to {run.ModelPath}");
    }

    /// <summary>Trains <paramref name="source"/>'s config again into <paramref name="run"/> (or, with
    /// <paramref name="resume"/>, continues it there from its last checkpoint), on its own dataset
    /// or on <paramref name="datasetPath"/>, which must be the same data (same fingerprint).</summary>
    private static void Repeat(RunRecord source, string? datasetPath, RunFolder run, bool resume)
    {
        var (config, options) = source.TrainingConfig;
        var (recordedPath, fingerprint) = source.Dataset;
        using var data = Dataset.Open(datasetPath ?? recordedPath);
        if (data.Fingerprint.ToString("x16") != fingerprint)
            throw new SegueException($"{data.FilePath}: not the dataset {source.Path} trained on (fingerprint {data.Fingerprint:x16}, the run's {fingerprint})");
        Train(data, run, config, options, TrainingExamples.FromDataset(data, config.MinLength), resume);
    }
}
