using Segue.Data.Synth;

namespace Segue.Tests.Data.Synth;

public sealed class SynthDeterminismTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "segue-tests-synth-det-" + Guid.NewGuid().ToString("N"));

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private Dictionary<string, byte[]> Generate(string name, long seed, int threads)
    {
        var folder = Path.Combine(_root, name);
        new SynthGenerator(new SynthOptions { Seed = seed, Playlists = 2_300, ChallengePlaylists = 30, Threads = threads })
            .Write(folder, Progress.None);
        return Directory.GetFiles(folder, "*.json", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder, f), File.ReadAllBytes);
    }

    [Fact]
    public void SameSeedGivesTheSameBytesWhateverTheThreadCount()
    {
        var one = Generate("one", seed: 3, threads: 1);
        var two = Generate("two", seed: 3, threads: 2);
        var again = Generate("again", seed: 3, threads: 2);
        Assert.Equal(5, one.Count);     // 3 slices, the challenge set and its truth
        Assert.Equal(one.Keys.Order(), two.Keys.Order());
        foreach (var (file, bytes) in one)
        {
            Assert.True(bytes.AsSpan().SequenceEqual(two[file]), file);
            Assert.True(bytes.AsSpan().SequenceEqual(again[file]), file);
        }
    }

    [Fact]
    public void DifferentSeedsGiveDifferentData()
    {
        var a = Generate("a", seed: 3, threads: 2);
        var b = Generate("b", seed: 4, threads: 2);
        Assert.False(a["data/mpd.slice.0-999.json"].AsSpan().SequenceEqual(b["data/mpd.slice.0-999.json"]));
    }
}
