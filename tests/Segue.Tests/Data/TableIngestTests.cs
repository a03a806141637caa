using System.Text;
using Segue.Data;
using Segue.Data.Synth;
using static Segue.Tests.Data.TableCsv;

namespace Segue.Tests.Data;

public class TableIngestTests
{
    private static IngestSummary Ingest(string[] files, string output, bool skip = false, int threads = 2, int chunkBytes = 1 << 20, int? slicePlaylists = null) =>
        TableIngest.Run(files, output, new IngestOptions(threads, skip, SlicePlaylists: slicePlaylists), Progress.None, chunkBytes);

    private static string Fails(TempDir dir, params string[] rows) =>
        Assert.Throws<SegueException>(() => Ingest([Write(dir, "t.csv", rows)], dir.File("d.segue"))).Message;

    [Fact]
    public void A_table_written_from_MPD_slices_ingests_to_the_same_dataset_as_the_slices()
    {
        using var dir = new TempDir();
        // Real-looking text: non-ASCII names, descriptions, collaborative playlists, repeated tracks.
        new SynthGenerator(new SynthOptions { Seed = 3, Playlists = 2_500 }).Write(dir.File("mpd"), Progress.None);
        MpdIngest.Run([dir.File("mpd")], dir.File("json.segue"), new IngestOptions(2), Progress.None);
        FromSlices(dir.File("mpd/data"), dir.File("mpd.csv"));
        FromSlices(dir.File("mpd/data"), dir.File("mpd.tsv"), '\t', quoteAll: true, newline: "\r\n");
        // Small chunks: playlists meet chunk boundaries hundreds of times.
        var summary = Ingest([dir.File("mpd.csv")], dir.File("csv.segue"), chunkBytes: 64 << 10);
        Ingest([dir.File("mpd.tsv")], dir.File("tsv.segue"), threads: 3, chunkBytes: 100_000);
        using var json = Dataset.Open(dir.File("json.segue"));
        using var csv = Dataset.Open(dir.File("csv.segue"));
        using var tsv = Dataset.Open(dir.File("tsv.segue"));
        DatasetContent.AssertSame(json, csv);
        DatasetContent.AssertSame(json, tsv);
        Assert.Equal(3, summary.Slices);
        Assert.Equal(DatasetMeta.Table, csv.Meta.Format);
        Assert.False(csv.Meta.HasSpotifyUris);
        Assert.True(json.Meta.HasSpotifyUris);
        Assert.Equal($"{dir.File("mpd.csv")} slice 2", csv.Meta.Slices[2]);
        Assert.True(json.Followers.ToArray().Distinct().Count() > 1 && Enumerable.Range(0, json.PlaylistCount).Any(json.IsCollaborative)
            && Enumerable.Range(0, json.PlaylistCount).Any(p => json.PlaylistDescription(p).Length > 0));
    }

    [Fact]
    public void Chunk_size_and_thread_count_do_not_change_the_dataset()
    {
        using var dir = new TempDir();
        SliceJson.WriteFolder(dir.File("mpd"), slices: 4, perSlice: 30, length: 20);
        FromSlices(dir.File("mpd"), dir.File("t.csv"), quoteAll: true);
        Ingest([dir.File("t.csv")], dir.File("a.segue"), threads: 1, chunkBytes: 1 << 20);
        Ingest([dir.File("t.csv")], dir.File("b.segue"), threads: 3, chunkBytes: 700);
        Assert.Equal(File.ReadAllBytes(dir.File("a.segue")), File.ReadAllBytes(dir.File("b.segue")));
    }

