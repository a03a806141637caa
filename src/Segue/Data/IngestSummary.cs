namespace Segue.Data;

/// <summary>What <c>segue ingest</c> did: <paramref name="Slices"/> MPD slices (or, from a table,
/// groups of playlists that stand for them) and <paramref name="InputBytes"/> bytes read.</summary>
public sealed record IngestSummary(int Slices, long InputBytes, int Playlists, long Occurrences,
    int Tracks, int Albums, int Artists, int TrainPlaylists, int TestPlaylists, InvalidRecords? Skipped, TimeSpan Elapsed)
{
    public double MegabytesPerSecond => InputBytes / 1e6 / Math.Max(Elapsed.TotalSeconds, 1e-9);
}
