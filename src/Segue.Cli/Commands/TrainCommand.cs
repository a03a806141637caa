using System.CommandLine.Parsing;
using System.CommandLine;
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
                Present(ConsoleProgress.Run(sink => Pipeline.Repeat(source, parse.GetValue(output)!, parse.GetValue(dataset), resuming, sink)));
                return;
            }
            var config = settings.Read<ModelConfig>(parse);
            if (!settings.Given(parse, "learning_rate"))
                config = config with { LearningRate = ModelConfig.DefaultLearningRate(config.Optimizer) };
            config.Validate();
            if (settings.Given(parse, "steps") && parse.GetValue(epochs) is not null)
                throw new SegueException("--steps and --epochs: give one, not both");
            var options = settings.Read<TrainerOptions>(parse);
            options.Validate();
            var request = new TrainingRequest(parse.GetValue(dataset) ?? throw new SegueException("give the DATASET to train on (or --from RUN)"), parse.GetValue(output)!)
            {
                Model = config, Training = options, Epochs = parse.GetValue(epochs),
                RequireEvaluation = settings.Given(parse, "eval_every"),
            };
            Present(ConsoleProgress.Run(sink => Pipeline.Train(request, sink)));
        }));
        return command;
    }

    private static void Present(TrainingResult result)
    {
        if (result.Warning is not null) Output.Warning(result.Warning);
        Output.Info($"trained {result.Steps:N0} steps on {result.Examples:N0} examples ({result.Tracks:N0} tracks) into {result.RunFolder}");
        Output.Info($"model written to {result.ModelPath}");
    }
}
