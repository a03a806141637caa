namespace Segue.Tests.Cli;

/// <summary>One small trained run shared by the tests of a class that only read it (training
/// one per test would be most of their time).</summary>
public sealed class TrainedRun : IDisposable
{
    private readonly TempDir _dir = new();

    public string Path { get; }

    public TrainedRun() => Path = TrainRecommendCommandTests.Trained(_dir).Run;

    public void Dispose() => _dir.Dispose();
}
