using System.CommandLine;
using System.Diagnostics;
using Segue.Data.Synth;
using Segue.Data;
using Segue.Evaluation;
using Segue.IO;
using Segue.Model;
using Segue.Ranking;
using Segue.Runs;
using Segue.Serving;
using Segue.Training;
using Spectre.Console;

namespace Segue.Cli.Commands;

/// <summary>
/// <c>segue demo</c>: the whole pipeline on built-in synthetic data, in a folder of its own —
/// generate MPD-format slices and a challenge set, ingest them, show the dataset's figures,
/// train the book's model, fit Segue's own ranker on top of it, evaluate both beside the
/// baselines, and continue one playlist with the ranker.
/// </summary>
public static class DemoCommand
{
    public static Command Create()
    {
        var dir = new Option<string>("--dir") { Description = "Folder for everything the demo writes", DefaultValueFactory = _ => "segue-demo" };
        var playlists = new Option<int>("--playlists") { Description = "Synthetic playlists to generate", DefaultValueFactory = _ => 20_000 };
        var challenge = new Option<int>("--challenge") { Description = "Challenge playlists to evaluate on", DefaultValueFactory = _ => 1_000 };
        var seed = new Option<long>("--seed") { Description = "Seed of the data and the model", DefaultValueFactory = _ => 1 };
        var steps = new Option<long>("--steps") { Description = "Training steps (one playlist each)", DefaultValueFactory = _ => 100_000 };
        var command = new Command("demo", "Run the whole pipeline on built-in synthetic data") { dir, playlists, challenge, seed, steps };
        command.SetAction(parse =>
        {
            Run(parse.GetValue(dir)!, parse.GetValue(playlists), parse.GetValue(challenge), parse.GetValue(seed), parse.GetValue(steps));
            return 0;
        });
        return command;
    }

    private static void Run(string dir, int playlists, int challenge, long seed, long steps)
    {
        var clock = Stopwatch.StartNew();
        OutputPath.Folder(dir);
        string mpd = Path.Combine(dir, "mpd"), datasetPath = Path.Combine(dir, "dataset.segue"), runPath = Path.Combine(dir, "run");
        string rankerPath = Path.Combine(dir, "ranker");
        if (Directory.Exists(dir) && Directory.EnumerateFileSystemEntries(dir).Any())
            throw new SegueException($"{dir}: the demo's folder is not empty; remove it or give another --dir");

        Step($"1. synth: {playlists:N0} MPD-format playlists and a challenge set of {challenge:N0}", $"segue synth --out {mpd} --playlists {playlists} --challenge {challenge} --seed {seed}");
        var synth = ConsoleProgress.Run(sink => Pipeline.Synthesise(mpd, new SynthOptions { Playlists = playlists, ChallengePlaylists = challenge, Seed = seed }, sink));
        Output.Info($"wrote {synth.SliceFiles} slices ({synth.BytesWritten / 1e6:N0} MB of JSON) to {synth.SliceFolder}");

        Step("2. ingest: the slices into a dataset file", $"segue ingest {mpd} --out {datasetPath}");
        var summary = ConsoleProgress.Run(sink => Pipeline.Ingest([mpd], datasetPath, new IngestOptions(), sink));
        IngestCommand.Print(summary, datasetPath);

        using var dataset = Dataset.Open(datasetPath);
        Step("3. stats: the dataset's figures", $"segue stats {datasetPath}");
        StatsCommand.Print(DatasetStats.Compute(dataset, top: 5));

        int threads = Environment.ProcessorCount;
        Step($"4. train: the book's model, {steps:N0} steps", $"segue train {datasetPath} --out {runPath} --steps {steps} --threads {threads} --eval-every {steps / 2}");
        var trained = ConsoleProgress.Run(sink => Pipeline.Train(dataset, new TrainingRequest(datasetPath, runPath)
        {
            Model = new ModelConfig { Seed = (ulong)seed },
            Training = new TrainerOptions { Steps = steps, Threads = threads, EvalEvery = steps / 2, LogEvery = 10_000 },
        }, sink));
        Output.Info($"model written to {trained.ModelPath}");

        int validation = Math.Clamp(playlists / 10, 100, 2000);
        Step("5. fit: Segue's own ranker, the generators' candidates re-ranked by LambdaRank, the model as one of them",
            $"segue fit {datasetPath} --out {rankerPath} --model {runPath} --validation-cases {validation}");
        var fitOptions = new RankerOptions { Model = runPath, ValidationCases = validation, Threads = threads };
        var fit = ConsoleProgress.Run(sink => Pipeline.Fit(dataset, rankerPath, fitOptions, sink));
        Output.Info($"fitted in {fit.Seconds:N0} s on {fit.FitCases:N0} validation cases; candidate pool recall {fit.PoolRecall:F4}");
        Output.Info($"{(fit.Verdict.Ahead ? "ahead of" : "NOT ahead of")} every generator on the {fit.Verdict.Cases:N0} kept-out cases: {fit.Verdict.Figures}");

        Step("6. eval: the ranker and the model beside the baselines on the challenge set", $"segue eval {rankerPath} --test {mpd} --baselines");
        var evaluation = ConsoleProgress.Run(sink => Pipeline.Evaluate(dataset, new EvaluationRequest
        {
            Models = [rankerPath, runPath], AllBaselines = true, Challenge = mpd, Options = new EvaluationOptions { Threads = threads },
        }, sink));
        var reports = evaluation.Reports;
        var cases = evaluation.Cases;
        AnsiConsole.Write(EvalCommand.OverallTable(reports));
        AnsiConsole.Write(EvalCommand.CategoryTable(reports[0]));

        var sample = cases.First(c => c.Category == 3);   // title + first 5 tracks
        string uris = string.Join(",", sample.Seeds.Select(dataset.TrackUri));
        Step($"7. recommend: the next tracks of challenge playlist {sample.Pid}, \"{sample.Title}\"", $"segue recommend {rankerPath} --title \"{sample.Title}\" --tracks {uris} -k 10");
        var seedTable = new Spectre.Console.Table().Title("its first tracks").AddColumn("track").AddColumn("artist");
        foreach (int t in sample.Seeds) seedTable.AddRow(Markup.Escape(dataset.TrackName(t)), Markup.Escape(dataset.ArtistName(dataset.TrackArtists[t])));
        AnsiConsole.Write(seedTable);
        using var service = ContinuationService.Over(dataset, [new RecommenderSpec("ranker", rankerPath)], ContinuationLimits.None);
        AnsiConsole.Write(RecommendCommand.Table(RecommendCommand.Recommend(service, SeedUris.FromArgument(uris), sample.Title, 10).Tracks).Title("recommended next"));

        AnsiConsole.Write(new Rule($"[green]done in {clock.Elapsed.TotalSeconds:N0} s[/]; everything is in {Markup.Escape(dir)}"));
    }

    private static void Step(string title, string command)
    {
        AnsiConsole.Write(new Rule($"[bold]{Markup.Escape(title)}[/]").LeftJustified());
        AnsiConsole.MarkupLine($"[grey]$ {Markup.Escape(command)}[/]");
    }
}