    [Fact]
    public void Ids_are_any_text_and_quoted_fields_hold_delimiters_quotes_and_line_breaks()
    {
        using var dir = new TempDir();
        string path = Write(dir, "t.csv",
            "\uFEFFPID, Position ,Name,Track_URI,track_name,artist_id,artist_name,album_id,album_name,duration_ms,added_by",
            "7,0,\"road, trip\",42,\"12\"\" remix\",\"Bowie, David\",David Bowie,a 1,\"Low\nside\",1000,me",
            "7,1,\"road, trip\",radio:track/9,12\" single,\"Bowie, David\",David Bowie,a 1,\"Low\nside\",2000,me",
            "8,0,\"\",42,\"12\"\" remix\",\"Bowie, David\",David Bowie,a 1,\"Low\nside\",1000,you");
        var summary = Ingest([path], dir.File("d.segue"));
        using var ds = Dataset.Open(dir.File("d.segue"));
        Assert.Equal([7, 8], ds.Pids.ToArray());
        Assert.Equal("road, trip", ds.PlaylistName(0));
        Assert.Equal("", ds.PlaylistName(1));
        Assert.Equal(["42", "radio:track/9"], [ds.TrackUri(0), ds.TrackUri(1)]);
        Assert.Equal("12\" remix", ds.TrackName(0));
        Assert.Equal("12\" single", ds.TrackName(1));
        Assert.Equal("Bowie, David", ds.ArtistUri(0));
        Assert.Equal("Low\nside", ds.AlbumName(0));
        Assert.Equal([0, 1, 0], ds.AllPlaylistTracks.ToArray());
        Assert.True(ds.TryGetTrack("radio:track/9", out int track) && track == 1);
        Assert.Equal(0, ds.Followers[0]);
        Assert.False(ds.IsCollaborative(0));
        Assert.Equal([$"{path}: columns ignored (not a playlist table's): added_by"], summary.Warnings);
    }

    [Fact]
    public void A_tsv_reads_by_its_extension_and_a_table_of_another_name_by_its_header()
    {
        using var dir = new TempDir();
        string tsv = dir.File("t.tsv");
        File.WriteAllText(tsv, MinimalHeader.Replace(',', '\t') + "\n" + MinimalRow(1, 0, 5).Replace(',', '\t') + "\n");
        string txt = dir.File("t.txt");
        File.Copy(tsv, txt);
        DatasetIngest.Run([tsv], dir.File("a.segue"), new IngestOptions(), Progress.None);
        DatasetIngest.Run([txt], dir.File("b.segue"), new IngestOptions(Format: IngestFormat.Table), Progress.None);
        using var a = Dataset.Open(dir.File("a.segue"));
        using var b = Dataset.Open(dir.File("b.segue"));
        Assert.Equal("t5", a.TrackUri(0));
        DatasetContent.AssertSame(a, b);
    }

    [Fact]
    public void Each_file_groups_its_playlists_into_slices_of_the_given_size()
    {
        using var dir = new TempDir();
        string one = Write(dir, "one.csv", [MinimalHeader, .. Enumerable.Range(0, 5).Select(p => MinimalRow(p, 0, p))]);
        string two = Write(dir, "two.csv", [MinimalHeader, .. Enumerable.Range(5, 3).Select(p => MinimalRow(p, 0, p))]);
        var summary = TableIngest.Run([one, two], dir.File("d.segue"), new IngestOptions(TestEvery: 2, TestOffset: 1, SlicePlaylists: 2), Progress.None);
        using var ds = Dataset.Open(dir.File("d.segue"));
        Assert.Equal(5, summary.Slices);   // 2 + 2 + 1 from one.csv, 2 + 1 from two.csv
        Assert.Equal([0, 0, 1, 1, 2, 3, 3, 4], ds.PlaylistSlices.ToArray());
        Assert.Equal([2, 3, 5, 6], ds.TestPlaylists.ToArray());
        Assert.Equal($"{two} slice 1", ds.Meta.Slices[4]);
    }

