using System.CommandLine;
using Segue.Data.Synth;
using Segue.IO;

namespace Segue.Cli.Commands;

/// <summary><c>segue synth --out DIR --playlists N --seed S [--challenge M]</c>: generates MPD-format data.</summary>
public static class SynthCommand
{
    public static Command Create()
    {
        var outOption = new Option<string>("--out") { Description = "Folder to write: DIR/data/mpd.slice.*.json, and the challenge files in DIR", Required = true };
        var playlistsOption = new Option<int>("--playlists") { Description = "Playlists in the slices (1,000 per file)", DefaultValueFactory = _ => 10_000 };
        var seedOption = new Option<long>("--seed") { Description = "Random seed; the same seed, sizes and slice size give the same bytes", DefaultValueFactory = _ => 1 };
        var challengeOption = new Option<int>("--challenge") { Description = "Also write a challenge set of this many extra playlists and its answers", DefaultValueFactory = _ => 0 };
        var sliceSizeOption = new Option<int>("--slice-size") { Description = "Playlists per slice file (fewer than the MPD's 1,000 give a small dataset the ten slices its held-out split needs)", DefaultValueFactory = _ => SynthOptions.MaxSliceSize };
        var threadsOption = new Option<int>("--threads") { Description = "Worker threads, 0 for one per core (the output does not depend on it)", DefaultValueFactory = _ => 0 };

        var command = new Command("synth", "Generate a synthetic dataset in the Million Playlist Dataset's format")
        {
            outOption, playlistsOption, seedOption, challengeOption, sliceSizeOption, threadsOption,
        };
        command.SetAction(parse => SettingOptions.Worded(command, () =>
        {
            OutputPath.Folder(parse.GetValue(outOption)!);
            var options = new SynthOptions
            {
                Playlists = parse.GetValue(playlistsOption),
                Seed = parse.GetValue(seedOption),
                ChallengePlaylists = parse.GetValue(challengeOption),
                Threads = parse.GetValue(threadsOption),
                SliceSize = parse.GetValue(sliceSizeOption),
            };
            var generator = new SynthGenerator(options);
            var output = ConsoleProgress.Run(sink => generator.Write(parse.GetValue(outOption)!, sink));
            Output.Info($"wrote {output.Playlists:N0} playlists in {output.SliceFiles:N0} slice files to {output.SliceFolder} ({output.BytesWritten / 1e6:N0} MB)");
            if (output.ChallengeSetPath is not null)
                Output.Info($"wrote a challenge set of {output.ChallengePlaylists:N0} playlists to {output.ChallengeSetPath}, answers in {output.ChallengeTruthPath}");
        }));
        return command;
    }
}
