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
        var dataset = new Argument<string?>("dataset") { Description = "The dataset file to train on (with --from: the run's own, unless given)", Arity = ArgumentArity.ZeroOrOne };
        var output = new Option<string>("--out") { Description = "The run folder (config.json, run.json, metrics.jsonl, checkpoints/, model.segue, summary.json)", Required = true };
        var from = new Option<string?>("--from") { Description = "Repeat the run in this folder: its config and seed (no other option may be given)" };
        var epochs = new Option<int?>("--epochs") { Description = "Passes over the training examples, instead of --steps" };
        var resume = new Option<bool>("--resume") { Description = "Continue the run in --out from its last checkpoint (same options)" };

        var command = new Command("train", "Train the book's model (or a variant) on a dataset's training split")
        {
            dataset, output, from, epochs, resume,
        };
        var settings = new SettingBinder(command).Add<TrainerOptions>().Add<ModelConfig>();
        command.SetAction(parse => settings.Run(() =>
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
            var config = settings.Read<ModelConfig>(parse);
            if (!settings.Given(parse, "learning_rate"))
                config = config with { LearningRate = ModelConfig.DefaultLearningRate(config.Optimizer) };
            config.Validate();
            if (settings.Given(parse, "steps") && parse.GetValue(epochs) is not null)
                throw new SegueException("--steps and --epochs: give one, not both");
            if (parse.GetValue(epochs) is <= 0 and var e) throw new SegueException($"--epochs {e}: must be positive");
            var options = settings.Read<TrainerOptions>(parse);
            options.Validate();

            using var data = Dataset.Open(parse.GetValue(dataset) ?? throw new SegueException("give the DATASET to train on (or --from RUN)"));
            var examples = TrainingExamples.FromDataset(data, config.MinLength);
            if (parse.GetValue(epochs) is { } n)
                options = options with { Steps = (long)n * examples.Count };

            Train(data, new RunFolder(parse.GetValue(output)!), config, options, examples, parse.GetValue(resume),
                evalEveryGiven: settings.Given(parse, "eval_every"));
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