    [Theory]
    [InlineData("1,0,mix,t1,Track 1,r1,Artist 1,a1,Album 1", "line 3: 9 fields, but the header has 10")]
    [InlineData("1,0,mix,t1,Track 1,r1,Artist 1,a1,Album 1,100,extra", "line 3: 11 fields, but the header has 10")]
    [InlineData("1,0,\"mix\"y,t1,Track 1,r1,Artist 1,a1,Album 1,100", "line 3, column 3: text after the closing quote of a quoted field (a quote inside a quoted field is written \"\")")]
    [InlineData("x1,0,mix,t1,Track 1,r1,Artist 1,a1,Album 1,100", "line 3, column 1 (pid): expected a non-negative integer, got \"x1\"")]
    [InlineData("-1,0,mix,t1,Track 1,r1,Artist 1,a1,Album 1,100", "line 3, column 1 (pid): expected a non-negative integer, got -1")]
    [InlineData("1,1,mix,t1,Track 1,r1,Artist 1,a1,Album 1,3.5", "line 3, column 10 (duration_ms): expected a non-negative integer, got \"3.5\"")]
    [InlineData("1,2,mix,t1,Track 1,r1,Artist 1,a1,Album 1,100", "line 3, column 2 (pos): is 2, expected 1 (a playlist's rows in order, positions from 0)")]
    [InlineData("1,1,mix,,Track 1,r1,Artist 1,a1,Album 1,100", "line 3, column 4 (track_id): empty; every row needs its track, album and artist ids")]
    [InlineData("1,1,mix,t1,Track 1,r1,Artist 1,,Album 1,100", "line 3, column 8 (album_id): empty; every row needs its track, album and artist ids")]
    [InlineData("1,1,Mix,t1,Track 1,r1,Artist 1,a1,Album 1,100", "line 3, column 3 (title): \"Mix\", but the playlist's first row (line 2) has \"mix\": a playlist's own fields are the same on each of its rows")]
    [InlineData("1,1,mix,t0,Track 0,r0,Artist 0,a9,Album 0,180000", "line 3, column 8 (album_id): t0 has a9 here but a0 in an earlier row")]
    [InlineData("1,1,mix,t0,Track 0,r2,Artist 0,a0,Album 0,180000", "line 3, column 6 (artist_id): t0 has r2 here but r0 in an earlier row")]
    public void A_bad_row_names_the_file_line_and_column(string row, string message)
    {
        using var dir = new TempDir();
        Assert.Equal($"{dir.File("t.csv")}: {message}", Fails(dir, MinimalHeader, MinimalRow(1, 0, 0), row));
    }

    [Fact]
    public void Text_that_is_not_UTF8_names_its_column()
    {
        using var dir = new TempDir();
        string path = dir.File("t.csv");
        File.WriteAllBytes(path, [.. Encoding.UTF8.GetBytes(MinimalHeader + "\n1,0,mix,t1,Track "), 0xC3, 0x28, .. Encoding.UTF8.GetBytes(",r1,Artist,a1,Album,5\n")]);
        Assert.Equal($"{path}: line 2, column 5 (track_name): not valid UTF-8 text",
            Assert.Throws<SegueException>(() => Ingest([path], dir.File("d.segue"))).Message);
    }

    [Fact]
    public void A_collaborative_neither_true_nor_false_and_a_header_not_UTF8_are_refused()
    {
        using var dir = new TempDir();
        Assert.Equal($"{dir.File("t.csv")}: line 2, column 11 (collaborative): expected true or false, got \"yes\"",
            Fails(dir, TableCsv.MinimalHeader + ",collaborative", MinimalRow(1, 0, 0) + ",yes"));
        string path = dir.File("h.csv");
        File.WriteAllBytes(path, [.. Encoding.UTF8.GetBytes("pid,p"), 0xFF, .. Encoding.UTF8.GetBytes("os\n")]);
        Assert.Equal($"{path}: line 1, column 2: not valid UTF-8 text", Assert.Throws<SegueException>(() => Ingest([path], dir.File("d.segue"))).Message);
    }

    [Fact]
    public void A_quoted_field_that_does_not_close_names_where_it_opens()
    {
        using var dir = new TempDir();
        Assert.Equal($"{dir.File("t.csv")}: line 3, column 3: a quoted field that does not close (a quote missing, or a line break inside quotes)",
            Fails(dir, MinimalHeader, MinimalRow(1, 0, 0), "1,1,\"mix,t1,Track 1,r1,Artist 1,a1,Album 1,100", MinimalRow(2, 0, 2)));
    }

