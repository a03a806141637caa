using System.Diagnostics;
using Segue.IO;

namespace Segue.Data;

/// <summary>
/// Ingest's front door: MPD slices (<see cref="MpdIngest"/>) or playlist tables
/// (<see cref="TableIngest"/>), as <see cref="IngestOptions.Format"/> says or the sources show,
/// into one dataset file; and what both share: the check of the output before any work, and the
/// dataset written atomically at the end.
/// </summary>
public static class DatasetIngest
{
    public static IngestSummary Run(IReadOnlyList<string> sources, string output, IngestOptions options, IProgressSink progress)
    {
        options.Validate();
        bool table = options.Format switch
        {
            IngestFormat.Table => true,
            IngestFormat.Mpd => false,
            _ => AreTables(sources),
        };
        return table ? TableIngest.Run(sources, output, options, progress) : MpdIngest.Run(sources, output, options, progress);
    }

    /// <summary>Whether every source is a playlist table by its extension; a mix of tables and
    /// MPD slices is refused.</summary>
    private static bool AreTables(IReadOnlyList<string> sources)
    {
        var tables = sources.Where(s => PlaylistTableFormat.ByExtension(s) is not null).ToList();
        if (tables.Count == 0) return false;
        if (tables.Count < sources.Count)
            throw new SegueException($"{sources.First(s => !tables.Contains(s))}: not a playlist table (.csv or .tsv) like {tables[0]}; ingest tables and MPD slices separately");
        return true;
    }

    /// <summary>The dataset replaces whatever is at <paramref name="output"/> once written: refuse
    /// when that is one of the inputs being read (by any path or link) or not a regular file.</summary>
    internal static void CheckOutput(string output, IEnumerable<string> inputs)
    {
        if (FileNode.Stat(output) is not { } target) return;
        if (!target.IsRegularFile)
            throw new SegueException($"{output}: exists and is not a regular file; the output must be a dataset file");
        foreach (string input in inputs)
            if (FileNode.Stat(input)?.Identity == target.Identity)
                throw new SegueException($"{output}: is the input {input}; the output must be another file");
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
