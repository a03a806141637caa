using System.Diagnostics;

namespace Segue.Tests.Cli;

/// <summary>Runs the built <c>segue</c> program, so the exit code and the one-line error are the
/// ones a person sees.</summary>
public sealed class SynthCommandTests
{
    private static (int ExitCode, string Stdout, string Stderr) Segue(params string[] args)
    {
        var binary = Path.Combine(AppContext.BaseDirectory, "segue.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(binary);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result, stderr);
    }

    [Theory]
    [InlineData("--playlists", "0", "--playlists 0: must be between 1 and 10000000")]
    [InlineData("--challenge", "-5", "--challenge -5: must be 0 (no challenge set) or positive")]
    [InlineData("--playlists", "20000000", "--playlists 20000000: must be between 1 and 10000000")]
    [InlineData("--challenge", "9995000", "--challenge 9995000: must be at most 9990000 beside 10000 playlists: together at most 10000000")]
    [InlineData("--threads", "-1", "--threads -1: must be 0 (one per core) or positive")]
    public void BadArgumentsAreOneLineErrorsAndNothingIsWritten(string option, string value, string message)
    {
        var folder = Path.Combine(Path.GetTempPath(), "segue-tests-synth-cli-" + Guid.NewGuid().ToString("N"));
        var (exitCode, _, stderr) = Segue("synth", "--out", folder, option, value);
        Assert.Equal(1, exitCode);
        Assert.Equal($"segue: error: {message}\n", stderr);
        Assert.False(Directory.Exists(folder));
    }

    [Fact]
    public void WritesTheSlicesAndChallengeFilesItIsAskedFor()
    {
        var folder = Path.Combine(Path.GetTempPath(), "segue-tests-synth-cli-" + Guid.NewGuid().ToString("N"));
        try
        {
            var (exitCode, stdout, stderr) = Segue("synth", "--out", folder, "--playlists", "1200", "--seed", "5", "--challenge", "20");
            Assert.True(exitCode == 0, stderr);
            Assert.Contains("wrote 1,200 playlists in 2 slice files", stdout);
            Assert.Equal(["mpd.slice.0-999.json", "mpd.slice.1000-1199.json"],
                Directory.GetFiles(Path.Combine(folder, "data")).Select(f => Path.GetFileName(f)).Order());
            Assert.True(File.Exists(Path.Combine(folder, "challenge_set.json")));
            Assert.True(File.Exists(Path.Combine(folder, "challenge_truth.json")));
        }
        finally { Directory.Delete(folder, recursive: true); }
    }
}
