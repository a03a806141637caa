using System.CommandLine;
using Segue.Evaluation;

namespace Segue.Cli.Commands;

/// <summary><c>segue challenge SOURCE... --out DIR [--playlists N] [--seed S]</c>: cuts a
/// challenge-style test set out of MPD data, leaving the rest as training slices.</summary>
public static class ChallengeCommand
{
    public static Command Create()
    {
        var sources = new Argument<string[]>("source") { Description = "MPD slices: a folder (or its data/), a zip, a glob or slice files", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string>("--out") { Description = "Folder to write: DIR/data/ (the training slices), DIR/challenge_set.json, DIR/challenge_truth.json", Required = true };
        var playlists = new Option<int>("--playlists") { Description = "Challenge playlists, in ten equal categories", DefaultValueFactory = _ => ChallengeCut.DefaultCount };
        var seed = new Option<ulong>("--seed") { Description = "Random seed; the same sources, count and seed give the same bytes", DefaultValueFactory = _ => 1 };
        var allowUnseen = new Option<bool>("--allow-unseen") { Description = "Also take playlists holding tracks no training playlist holds (small datasets: most tracks are in one playlist only)" };
        var command = new Command("challenge", "Cut a RecSys-Challenge-style test set out of MPD data (its playlists' tracks all left in training)")
        {
            sources, output, playlists, seed, allowUnseen,
        };
        command.SetAction(parse => new SettingBinder(command).Run(() =>
        {
            string dir = parse.GetValue(output)!;
            var summary = ConsoleProgress.Run(sink => ChallengeCut.Run(parse.GetValue(sources)!, dir, parse.GetValue(playlists),
                parse.GetValue(seed), parse.GetValue(allowUnseen), sink));
            Output.Info($"{summary.Challenge:N0} challenge playlists ({string.Join(", ", summary.ByCategory.Select((n, i) => $"{i + 1}: {n:N0}"))}) " +
                $"in {summary.SetPath}, answers in {summary.TruthPath}");
            if (summary.Challenge < parse.GetValue(playlists) && !parse.GetValue(allowUnseen))
                Output.Warning($"{summary.Challenge:N0} of the {parse.GetValue(playlists):N0} asked for: the other playlists hold tracks no other playlist holds; " +
                    "--allow-unseen takes them too (their unseen tracks can never be found)");
            Output.Info($"{summary.TrainingPlaylists:N0} training playlists in {summary.TrainingSlices:N0} slices in {Path.Combine(dir, "data")}: " +
                $"segue ingest {dir} --out DATASET, then segue eval MODEL --dataset DATASET --test {dir}");
        }));
        return command;
    }
}
