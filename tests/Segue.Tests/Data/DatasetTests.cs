using Segue.Data;
using Segue.Tests.IO;

namespace Segue.Tests.Data;

public class DatasetTests
{
    private static TrackRecord T(int track, int album, int artist, int duration = 1000) =>
        new($"spotify:track:t{track}", $"spotify:album:al{album}", $"spotify:artist:ar{artist}",
            $"Track {track}", $"Album {album}", $"Artist {artist}", duration);

    private static string BuildSmall(TempDir dir, int testEvery = 2, int testOffset = 1)
    {
        var builder = new DatasetBuilder(testEvery, testOffset);
        builder.AddPlaylist(10, "road trip", 0, [T(5, 1, 1), T(7, 2, 1), T(5, 1, 1)]);
        builder.AddPlaylist(11, "chill", 0, [T(9, 3, 2, 2000)]);
        builder.AddPlaylist(12, "gym", 1, [T(7, 2, 1), T(8, 3, 2)]);
        builder.AddPlaylist(13, "party", 3, [T(4, 4, 3)]);
        string path = dir.File("small.segue");
        builder.Write(path);
        return path;
    }

    [Fact]
    public void Ids_follow_first_appearance_and_playlists_keep_their_order()
    {
        using var dir = new TempDir();
        using var ds = Dataset.Open(BuildSmall(dir));
        Assert.Equal(4, ds.PlaylistCount);
        Assert.Equal(5, ds.TrackCount);
        Assert.Equal(4, ds.AlbumCount);
        Assert.Equal(3, ds.ArtistCount);
        Assert.Equal(7, ds.OccurrenceCount);
        Assert.Equal([10, 11, 12, 13], ds.Pids.ToArray());
        Assert.Equal([0, 1, 0], ds.PlaylistTracks(0).ToArray());
        Assert.Equal([2], ds.PlaylistTracks(1).ToArray());
        Assert.Equal([1, 3], ds.PlaylistTracks(2).ToArray());
        Assert.Equal("spotify:track:t7", ds.TrackUri(1));
        Assert.Equal("spotify:track:t8", ds.TrackUri(3));
        Assert.Equal([0, 1, 2, 2, 3], ds.TrackAlbums.ToArray());
        Assert.Equal([0, 0, 1, 1, 2], ds.TrackArtists.ToArray());
        Assert.Equal(2000, ds.TrackDurationsMs[2]);
        Assert.Equal("Album 3", ds.AlbumName(2));
        Assert.Equal("Artist 2", ds.ArtistName(1));
        Assert.Equal("gym", ds.PlaylistName(2));
        Assert.Equal([0, 0, 1, 3], ds.PlaylistSlices.ToArray());
        Assert.Equal(4, ds.Meta.Slices.Count);   // slice 2 is empty but still counted
    }

    [Fact]
    public void Every_nth_slice_is_held_out()
    {
        using var dir = new TempDir();
        using var ds = Dataset.Open(BuildSmall(dir, testEvery: 2, testOffset: 1));
        Assert.Equal([0, 1], ds.TrainPlaylists.ToArray());
        Assert.Equal([2, 3], ds.TestPlaylists.ToArray());
    }

    [Fact]
    public void Uris_are_found_by_the_stored_index()
    {
        using var dir = new TempDir();
        using var ds = Dataset.Open(BuildSmall(dir));
        for (int t = 0; t < ds.TrackCount; t++)
        {
            Assert.True(ds.TryGetTrack(ds.TrackUri(t), out int found));
            Assert.Equal(t, found);
        }
        Assert.True(ds.TryGetAlbum("spotify:album:al4", out int album));
        Assert.Equal(3, album);
        Assert.True(ds.TryGetArtist("spotify:artist:ar2", out int artist));
        Assert.Equal(1, artist);
        Assert.False(ds.TryGetTrack("spotify:track:nope", out _));
    }

    [Fact]
    public void Same_content_gives_the_same_fingerprint_and_other_vocabularies_another()
    {
        using var dir = new TempDir();
        string a = BuildSmall(dir);
        string b = dir.File("b.segue");
        File.Copy(a, b);
        var other = new DatasetBuilder();
        other.AddPlaylist(1, "x", 0, [T(99, 1, 1)]);
        other.Write(dir.File("c.segue"));
        using var da = Dataset.Open(a);
        using var db = Dataset.Open(b);
        using var dc = Dataset.Open(dir.File("c.segue"));
        Assert.Equal(da.Fingerprint, db.Fingerprint);
        Assert.NotEqual(da.Fingerprint, dc.Fingerprint);
    }

    [Fact]
    public void Duplicate_pid_is_an_error_naming_both_slices()
    {
        var builder = new DatasetBuilder();
        builder.AddPlaylist(10, "a", 0, [T(1, 1, 1)]);
        builder.AddPlaylist(10, "b", 1, [T(2, 1, 1)]);
        var e = Assert.Throws<SegueException>(() => builder.Write(Path.Combine(Path.GetTempPath(), "never.segue")));
        Assert.Equal("slice-1: playlist pid 10: field 'pid': duplicate pid (already in slice-0)", e.Message);
    }

