using System.CommandLine;
using System.Diagnostics;
using Segue.Data;
using Segue.Data.Synth;
using Segue.Evaluation;
using Segue.Retrieval;
using Spectre.Console;

namespace Segue.Cli.Commands;

/// <summary>
/// <c>segue demo</c>: the whole pipeline on built-in synthetic data, in a folder of its own —
/// generate MPD-format slices and a challenge set, ingest them, show the dataset's figures,
/// train the book's model, evaluate it beside the baselines, and continue one playlist.
/// </summary>
public static class DemoCommand
{
    public static Command Create()
    {
        var dir = new Option<string>("--dir") { Description = "Folder for everything the demo writes", DefaultValueFactory = _ => "segue-demo" };
        var playlists = new Option<int>("--playlists") { Description = "Synthetic playlists to generate", DefaultValueFactory = _ => 20_000 };
        var challenge = new Option<int>("--challenge") { Description = "Challenge playlists to evaluate on", DefaultValueFactory = _ => 1_000 };
        var seed = new Option<long>("--seed") { Description = "Seed of the data and the model", DefaultValueFactory = _ => 1 };
        var command = new Command("demo", "Run the whole pipeline on built-in synthetic data") { dir, playlists, challenge, seed };
        command.SetAction(parse =>
        {
            Run(parse.GetValue(dir)!, parse.GetValue(playlists), parse.GetValue(challenge), parse.GetValue(seed));
            return 0;
        });
        return command;
    }

    private static void Run(string dir, int playlists, int challenge, long seed)
    {
        var clock = Stopwatch.StartNew();
        string mpd = Path.Combine(dir, "mpd"), datasetPath = Path.Combine(dir, "dataset.segue");

        Step($"1. synth: {playlists:N0} MPD-format playlists and a challenge set of {challenge:N0}", $"segue synth --out {mpd} --playlists {playlists} --challenge {challenge} --seed {seed}");
        var generator = new SynthGenerator(new SynthOptions { Playlists = playlists, ChallengePlaylists = challenge, Seed = seed });
        var synth = ConsoleProgress.Run(sink => generator.Write(mpd, sink));
        Output.Info($"wrote {synth.SliceFiles} slices ({synth.BytesWritten / 1e6:N0} MB of JSON) to {synth.SliceFolder}");

        Step("2. ingest: the slices into a dataset file", $"segue ingest {mpd} --out {datasetPath}");
        var summary = ConsoleProgress.Run(sink => MpdIngest.Run([mpd], datasetPath, new IngestOptions(), sink));
        IngestCommand.Print(summary, datasetPath);

        using var dataset = Dataset.Open(datasetPath);
        Step("3. stats: the dataset's figures", $"segue stats {datasetPath}");
        StatsCommand.Print(DatasetStats.Compute(dataset, top: 5));

        Step("4. eval: the baselines on the challenge set", $"segue eval --dataset {datasetPath} --test {mpd} --baselines");
        var cases = ChallengeCases.Load(mpd, dataset, out _);
        var evaluator = new Evaluator(dataset, threads: Environment.ProcessorCount);
        var recommenders = Baselines.Build(dataset, Baselines.Names, CoOccurrenceNormalization.Cosine);
        var reports = ConsoleProgress.Run(sink => recommenders.Select(r => evaluator.Evaluate(r, cases, sink)).ToList());
        AnsiConsole.Write(EvalCommand.OverallTable(reports));

        AnsiConsole.Write(new Rule($"[green]done in {clock.Elapsed.TotalSeconds:N0} s[/]; everything is in {Markup.Escape(dir)}"));
    }

    private static void Step(string title, string command)
    {
        AnsiConsole.Write(new Rule($"[bold]{Markup.Escape(title)}[/]").LeftJustified());
        AnsiConsole.MarkupLine($"[grey]$ {Markup.Escape(command)}[/]");
    }
}
