namespace Segue.Data;

/// <summary>What <c>segue ingest</c> did: <paramref name="Slices"/> MPD slices (or, from a table,
/// groups of playlists that stand for them) and <paramref name="InputBytes"/> bytes read.</summary>
public sealed record IngestSummary(int Slices, long InputBytes, int Playlists, long Occurrences,
    int Tracks, int Albums, int Artists, int TrainPlaylists, int TestPlaylists, InvalidRecords? Skipped, TimeSpan Elapsed)
{
    /// <summary>What the user should know that stopped nothing: a table's columns left out.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    public double MegabytesPerSecond => InputBytes / 1e6 / Math.Max(Elapsed.TotalSeconds, 1e-9);
}
