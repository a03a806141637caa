using System.IO.Compression;
using System.Text;
using Segue.Data;
using static Segue.Tests.Data.SliceJson;

namespace Segue.Tests.Data;

public class IngestTests
{
    private static IngestSummary Ingest(string source, string output, bool skip = false, int threads = 2) =>
        MpdIngest.Run([source], output, new IngestOptions(threads, skip), Progress.None);

    private static string Fails(string source, TempDir dir) =>
        Assert.Throws<SegueException>(() => Ingest(source, dir.File("out.segue"))).Message;

    /// <summary>One slice holding two good playlists (pids 0 and 1) with <paramref name="edit"/> applied.</summary>
    private static string OneSlice(TempDir dir, Func<string, string> edit, string name = "mpd.slice.0-999.json")
    {
        string json = Slice(0, 999, new Playlist(0, "chill", (1, 1, 1), (2, 1, 1), (3, 2, 2)),
                                    new Playlist(1, "gym", (4, 3, 3), (1, 1, 1)));
        string path = dir.File(name);
        File.WriteAllText(path, edit(json));
        return path;
    }

    private static string ReplaceOnce(string s, string what, string with)
    {
        int i = s.IndexOf(what, StringComparison.Ordinal);
        Assert.True(i >= 0, $"'{what}' not in the test slice");
        return s[..i] + with + s[(i + what.Length)..];
    }

    [Fact]
    public void Slices_are_read_in_order_of_their_first_pid_not_their_name()
    {
        using var dir = new TempDir();
        string data = Directory.CreateDirectory(dir.File("data")).FullName;
        File.WriteAllText(Path.Combine(data, "mpd.slice.10-19.json"), Slice(10, 19, new Playlist(10, "c", (3, 3, 3))));
        File.WriteAllText(Path.Combine(data, "mpd.slice.2-9.json"), Slice(2, 9, new Playlist(2, "b", (2, 2, 2), (3, 3, 3))));
        File.WriteAllText(Path.Combine(data, "mpd.slice.0-1.json"), Slice(0, 1, new Playlist(0, "a", (1, 1, 1))));
        var summary = Ingest(dir.Path, dir.File("d.segue"));   // the folder holding data/
        using var ds = Dataset.Open(dir.File("d.segue"));
        Assert.Equal([0, 2, 10], ds.Pids.ToArray());
        Assert.Equal(TrackUri(1), ds.TrackUri(0));
        Assert.Equal(TrackUri(2), ds.TrackUri(1));
        Assert.Equal(TrackUri(3), ds.TrackUri(2));
        Assert.Equal([1, 2], ds.PlaylistTracks(1).ToArray());
        Assert.Equal(3, summary.Slices);
    }

    [Fact]
    public void Names_durations_and_playlist_fields_survive_ingest()
    {
        using var dir = new TempDir();
        OneSlice(dir, s => ReplaceOnce(s, "\"name\": \"chill\"", "\"name\": \"Chill \\u00e9\\ud83c\\udf89 vibes\""));
        Ingest(dir.Path, dir.File("d.segue"));
        using var ds = Dataset.Open(dir.File("d.segue"));
        Assert.Equal("Chill é🎉 vibes", ds.PlaylistName(0));
        Assert.Equal("Track 4", ds.TrackName(3));
        Assert.Equal("Album 3", ds.AlbumName(2));
        Assert.Equal("Artist 2", ds.ArtistName(1));
        Assert.Equal(180004, ds.TrackDurationsMs[3]);
        Assert.Equal(1493424000, ds.ModifiedAt[0]);
    }

    [Fact]
    public void Thread_count_does_not_change_the_dataset()
    {
        using var dir = new TempDir();
        WriteFolder(dir.File("mpd"), slices: 7, perSlice: 20);
        Ingest(dir.File("mpd"), dir.File("one.segue"), threads: 1);
        Ingest(dir.File("mpd"), dir.File("two.segue"), threads: 3);
        Assert.Equal(File.ReadAllBytes(dir.File("one.segue")), File.ReadAllBytes(dir.File("two.segue")));
    }

