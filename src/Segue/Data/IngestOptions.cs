using Segue.Settings;

namespace Segue.Data;

/// <summary>What ingest reads: MPD slices, playlist tables (CSV or TSV), or whichever the
/// sources are (a <c>.csv</c> or <c>.tsv</c> file is a table; anything else MPD slices).</summary>
public enum IngestFormat { Auto, Mpd, Table }

/// <summary>How to ingest; <paramref name="Threads"/> null means one parser per core.
/// <paramref name="SlicePlaylists"/> is how many playlists of a table make one slice (the unit of
/// the test split; null: 1,000, as in an MPD slice); MPD slices are their files.</summary>
public sealed record IngestOptions(
    [property: Setting("threads", "Parser threads (default: all cores)", Min = 1, Max = IngestOptions.MaxThreads)] int? Threads = null,
    [property: Setting("skip_invalid", "Drop bad playlists (and the broken tail of a truncated slice) instead of stopping; counts are printed")] bool SkipInvalid = false,
    [property: Setting("test_every", "Hold out every Nth slice as the test split (0: no test split)", Min = 0, Zero = "no test split")] int TestEvery = 10,
    [property: Setting("test_offset", "Which slice of each N is held out (the book: 9, files ending in 9)")] int TestOffset = 9,
    [property: Setting("format", "mpd (JSON slices), table (CSV or TSV, one row per playlist track) or auto: .csv and .tsv files are tables")] IngestFormat Format = IngestFormat.Auto,
    [property: Setting("slice_playlists", "Tables: how many playlists make a slice, the unit of the test split (default 1,000, as in the MPD)", Min = 1)] int? SlicePlaylists = null)
{
    public const int MaxThreads = 1024;
    public const int DefaultSlicePlaylists = 1000;

    /// <summary>Throws a one-line <see cref="SettingException"/> naming the first setting out of its range by its key.</summary>
    public void Validate()
    {
        SettingTable.Of<IngestOptions>().Validate(this);
        ValidateTestSplit(TestEvery, TestOffset);
        SettingException.Require(SlicePlaylists is null || Format != IngestFormat.Mpd, "slice_playlists", SlicePlaylists!,
            "left out for MPD slices (each file is a slice)");
    }

    /// <summary>The test split's rule: every <paramref name="every"/>-th slice (0: none), the one at <paramref name="offset"/> in each group.</summary>
    public static void ValidateTestSplit(int every, int offset)
    {
        SettingTable.Of<IngestOptions>().Find("test_every")!.Check(every);
        SettingException.Require(every == 0 || (offset >= 0 && offset < every), "test_offset", offset,
            $"between 0 and {every - 1}: which slice of each {every} is held out");
    }
}