    [Fact]
    public void A_playlist_whose_rows_are_not_together_is_refused_within_a_chunk_across_chunks_and_across_files()
    {
        using var dir = new TempDir();
        string path = dir.File("t.csv");
        Assert.Equal($"{path}: line 4, column 1 (pid): playlist 1's rows are not together (it has rows from line 2, and other playlists' between); a playlist's rows come one after another",
            Fails(dir, MinimalHeader, MinimalRow(1, 0, 0), MinimalRow(2, 0, 1), MinimalRow(1, 1, 2)));
        // Chunks of ~100 bytes: each playlist in its own chunk, the repeat found by the merge.
        Write(dir, "t.csv", MinimalHeader, MinimalRow(1, 0, 0), MinimalRow(2, 0, 1), MinimalRow(1, 0, 2));
        Assert.Equal($"{path}: line 4, column 1 (pid): playlist 1's rows are not together (it has rows from line 2, and other playlists' between); a playlist's rows come one after another",
            Assert.Throws<SegueException>(() => Ingest([path], dir.File("d.segue"), chunkBytes: 40)).Message);
        string other = Write(dir, "u.csv", MinimalHeader, MinimalRow(3, 0, 0), MinimalRow(2, 0, 1));
        Write(dir, "t.csv", MinimalHeader, MinimalRow(1, 0, 0), MinimalRow(2, 0, 1));
        Assert.Equal($"{other}: line 3, column 1 (pid): playlist 2 is also in {path} (from line 3); a pid names one playlist",
            Assert.Throws<SegueException>(() => Ingest([path, other], dir.File("d.segue"))).Message);
    }

    [Fact]
    public void A_track_met_with_another_album_in_a_later_chunk_names_its_line_and_column()
    {
        using var dir = new TempDir();
        string path = Write(dir, "t.csv", MinimalHeader, MinimalRow(1, 0, 0), MinimalRow(2, 0, 3), "2,1,mix,t0,Track 0,r0,Artist 0,a7,Album 7,180000");
        Assert.Equal($"{path}: line 4, column 8 (album_id): t0 has a7 here but a0 in an earlier row",
            Assert.Throws<SegueException>(() => Ingest([path], dir.File("d.segue"), chunkBytes: 40)).Message);
    }

    [Theory]
    [InlineData("pid,pos,title,track_id,track_name,artist_id,artist_name,album_id,album_name", "line 1: no column 'duration_ms' (or duration) in the header (pid, pos, title, track_id, track_name, artist_id, artist_name, album_id, album_name); a playlist table has the columns pid, pos, title, track_id, track_name, artist_id, artist_name, album_id, album_name, duration_ms")]
    [InlineData("pid,pos,title,track_id,track_name,artist_id,artist_name,album_id,album_name,duration_ms,track_uri", "line 1, column 11: 'track_uri' names the column 'track_id' again (column 4)")]
    public void A_header_without_a_column_or_with_one_twice_is_refused(string header, string message)
    {
        using var dir = new TempDir();
        Assert.Equal($"{dir.File("t.csv")}: {message}", Fails(dir, header, MinimalRow(1, 0, 0)));
    }

