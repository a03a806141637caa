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

        var command = new Command("synth", "Generate a synthetic dataset in the Million Playlist Dataset's format") { outOption };
        var settings = new SettingBinder(command).Add<SynthOptions>();
        command.SetAction(parse => settings.Run(() =>
        {
            OutputPath.Folder(parse.GetValue(outOption)!);
            var options = settings.Read<SynthOptions>(parse);
            var output = ConsoleProgress.Run(sink => Pipeline.Synthesise(parse.GetValue(outOption)!, options, sink));
            Output.Info($"wrote {output.Playlists:N0} playlists in {output.SliceFiles:N0} slice files to {output.SliceFolder} ({output.BytesWritten / 1e6:N0} MB)");
            if (output.ChallengeSetPath is not null)
                Output.Info($"wrote a challenge set of {output.ChallengePlaylists:N0} playlists to {output.ChallengeSetPath}, answers in {output.ChallengeTruthPath}");
        }));
        return command;
    }
}
