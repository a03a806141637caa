using Segue.Data;
using Segue.Data.Synth;
using Segue.Ranking;

namespace Segue.Tests.Ranking;

/// <summary>A small synthetic dataset (4,000 playlists, every tenth slice held out) with a
/// challenge set of 300, and one ranker fitted on it, written once for the ranking tests.</summary>
public sealed class RankerFixture : IDisposable
{
    public static readonly RankerOptions Options = new()
    {
        Depth = 500, ValidationCases = 600, Negatives = 40, Trees = 40, Leaves = 15, MinLeafRows = 10, Threads = 2, Seed = 3,
    };

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "segue-tests-ranker-" + Guid.NewGuid().ToString("N"));
    public string DatasetPath => Path.Combine(Folder, "data.segue");
    public string ChallengeFolder => Path.Combine(Folder, "mpd");
    public string RankerPath => Path.Combine(Folder, "ranker");
    public RankerFit.Result Fit { get; }

    public RankerFixture()
    {
        new SynthGenerator(new SynthOptions { Seed = 11, Playlists = 4_000, ChallengePlaylists = 300 }).Write(ChallengeFolder, Progress.None);
        MpdIngest.Run([ChallengeFolder], DatasetPath, new IngestOptions(2), Progress.None);
        using var dataset = Dataset.Open(DatasetPath);
        Fit = RankerFit.Run(dataset, Options, RankerPath);
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