    [Fact]
    public void An_empty_file_a_folder_and_a_missing_file_are_refused()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.File("t.csv"), "\n");
        Assert.Equal($"{dir.File("t.csv")}: empty; a playlist table starts with a header line naming its columns",
            Assert.Throws<SegueException>(() => Ingest([dir.File("t.csv")], dir.File("d.segue"))).Message);
        Directory.CreateDirectory(dir.File("f.csv"));
        Assert.Equal($"{dir.File("f.csv")}: is a folder; a playlist table is a CSV or TSV file",
            Assert.Throws<SegueException>(() => Ingest([dir.File("f.csv")], dir.File("d.segue"))).Message);
        Assert.Equal($"{dir.File("none.csv")}: no such file",
            Assert.Throws<SegueException>(() => Ingest([dir.File("none.csv")], dir.File("d.segue"))).Message);
        Assert.Equal($"{dir.File("h.csv")}: no valid playlist to ingest",
            Assert.Throws<SegueException>(() => Ingest([Write(dir, "h.csv", MinimalHeader)], dir.File("d.segue"))).Message);
    }

    [Fact]
    public void Tables_and_MPD_slices_are_not_ingested_together_and_slice_size_is_for_tables()
    {
        using var dir = new TempDir();
        SliceJson.WriteFolder(dir.File("mpd"), slices: 1, perSlice: 3);
        string table = Write(dir, "t.csv", MinimalHeader, MinimalRow(1, 0, 0));
        Assert.Equal($"{dir.File("mpd")}: not a playlist table (.csv or .tsv) like {table}; ingest tables and MPD slices separately",
            Assert.Throws<SegueException>(() => DatasetIngest.Run([table, dir.File("mpd")], dir.File("d.segue"), new IngestOptions(), Progress.None)).Message);
        Assert.Equal("slice_playlists 20: must be left out for MPD slices (each file is a slice)",
            Assert.Throws<SettingException>(() => DatasetIngest.Run([dir.File("mpd")], dir.File("d.segue"), new IngestOptions(SlicePlaylists: 20), Progress.None)).Message);
        Assert.Equal("slice_playlists 0: must be positive",
            Assert.Throws<SettingException>(() => DatasetIngest.Run([table], dir.File("d.segue"), new IngestOptions(SlicePlaylists: 0), Progress.None)).Message);
    }

    [Fact]
    public void Skip_invalid_drops_the_playlists_of_bad_rows_counts_them_and_keeps_the_rest()
    {
        using var dir = new TempDir();
        string path = Write(dir, "t.csv", MinimalHeader,
            MinimalRow(1, 0, 0), MinimalRow(1, 1, 1),
            MinimalRow(2, 0, 2), "2,1,mix,,Track 3,r0,Artist 0,a3,Album 3,5",      // an empty id
            MinimalRow(3, 0, 3), MinimalRow(3, 1, 4, title: "other"),               // the title changes
            MinimalRow(4, 0, 5), "4,1,mix,t6,Track 6",                               // too few fields
            MinimalRow(5, 0, 7), "5,1,mix,t7,Track 7,r1,Artist 1,a9,Album 9,180007", // t7 on another album: kept, counted
            MinimalRow(1, 0, 8));                                                     // pid 1 again
        var summary = Ingest([path], dir.File("d.segue"), skip: true, chunkBytes: 150);
        using var ds = Dataset.Open(dir.File("d.segue"));
        Assert.Equal([1, 5], ds.Pids.ToArray());
        Assert.Equal(["t0", "t1", "t7"], Enumerable.Range(0, ds.TrackCount).Select(ds.TrackUri));
        var skipped = summary.Skipped!;
        Assert.Equal(1, skipped[InvalidReason.EmptyField]);
        Assert.Equal(1, skipped[InvalidReason.InconsistentPlaylist]);
        Assert.Equal(1, skipped[InvalidReason.MalformedRow]);
        Assert.Equal(1, skipped[InvalidReason.ConflictingTrack]);
        Assert.Equal(1, skipped[InvalidReason.DuplicatePid]);
        Assert.Equal(5, skipped.Total);
        Assert.Contains($"{path}: line 5, column 4 (track_id): empty; every row needs its track, album and artist ids", skipped.Examples);
    }

    [Fact]
    public void A_failed_ingest_leaves_an_existing_dataset_as_it_was()
    {
        using var dir = new TempDir();
        string good = Write(dir, "good.csv", MinimalHeader, MinimalRow(1, 0, 0));
        Ingest([good], dir.File("d.segue"));
        byte[] before = File.ReadAllBytes(dir.File("d.segue"));
        string bad = Write(dir, "bad.csv", MinimalHeader, MinimalRow(1, 0, 0), "1,5,mix,t1,Track 1,r1,Artist 1,a1,Album 1,100");
        Assert.Throws<SegueException>(() => Ingest([bad], dir.File("d.segue")));
        Assert.Equal(before, File.ReadAllBytes(dir.File("d.segue")));
        Assert.Single(Directory.GetFiles(dir.Path, "*.segue*"));
        Assert.Equal($"{dir.File("d.segue")}: is the input {dir.File("d.segue")}; the output must be another file",
            Assert.Throws<SegueException>(() => Ingest([dir.File("d.segue")], dir.File("d.segue"))).Message);
    }
}