    [Fact]
    public void A_truncated_file_is_refused_with_its_name()
    {
        using var dir = new TempDir();
        string path = BuildSmall(dir);
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length - 10)]);
        var e = Assert.Throws<SegueException>(() => Dataset.Open(path));
        Assert.Equal($"{path}: truncated or damaged dataset: {bytes.Length - 10} bytes, header says {bytes.Length}", e.Message);
    }

    [Fact]
    public void A_file_of_another_kind_is_refused()
    {
        using var dir = new TempDir();
        string path = dir.File("x.segue");
        File.WriteAllText(path, "{\"this is\": \"not a dataset at all, just some json text\"}");
        var e = Assert.Throws<SegueException>(() => Dataset.Open(path));
        Assert.Equal($"{path}: not a Segue dataset (wrong magic number)", e.Message);
    }

    [Fact]
    public void A_flipped_byte_is_refused_on_open_naming_the_section()
    {
        using var dir = new TempDir();
        string path = BuildSmall(dir);
        var bytes = File.ReadAllBytes(path);
        // The last section (test_playlists, [2, 3]) ends in zero padding: flip its last real byte.
        bytes[Array.FindLastIndex(bytes, b => b != 0)] ^= 0x01;
        File.WriteAllBytes(path, bytes);
        var e = Assert.Throws<SegueException>(() => Dataset.Open(path));
        Assert.Equal($"{path}: damaged dataset: checksum mismatch in section 51 (test_playlists)", e.Message);
    }

    // Section ids (DatasetSection): 11 track_uris_offsets, 12 track_uris_index, 30 track_albums,
    // 40 playlist_offsets, 41 playlist_tracks, 42 pids, 43 playlist_slices, 50/51 train/test.
    // The small dataset: playlists [0 1 0] [2] [1 3] [4] in slices 0 0 1 3, test = slices 1 and 3.
    [Theory]
    [InlineData(41u, 2, 99, "playlist_tracks[2] is 99, not one of the 5 tracks")]
    [InlineData(41u, 0, -1, "playlist_tracks[0] is -1, not one of the 5 tracks")]
    [InlineData(30u, 1, 4, "track_albums[1] is 4, not one of the 4 albums")]
    [InlineData(43u, 3, 9, "playlist_slices[3] is 9, not one of the 4 slices")]
    [InlineData(42u, 0, -10, "pids[0] is -10, negative")]
    [InlineData(51u, 1, 2, "test_playlists: playlist 3 of held-out slice 3 is not entry 1")]
    [InlineData(50u, 0, 2, "train_playlists: playlist 0 of training slice 0 is not entry 0")]
    public void Impossible_ids_with_matching_checksums_are_refused_on_open(uint section, int index, int value, string problem)
    {
        using var dir = new TempDir();
        string path = BuildSmall(dir);
        SectionSurgery.Edit<int>(path, section, values => values[index] = value);
        var e = Assert.Throws<SegueException>(() => Dataset.Open(path));
        Assert.Equal($"{path}: damaged dataset: {problem}", e.Message);
    }

    [Theory]
    [InlineData(40u, 2, 2, "playlist_offsets[2] is 2, less than the offset before it (3)")]
    [InlineData(40u, 4, 8, "playlist_offsets: ends at 8, but there are 7 track occurrences")]
    [InlineData(40u, 0, 1, "playlist_offsets[0] is 1, not 0")]
    [InlineData(11u, 1, 1000, "track_uris_offsets[2] is 32, less than the offset before it (1000)")]
    public void Offsets_out_of_order_are_refused_on_open(uint section, int index, long value, string problem)
    {
        using var dir = new TempDir();
        string path = BuildSmall(dir);
        SectionSurgery.Edit<long>(path, section, values => values[index] = value);
        var e = Assert.Throws<SegueException>(() => Dataset.Open(path));
        Assert.Equal($"{path}: damaged dataset: {problem}", e.Message);
    }

    [Fact]
    public void A_vocabulary_index_that_misses_strings_is_refused_on_open()
    {
        using var dir = new TempDir();
        string path = BuildSmall(dir);
        SectionSurgery.Edit<int>(path, 12, slots => slots.Clear());
        var e = Assert.Throws<SegueException>(() => Dataset.Open(path));
        Assert.Equal($"{path}: damaged dataset: track_uris_index: indexes 0 of the 5 strings", e.Message);
    }

    [Fact]
    public void A_format_the_reader_does_not_know_is_refused_on_open()
    {
        using var dir = new TempDir();
        string path = BuildSmall(dir);
        SectionSurgery.Edit<byte>(path, 1, meta => System.Text.Encoding.UTF8.GetBytes("\"format\":\"xyz\"").CopyTo(meta[meta.IndexOf("\"format\":\"mpd\""u8)..]));
        var e = Assert.Throws<SegueException>(() => Dataset.Open(path));
        Assert.Equal($"{path}: damaged dataset: meta: format 'xyz' is neither 'mpd' nor 'table'", e.Message);
    }

    [Fact]
    public void The_fingerprint_covers_the_split()
    {
        using var dir = new TempDir();
        using var a = Dataset.Open(BuildSmall(dir, testEvery: 2, testOffset: 1));
        string other = dir.File("other.segue");
        File.Move(a.FilePath, other);
        using var b = Dataset.Open(BuildSmall(dir, testEvery: 2, testOffset: 0));
        Assert.Equal(a.TrackCount, b.TrackCount);
        Assert.Equal(a.TrackUri(4), b.TrackUri(4));
        Assert.NotEqual(a.Fingerprint, b.Fingerprint);
    }

    [Fact]
    public void A_failed_write_leaves_the_existing_dataset_intact()
    {
        using var dir = new TempDir();
        string path = BuildSmall(dir);
        var before = File.ReadAllBytes(path);
        var builder = new DatasetBuilder();
        builder.AddPlaylist(1, "a", 0, [T(1, 1, 1)]);
        builder.AddPlaylist(1, "b", 1, [T(1, 1, 1)]);
        Assert.Throws<SegueException>(() => builder.Write(path));
        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.Single(Directory.GetFiles(dir.Path));
    }
}