    [Fact]
    public void The_zip_reads_like_the_folder()
    {
        using var dir = new TempDir();
        WriteFolder(dir.File("mpd/data"), slices: 3, perSlice: 10);
        File.WriteAllText(dir.File("mpd/README.md"), "readme");
        ZipFile.CreateFromDirectory(dir.File("mpd"), dir.File("mpd.zip"));
        Ingest(dir.File("mpd"), dir.File("folder.segue"));
        var summary = Ingest(dir.File("mpd.zip"), dir.File("zip.segue"));
        Assert.Equal(3, summary.Slices);
        using var fromFolder = Dataset.Open(dir.File("folder.segue"));
        using var fromZip = Dataset.Open(dir.File("zip.segue"));
        Assert.Equal(fromFolder.Fingerprint, fromZip.Fingerprint);
        Assert.Equal(fromFolder.AllPlaylistTracks.ToArray(), fromZip.AllPlaylistTracks.ToArray());
        Assert.EndsWith("mpd.zip!data/mpd.slice.0-9.json", fromZip.Meta.Slices[0]);
    }

    [Fact]
    public void A_glob_selects_slices()
    {
        using var dir = new TempDir();
        WriteFolder(dir.File("mpd"), slices: 3, perSlice: 10);
        var summary = Ingest(Path.Combine(dir.File("mpd"), "mpd.slice.1*.json"), dir.File("d.segue"));
        Assert.Equal(1, summary.Slices);   // of 0-9, 10-19 and 20-29, only 10-19 matches
    }

    [Fact]
    public void A_slice_truncated_mid_playlist_names_the_file_and_playlist()
    {
        using var dir = new TempDir();
        string path = OneSlice(dir, s => s[..s.IndexOf("\"gym\"", StringComparison.Ordinal)]);
        Assert.Equal($"{path}: truncated: the file ends at byte {new FileInfo(path).Length} in playlist #1 (byte {File.ReadAllText(path).LastIndexOf('{')})",
            Fails(dir.Path, dir));
    }

    // Truncation is told apart from invalid JSON wherever the file ends.
    [Theory]
    [InlineData("\"generated_on\": \"2017", "")]                     // inside the info object, mid-string
    [InlineData("\"playlists\": [", "")]                              // before the first playlist
    [InlineData("\"track_name\": \"Tra", " in playlist pid 0")]        // inside a track, mid-string
    [InlineData("\"duration_ms\": 18000", " in playlist pid 0")]       // mid-number
    [InlineData("\"num_fol", " in playlist pid 0")]                    // mid-key
    [InlineData("\n        },", " after playlist pid 0")]               // between playlists
    public void A_truncated_slice_says_where_it_ends(string cutAfter, string where)
    {
        using var dir = new TempDir();
        int cut = 0;
        string path = OneSlice(dir, s => s[..(cut = s.IndexOf(cutAfter, StringComparison.Ordinal) + cutAfter.Length)]);
        Assert.Equal($"{path}: truncated: the file ends at byte {cut}{where}", Fails(dir.Path, dir));
    }

    [Theory]
    [InlineData("garbage", 0)]
    [InlineData("\n  ]", 3)]
    public void Content_after_the_json_document_is_refused_with_its_offset(string extra, int at)
    {
        using var dir = new TempDir();
        int end = 0;
        string path = OneSlice(dir, s => (end = s.Length) > 0 ? s + extra : s);
        Assert.Equal($"{path}: more content after the end of the JSON document at byte {end + at}", Fails(dir.Path, dir));
    }

    [Fact]
    public void Two_slices_concatenated_are_refused_not_read_as_one()
    {
        using var dir = new TempDir();
        string first = Slice(0, 9, new Playlist(0, "a", (1, 1, 1)));
        string path = dir.File("mpd.slice.0-19.json");
        File.WriteAllText(path, first + "\n" + Slice(10, 19, new Playlist(10, "b", (2, 2, 2))));
        Assert.Equal($"{path}: more content after the end of the JSON document at byte {first.Length + 1}", Fails(dir.Path, dir));
        var summary = Ingest(dir.Path, dir.File("d.segue"), skip: true);
        Assert.Equal(1, summary.Skipped![InvalidReason.InvalidJson]);
        Assert.Equal(1, summary.Playlists);
    }

