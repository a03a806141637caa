using Segue.Cli;
using Segue.Data;
using Segue.Data.Synth;
using Segue.Evaluation;
using Segue.Model;
using Segue.Ranking;
using Segue.Retrieval;
using Segue.Runs;
using Segue.Settings;
using Segue.Training;

namespace Segue.Tests.Cli;

/// <summary>The command line of the settings tables: every setting a command takes is an option
/// of it, and a value out of range is refused naming the option the user typed.</summary>
[Collection(ConsoleCollection.Name)]
public class SettingBinderTests
{
    public static TheoryData<string, Type> CommandTables => new()
    {
        { "synth", typeof(SynthOptions) }, { "ingest", typeof(IngestOptions) }, { "train", typeof(ModelConfig) },
        { "train", typeof(TrainerOptions) }, { "fit", typeof(RankerOptions) }, { "eval", typeof(EvaluationOptions) },
        { "eval", typeof(GeneratorSettings) }, { "sweep", typeof(SweepOptions) },
    };

    [Theory]
    [MemberData(nameof(CommandTables))]
    public void Every_setting_of_a_command_is_one_of_its_options_with_its_help(string command, Type record)
    {
        var (exit, help, _) = CliRunner.Run(command, "--help");
        Assert.Equal(0, exit);
        foreach (var setting in SettingTable.Of(record).All)
        {
            string option = SettingBinder.Spelled(setting);
            Assert.Contains($"  {option} ", help.Replace(",", " "));
            Assert.Contains(setting.Help[..Math.Min(30, setting.Help.Length)], help.ReplaceLineEndings(" "));
        }
    }

    [Theory]
    [InlineData(new[] { "fit", "d.segue", "--out", "r", "--als-factors", "0" }, "--als-factors 0: must be between 1 and 1024")]
    [InlineData(new[] { "fit", "d.segue", "--out", "r", "--lr", "2" }, "--lr 2: must be positive and at most 1")]
    [InlineData(new[] { "train", "d.segue", "--out", "r", "--momentum", "1" }, "--momentum 1: must be in [0, 1)")]
    [InlineData(new[] { "train", "d.segue", "--out", "r", "--keep-checkpoints", "0" }, "--keep-checkpoints 0: must be positive")]
    [InlineData(new[] { "eval", "--dataset", "d.segue", "-k", "0" }, "-k 0: must be positive")]
    [InlineData(new[] { "eval", "--dataset", "d.segue", "--pknn-rho", "NaN" }, "--pknn-rho NaN: must be between 0 and 10")]
    [InlineData(new[] { "ingest", "mpd", "--out", "d.segue", "--slice-playlists", "0" }, "--slice-playlists 0: must be positive")]
    [InlineData(new[] { "sweep", "d.segue", "--out", "s", "--steps", "10", "--grid", "seed=1", "--parallel", "0" }, "--parallel 0: must be between 1 and 1024")]
    public void A_value_out_of_range_is_refused_by_its_option_before_any_work(string[] args, string message)
    {
        using var dir = new TempDir();
        string[] inDir = [.. args.Select(a => a is "d.segue" or "r" or "s" or "mpd" ? dir.File(a) : a)];
        var (exit, _, err) = CliRunner.Run(inDir);
        Assert.Equal(1, exit);
        Assert.Equal($"segue: error: {message}\n", err);
        Assert.Empty(Directory.GetFileSystemEntries(dir.Path));
    }
}
