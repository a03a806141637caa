namespace Segue.Data.Checks;

/// <summary>
/// <c>segue check</c>: the MPD's rules (as its check.py states them) on a dataset file or on the
/// MPD's own slices (a folder, the zip, a glob), whichever <paramref name="source"/> is.
/// </summary>
public static class MpdCheck
{
    /// <param name="quick">Check the first <see cref="CheckRules.QuickSlices"/> slices only, as check.py's --quick.</param>
    public static CheckReport Run(string source, bool quick, int? threads, IProgressSink progress)
    {
        SettingException.Require(threads is null or (> 0 and <= IngestOptions.MaxThreads), "threads", threads!, $"between 1 and {IngestOptions.MaxThreads}");
        if (!IsDataset(source)) return MpdFolderCheck.Run(source, quick, threads, progress);
        using var dataset = Dataset.Open(source);
        return DatasetCheck.Run(dataset, quick, progress);
    }

    /// <summary>Whether <paramref name="path"/> is a file that begins as a dataset does (a damaged one
    /// is then refused by <see cref="Dataset.Open"/> in its own words).</summary>
    private static bool IsDataset(string path)
    {
        if (!File.Exists(path)) return false;
        Span<byte> start = stackalloc byte[8];
        using var file = File.OpenRead(path);
        return file.ReadAtLeast(start, start.Length, throwOnEndOfStream: false) == start.Length && start.SequenceEqual(DatasetSection.Magic);
    }
}