    [Fact]
    public void Trailing_whitespace_is_allowed()
    {
        using var dir = new TempDir();
        OneSlice(dir, s => s + "\n \t\r\n");
        Assert.Equal(2, Ingest(dir.Path, dir.File("d.segue")).Playlists);
    }

    [Fact]
    public void A_byte_order_mark_is_ignored_and_offsets_stay_the_files()
    {
        using var dir = new TempDir();
        string path = OneSlice(dir, s => s);
        File.WriteAllBytes(path, [0xEF, 0xBB, 0xBF, .. File.ReadAllBytes(path)]);
        Assert.Equal(2, Ingest(dir.Path, dir.File("d.segue")).Playlists);
        var bytes = File.ReadAllBytes(path);
        int cut = bytes.AsSpan().IndexOf("\"gym\""u8);
        File.WriteAllBytes(path, bytes[..cut]);
        Assert.Equal($"{path}: truncated: the file ends at byte {cut} in playlist #1 (byte {bytes.AsSpan(0, cut).LastIndexOf((byte)'{')})",
            Fails(dir.Path, dir));
    }

    [Fact]
    public void A_negative_pid_is_refused()
    {
        using var dir = new TempDir();
        string path = OneSlice(dir, s => ReplaceOnce(s, "\"pid\": 0", "\"pid\": -5"));
        int start = File.ReadAllText(path).IndexOf("{\n            \"name\"", StringComparison.Ordinal);
        Assert.Equal($"{path}: playlist #0 (byte {start}): field 'pid': expected a non-negative integer, got -5", Fails(dir.Path, dir));
    }

    [Fact]
    public void A_negative_track_duration_is_refused_or_skipped()
    {
        using var dir = new TempDir();
        string path = OneSlice(dir, s => ReplaceOnce(s, "\"duration_ms\": 180001", "\"duration_ms\": -1"));
        Assert.Equal($"{path}: playlist pid 0, track 0: field 'duration_ms': expected a non-negative integer, got -1", Fails(dir.Path, dir));
        var summary = Ingest(dir.Path, dir.File("d.segue"), skip: true);
        Assert.Equal(1, summary.Skipped![InvalidReason.Negative]);
        Assert.Equal(1, summary.Playlists);
    }

    [Fact]
    public void A_track_met_with_another_album_in_the_slice_is_refused_or_counted()
    {
        using var dir = new TempDir();
        string path = dir.File("mpd.slice.0-9.json");
        File.WriteAllText(path, Slice(0, 9, new Playlist(0, "a", (1, 1, 1)), new Playlist(1, "b", (2, 2, 2), (1, 5, 1))));
        Assert.Equal($"{path}: playlist pid 1, track 1: field 'album_uri': {TrackUri(1)} has spotify:album:{Id('a', 5)} here " +
            $"but spotify:album:{Id('a', 1)} in an earlier track of this slice", Fails(dir.Path, dir));
        var summary = Ingest(dir.Path, dir.File("d.segue"), skip: true);
        Assert.Equal(1, summary.Skipped![InvalidReason.ConflictingTrack]);
        Assert.Equal(2, summary.Playlists);   // counted, not dropped: the track keeps its first album
        using var ds = Dataset.Open(dir.File("d.segue"));
        Assert.Equal($"spotify:album:{Id('a', 1)}", ds.AlbumUri(ds.TrackAlbums[0]));
        Assert.Equal(2, ds.AlbumCount);
    }

