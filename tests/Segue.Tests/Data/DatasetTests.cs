using Segue.Data;

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
    public void Damage_inside_a_section_is_caught_by_verify()
    {
        using var dir = new TempDir();
        string path = BuildSmall(dir);
        var bytes = File.ReadAllBytes(path);
        bytes[^1] ^= 0xFF;   // the last section is padded: flip a byte of real data instead
        int lastData = Array.FindLastIndex(bytes, b => b != 0 && b != 0xFF);
        bytes[^1] ^= 0xFF;
        bytes[lastData] ^= 0x01;
        File.WriteAllBytes(path, bytes);
        using var ds = Dataset.Open(path);
        var e = Assert.Throws<SegueException>(ds.Verify);
        Assert.StartsWith($"{path}: damaged file (checksum mismatch in section", e.Message);
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
