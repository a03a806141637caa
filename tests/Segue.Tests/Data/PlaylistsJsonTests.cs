using Segue.Data;
using Segue.Data.Synth;
using Segue.Serving;

namespace Segue.Tests.Data;

public class PlaylistsJsonTests
{
    [Fact]
    public void Playlists_ingested_from_a_slice_are_written_back_as_the_slice_had_them()
    {
        using var dir = new TempDir();
        new SynthGenerator(new SynthOptions { Seed = 9, Playlists = 1_000 }).Write(dir.File("mpd"), Progress.None);
        MpdIngest.Run([dir.File("mpd")], dir.File("d.segue"), new IngestOptions(2), Progress.None);
        using var ds = Dataset.Open(dir.File("d.segue"));
        using var output = new MemoryStream();
        PlaylistsJson.Write(output, ds, PlaylistSelection.Select(ds, ["0-1000"]));
        string slice = File.ReadAllText(dir.File("mpd/data/mpd.slice.0-999.json"));
        // The slice less its info object: names, escapes, counts, durations and descriptions as they were.
        Assert.Equal("{\n" + slice[slice.IndexOf("    \"playlists\"", StringComparison.Ordinal)..], System.Text.Encoding.UTF8.GetString(output.ToArray()));
        Assert.Contains("\"description\": ", slice);
    }

    [Theory]
    [InlineData(new[] { "3", "10-13", "1" }, new[] { 3, 10, 11, 12, 1 })]
    [InlineData(new[] { "0-5" }, new[] { 1, 3 })]
    public void Pids_and_ranges_name_playlists_in_the_order_given(string[] items, int[] pids)
    {
        using var dir = new TempDir();
        using var ds = Dataset.Open(Small(dir));
        Assert.Equal(pids, PlaylistSelection.Select(ds, items).Select(p => ds.Pids[p]));
    }

    [Theory]
    [InlineData("2", "2: no such pid in the dataset")]
    [InlineData("4-6", "4-6: no pid of the dataset in this range (START-END: START up to END, END excluded)")]
    [InlineData("12-10", "12-10: the range ends at or before its start (START-END: START up to END, END excluded)")]
    [InlineData("x", "x: not a pid (1008) or a range of pids (1000-1020)")]
    [InlineData("-3", "-3: not a pid (1008) or a range of pids (1000-1020)")]
    [InlineData("1-x", "1-x: not a pid (1008) or a range of pids (1000-1020)")]
    public void An_item_naming_no_playlist_is_refused_naming_it(string item, string message)
    {
        using var dir = new TempDir();
        using var ds = Dataset.Open(Small(dir));
        Assert.Equal(message, Assert.Throws<RequestFieldException>(() => PlaylistSelection.Select(ds, ["1", item])).Message);
    }

    [Fact]
    public void No_item_is_refused()
    {
        using var dir = new TempDir();
        using var ds = Dataset.Open(Small(dir));
        Assert.Equal("pids: none given: give a pid (1008) or a range of pids (1000-1020)",
            Assert.Throws<RequestFieldException>(() => PlaylistSelection.Select(ds, [])).Message);
    }

    /// <summary>Pids 1, 3, 10, 11, 12 (stored in another order).</summary>
    private static string Small(TempDir dir)
    {
        var builder = new DatasetBuilder(testEvery: 0, testOffset: 0);
        foreach (int pid in (int[])[10, 3, 12, 1, 11])
            builder.AddPlaylist(pid, $"p{pid}", 0, [new TrackRecord("spotify:track:a", "spotify:album:a", "spotify:artist:a", "A", "A", "A", 1000)]);
        builder.Write(dir.File("small.segue"));
        return dir.File("small.segue");
    }
}