    [Fact]
    public void A_track_met_with_another_artist_in_a_later_slice_is_refused_or_counted()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.File("mpd.slice.0-9.json"), Slice(0, 9, new Playlist(0, "a", (1, 1, 1))));
        string later = dir.File("mpd.slice.10-19.json");
        File.WriteAllText(later, Slice(10, 19, new Playlist(10, "b", (2, 2, 2), (1, 1, 7))));
        Assert.Equal($"{later}: playlist pid 10, track 1: field 'artist_uri': {TrackUri(1)} has spotify:artist:{Id('r', 7)} here " +
            $"but spotify:artist:{Id('r', 1)} in an earlier slice", Fails(dir.Path, dir));
        var summary = Ingest(dir.Path, dir.File("d.segue"), skip: true);
        Assert.Equal(1, summary.Skipped![InvalidReason.ConflictingTrack]);
        Assert.Equal(2, summary.Playlists);
    }

    [Fact]
    public void The_output_may_not_be_an_input_by_any_path()
    {
        using var dir = new TempDir();
        string slice = OneSlice(dir, s => s);
        var before = File.ReadAllBytes(slice);
        string link = dir.File("link.segue");
        File.CreateSymbolicLink(link, slice);
        foreach (string output in (string[])[slice, link, Path.Combine(dir.Path, ".", Path.GetFileName(slice))])
            Assert.Equal($"{output}: is the input {slice}; the output must be another file",
                Assert.Throws<SegueException>(() => Ingest(slice, output)).Message);
        Assert.Equal($"{slice}: is the input {slice}; the output must be another file",
            Assert.Throws<SegueException>(() => Ingest(dir.Path, slice)).Message);
        Assert.Equal(before, File.ReadAllBytes(slice));
    }

    [Fact]
    public void The_output_may_not_be_a_folder_or_a_device()
    {
        using var dir = new TempDir();
        string slice = OneSlice(dir, s => s);
        foreach (string output in (string[])[dir.Path, "/dev/null"])
            Assert.Equal($"{output}: exists and is not a regular file; the output must be a dataset file",
                Assert.Throws<SegueException>(() => Ingest(slice, output)).Message);
        Assert.True(File.Exists("/dev/null"));
    }

    [Theory]
    [InlineData(-4)]
    [InlineData(0)]
    public void A_thread_count_below_one_is_refused(int threads)
    {
        using var dir = new TempDir();
        string slice = OneSlice(dir, s => s);
        Assert.Equal($"threads {threads}: must be between 1 and 1024",
            Assert.Throws<SettingException>(() => Ingest(slice, dir.File("d.segue"), threads: threads)).Message);
    }

    [Fact]
    public void Invalid_json_names_line_and_byte()
    {
        using var dir = new TempDir();
        string path = OneSlice(dir, s => ReplaceOnce(s, "\"num_edits\": 2,", "\"num_edits\": 2"));
        int line = File.ReadAllLines(path).ToList().FindIndex(l => l == "            \"duration_ms\": 540006") + 1;
        Assert.Equal($"{path}: invalid JSON at line {line}, byte 13 in playlist pid 0: '\"' is invalid after a value. Expected either ',', '}}', or ']'",
            Fails(dir.Path, dir));
    }

    [Fact]
    public void Num_tracks_as_a_string_is_a_wrong_type()
    {
        using var dir = new TempDir();
        string path = OneSlice(dir, s => ReplaceOnce(s, "\"num_tracks\": 3", "\"num_tracks\": \"3\""));
        Assert.Equal($"{path}: playlist pid 0: field 'num_tracks': expected an integer, got the string \"3\"", Fails(dir.Path, dir));
    }

    [Fact]
    public void A_float_pid_is_a_wrong_type()
    {
        using var dir = new TempDir();
        string path = OneSlice(dir, s => ReplaceOnce(s, "\"pid\": 1,", "\"pid\": 1.0,"));
        Assert.Equal($"{path}: playlist #1 (byte {File.ReadAllText(path).IndexOf("{\n            \"name\": \"gym\"", StringComparison.Ordinal)}): field 'pid': expected an integer, got 1.0",
            Fails(dir.Path, dir));
    }

    [Fact]
    public void A_missing_key_is_named()
    {
        using var dir = new TempDir();
        string path = OneSlice(dir, s => ReplaceOnce(s, "\"num_followers\": 1,\n", ""));
        Assert.Equal($"{path}: playlist pid 0: field 'num_followers': missing", Fails(dir.Path, dir));
    }

    [Fact]
    public void A_missing_track_key_names_the_track()
    {
        using var dir = new TempDir();
        string path = OneSlice(dir, s => ReplaceOnce(s, "\"album_name\": \"Album 3\"", "\"album_title\": \"Album 3\""));
        Assert.Equal($"{path}: playlist pid 1, track 0: field 'album_name': missing", Fails(dir.Path, dir));
    }

    [Fact]
    public void A_uri_of_the_wrong_kind_is_refused()
    {
        using var dir = new TempDir();
        string path = OneSlice(dir, s => ReplaceOnce(s, $"spotify:album:{Id('a', 2)}", $"spotify:track:{Id('a', 2)}"));
        Assert.Equal($"{path}: playlist pid 0, track 2: field 'album_uri': expected a spotify:album: URI, got \"spotify:track:{Id('a', 2)}\"",
            Fails(dir.Path, dir));
    }

    [Fact]
    public void Num_tracks_must_agree_with_the_tracks()
    {
        using var dir = new TempDir();
        string path = OneSlice(dir, s => ReplaceOnce(s, "\"num_tracks\": 2", "\"num_tracks\": 5"));
        Assert.Equal($"{path}: playlist pid 1: field 'num_tracks': says 5, but 'tracks' holds 2", Fails(dir.Path, dir));
    }

    [Fact]
    public void Duplicate_pids_across_slices_are_refused()
    {
        using var dir = new TempDir();
        string first = OneSlice(dir, s => s);
        string second = OneSlice(dir, s => s, "mpd.slice.1000-1999.json");
        Assert.Equal($"{second}: playlist pid 0: field 'pid': duplicate pid (already in {first})", Fails(dir.Path, dir));
    }

    [Fact]
    public void A_byte_that_is_not_utf8_is_refused()
    {
        using var dir = new TempDir();
        string path = OneSlice(dir, s => s);
        var bytes = File.ReadAllBytes(path);
        int at = Encoding.UTF8.GetString(bytes).IndexOf("Track 4", StringComparison.Ordinal);
        bytes[at + 1] = 0xFF;
        File.WriteAllBytes(path, bytes);
        string message = Fails(dir.Path, dir);
        Assert.Equal($"{path}: playlist pid 1, track 0: field 'track_name': not valid UTF-8 text", message);
    }

    [Fact]
    public void Missing_and_empty_sources_say_what_is_wrong()
    {
        using var dir = new TempDir();
        Assert.Equal($"{dir.File("nope")}: no such file or folder", Fails(dir.File("nope"), dir));
        Directory.CreateDirectory(dir.File("empty"));
        Assert.Equal($"{dir.File("empty")}: no mpd.slice.START-END.json files in this folder", Fails(dir.File("empty"), dir));
        using (var zip = ZipFile.Open(dir.File("other.zip"), ZipArchiveMode.Create))
            using (var w = new StreamWriter(zip.CreateEntry("data/readme.txt").Open())) w.Write("x");
        Assert.Equal($"{dir.File("other.zip")}: the zip holds no mpd.slice.START-END.json entries", Fails(dir.File("other.zip"), dir));
        File.WriteAllText(dir.File("broken.zip"), "not a zip");
        Assert.StartsWith($"{dir.File("broken.zip")}: not a readable zip file", Fails(dir.File("broken.zip"), dir));
    }

    [Fact]
    public void A_failed_ingest_leaves_an_existing_dataset_and_no_temporary_file()
    {
        using var dir = new TempDir();
        var src = Directory.CreateDirectory(dir.File("good")).FullName;
        WriteFolder(src, 1, 5);
        Ingest(src, dir.File("out.segue"));
        var before = File.ReadAllBytes(dir.File("out.segue"));
        var bad = Directory.CreateDirectory(dir.File("bad")).FullName;
        File.WriteAllText(Path.Combine(bad, "mpd.slice.0-999.json"), "{\"playlists\": [");
        Assert.Throws<SegueException>(() => Ingest(bad, dir.File("out.segue")));
        Assert.Equal(before, File.ReadAllBytes(dir.File("out.segue")));
        Assert.Equal(["out.segue"], Directory.GetFiles(dir.Path).Select(f => Path.GetFileName(f)!).ToArray());
    }

    [Fact]
    public void Skip_invalid_drops_bad_playlists_and_truncated_tails_and_counts_them()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.File("mpd.slice.0-9.json"),
            ReplaceOnce(Slice(0, 9, new Playlist(0, "a", (1, 1, 1)), new Playlist(1, "b", (2, 2, 2)), new Playlist(2, "c", (3, 3, 3))),
                "\"num_tracks\": 1,\n            \"num_albums\": 1,\n            \"num_artists\": 1,\n            \"num_followers\": 1,\n            \"tracks\": [\n                {\n                    \"pos\": 0,\n                    \"artist_name\": \"Artist 2\"",
                "\"num_tracks\": \"1\",\n            \"num_albums\": 1,\n            \"num_artists\": 1,\n            \"num_followers\": 1,\n            \"tracks\": [\n                {\n                    \"pos\": 0,\n                    \"artist_name\": \"Artist 2\""));
        string full = Slice(10, 19, new Playlist(10, "d", (4, 4, 4)), new Playlist(11, "e", (5, 5, 5)));
        File.WriteAllText(dir.File("mpd.slice.10-19.json"), full[..full.IndexOf("\"e\"", StringComparison.Ordinal)]);
        File.WriteAllText(dir.File("mpd.slice.20-29.json"), Slice(20, 29, new Playlist(2, "dup", (6, 6, 6)), new Playlist(20, "f", (7, 7, 7))));
        var summary = Ingest(dir.Path, dir.File("d.segue"), skip: true);
        using var ds = Dataset.Open(dir.File("d.segue"));
        Assert.Equal([0, 2, 10, 20], ds.Pids.ToArray());
        Assert.Equal(1, summary.Skipped![InvalidReason.WrongType]);
        Assert.Equal(1, summary.Skipped[InvalidReason.InvalidJson]);
        Assert.Equal(1, summary.Skipped[InvalidReason.DuplicatePid]);
        Assert.Equal(3, summary.Skipped.Total);
        // Tracks only the dropped playlists had never get an id.
        Assert.False(ds.TryGetTrack(TrackUri(2), out _));
        Assert.False(ds.TryGetTrack(TrackUri(6), out _));
        Assert.Equal(4, ds.TrackCount);
    }
}

