using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text.Json;
using Segue.IO;
using Segue.Model;

namespace Segue.Runs;

/// <summary>The machine a run trained on.</summary>
public sealed record MachineInfo(string Host, string Os, string Architecture, int Cores, long MemoryBytes, string Dotnet);

/// <summary>
/// A run's <c>run.json</c>, written when it starts: what is needed to repeat it and to tell two
/// runs' circumstances apart (the code's commit, whether the tree had uncommitted changes, the
/// machine, the command line). The config itself is in <c>config.json</c>.
/// </summary>
public sealed record RunMetadata(
    ulong Seed, string? GitCommit, bool? GitDirty, MachineInfo Machine, DateTimeOffset Started, IReadOnlyList<string> CommandLine,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] string? Kind = null)
{
    /// <summary>What a training run is (<see cref="Kind"/>; a run.json without one is a training run's).</summary>
    public const string Training = "training";

    /// <summary>The circumstances of a run of <paramref name="kind"/> (<see cref="Training"/>, a
    /// ranker fit) of this process starting now with <paramref name="seed"/>.</summary>
    public static RunMetadata Capture(ulong seed, string kind)
    {
        var (commit, dirty) = CodeCommit();
        var machine = new MachineInfo(Environment.MachineName, RuntimeInformation.OSDescription,
            RuntimeInformation.OSArchitecture.ToString().ToLowerInvariant(), Environment.ProcessorCount,
            GC.GetGCMemoryInfo().TotalAvailableMemoryBytes, RuntimeInformation.FrameworkDescription);
        return new RunMetadata(seed, commit, dirty, machine, DateTimeOffset.UtcNow, Environment.GetCommandLineArgs(), kind);
    }

    public void Write(string path) =>
        AtomicFile.WriteAllText(path, JsonSerializer.Serialize(this, ModelConfig.Json) + "\n");

    public static RunMetadata Read(string path) => RunJson.Read<RunMetadata>(path, "run metadata");

    /// <summary>
    /// The commit of the code that is running, not of whatever folder the user stands in: the
    /// build stamps it into the informational version when it can; otherwise git is asked about
    /// the folder the program was loaded from (a build inside a checkout). Null when neither knows.
    /// </summary>
    private static (string? Commit, bool? Dirty) CodeCommit()
    {
        var stamped = typeof(RunMetadata).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        int plus = stamped?.IndexOf('+') ?? -1;
        string? commit = Git("rev-parse HEAD");
        if (commit is null && plus >= 0) return (stamped![(plus + 1)..], null);
        return commit is null ? (null, null) : (commit, Git("status --porcelain --untracked-files=no") is { Length: > 0 });
    }

    private static string? Git(string arguments)
    {
        try
        {
            var start = new ProcessStartInfo("git", arguments)
            {
                WorkingDirectory = AppContext.BaseDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            using var git = Process.Start(start);
            if (git is null) return null;
            string output = git.StandardOutput.ReadToEnd();
            if (!git.WaitForExit(10_000) || git.ExitCode != 0) return null;
            return output.Trim();
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null; // no git on this machine
        }
    }
}
