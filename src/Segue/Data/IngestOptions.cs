namespace Segue.Data;

/// <summary>What ingest reads: MPD slices, playlist tables (CSV or TSV), or whichever the
/// sources are (a <c>.csv</c> or <c>.tsv</c> file is a table; anything else MPD slices).</summary>
public enum IngestFormat { Auto, Mpd, Table }

/// <summary>How to ingest; <paramref name="Threads"/> null means one parser per core.
/// <paramref name="SlicePlaylists"/> is how many playlists of a table make one slice (the unit of
/// the test split; null: 1,000, as in an MPD slice); MPD slices are their files.</summary>
public sealed record IngestOptions(int? Threads = null, bool SkipInvalid = false, int TestEvery = 10, int TestOffset = 9,
    IngestFormat Format = IngestFormat.Auto, int? SlicePlaylists = null)
{
    public const int MaxThreads = 1024;
    public const int DefaultSlicePlaylists = 1000;

    /// <summary>Throws a one-line <see cref="SettingException"/> naming the first setting out of its range by its key.</summary>
    public void Validate()
    {
        SettingException.Require(Threads is null or (> 0 and <= MaxThreads), "threads", Threads!, $"between 1 and {MaxThreads}");
        ValidateTestSplit(TestEvery, TestOffset);
        SettingException.Require(SlicePlaylists is null or > 0, "slice_playlists", SlicePlaylists!, "positive");
        SettingException.Require(SlicePlaylists is null || Format != IngestFormat.Mpd, "slice_playlists", SlicePlaylists!,
            "left out for MPD slices (each file is a slice)");
    }

    /// <summary>The test split's rule: every <paramref name="every"/>-th slice (0: none), the one at <paramref name="offset"/> in each group.</summary>
    public static void ValidateTestSplit(int every, int offset)
    {
        SettingException.Require(every >= 0, "test_every", every, "0 (no test split) or positive");
        SettingException.Require(every == 0 || (offset >= 0 && offset < every), "test_offset", offset,
            $"between 0 and {every - 1}: which slice of each {every} is held out");
    }
}