[Collection(ConsoleCollection.Name)]
public class IngestCommandTests
{
    [Fact]
    public void Bad_input_is_one_line_on_stderr_and_a_non_zero_exit()
    {
        using var dir = new TempDir();
        string json = Slice(0, 999, new Playlist(0, "a", (1, 1, 1))).Replace("\"pid\": 0", "\"pid\": 0.5");
        File.WriteAllText(dir.File("mpd.slice.0-999.json"), json);
        int playlistStart = json.IndexOf("{\n            \"name\"", StringComparison.Ordinal);
        var (exit, _, err) = CliRunner.Run("ingest", dir.Path, "--out", dir.File("d.segue"));
        Assert.Equal(1, exit);
        Assert.Equal($"segue: error: {dir.File("mpd.slice.0-999.json")}: playlist #0 (byte {playlistStart}): field 'pid': expected an integer, got 0.5",
            err.TrimEnd('\n'));
        Assert.False(File.Exists(dir.File("d.segue")));
    }

    [Fact]
    public void Ingest_prints_its_summary()
    {
        using var dir = new TempDir();
        SliceJson.WriteFolder(dir.File("mpd"), 2, 10);
        var (exit, output, err) = CliRunner.Run("ingest", dir.File("mpd"), "--out", dir.File("d.segue"));
        Assert.True(exit == 0, err);
        Assert.Contains("20 (20 / 0)", output);
    }
}
