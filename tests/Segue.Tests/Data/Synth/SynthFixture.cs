using Segue.Data.Synth;

namespace Segue.Tests.Data.Synth;

/// <summary>A small generated dataset shared by the synth tests: 2,500 playlists (two full
/// slices and a partial one) and a challenge set of 200, written once to a temporary folder.</summary>
public sealed class SynthFixture : IDisposable
{
    public const int Playlists = 2_500, Challenge = 200;
    public const long Seed = 7;

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "segue-tests-synth-" + Guid.NewGuid().ToString("N"));
    public SynthOutput Output { get; }

    public SynthFixture()
    {
        var generator = new SynthGenerator(new SynthOptions { Seed = Seed, Playlists = Playlists, ChallengePlaylists = Challenge });
        Output = generator.Write(Folder, Progress.None);
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
