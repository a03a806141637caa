using System.Diagnostics;
using Segue.IO;

namespace Segue.Data;

/// <summary>What every reader of playlists into a dataset shares: the check of the output before
/// any work, and the dataset written atomically at the end.</summary>
public static class DatasetIngest
{
    /// <summary>The dataset replaces whatever is at <paramref name="output"/> once written: refuse
    /// when that is one of the inputs being read (by any path or link) or not a regular file.</summary>
    internal static void CheckOutput(string output, IEnumerable<string> inputs)
    {
        if (FileNode.Stat(output) is not { } target) return;
        if (!target.IsRegularFile)
            throw new SegueException($"{output}: exists and is not a regular file; --out must name a dataset file");
        foreach (string input in inputs)
            if (FileNode.Stat(input)?.Identity == target.Identity)
                throw new SegueException($"{output}: is the input {input}; --out must name another file");
    }

    /// <summary>Writes the dataset and says what it holds, opening it as every reader will.</summary>
    internal static IngestSummary Finish(DatasetBuilder builder, IReadOnlyList<string> sources, string output, int slices, long bytes,
        InvalidRecords? invalid, Stopwatch clock)
    {
        if (builder.PlaylistCount == 0)
            throw new SegueException($"{string.Join(", ", sources)}: no valid playlist to ingest");
        builder.Write(output);
        using var dataset = Dataset.Open(output);
        return new IngestSummary(slices, bytes, dataset.PlaylistCount, dataset.OccurrenceCount,
            dataset.TrackCount, dataset.AlbumCount, dataset.ArtistCount, dataset.TrainPlaylists.Length,
            dataset.TestPlaylists.Length, invalid, clock.Elapsed);
    }
}
