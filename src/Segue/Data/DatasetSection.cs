namespace Segue.Data;

/// <summary>The sections of a dataset file (<see cref="IO.SectionFile"/>); ids never change
/// meaning, new ones are added with a format version bump.</summary>
internal static class DatasetSection
{
    public static ReadOnlySpan<byte> Magic => "SEGUEDS\0"u8;
    public const int Version = 1;

    public const uint Meta = 1;                          // UTF-8 JSON: slices, split
    // Each vocabulary: UTF-8 bytes, long offsets (count + 1), hash index slots.
    public const uint TrackUris = 10, AlbumUris = 13, ArtistUris = 16;
    // Each name list: UTF-8 bytes, long offsets (count + 1).
    public const uint TrackNames = 20, AlbumNames = 22, ArtistNames = 24, PlaylistNames = 26, Descriptions = 28;
    public const uint TrackAlbums = 30, TrackArtists = 31, TrackDurations = 32;
    public const uint PlaylistOffsets = 40, PlaylistTracks = 41, Pids = 42, PlaylistSlices = 43,
        ModifiedAt = 44, Followers = 45, Edits = 46, Collaborative = 47;
    public const uint TrainPlaylists = 50, TestPlaylists = 51;

    public const uint OffsetsPart = 1, IndexPart = 2;

    private static readonly Dictionary<uint, string> Names = NameSections();

    /// <summary>The section's name in messages about a damaged file.</summary>
    public static string Name(uint id) => Names.GetValueOrDefault(id, $"unknown section {id}");

    private static Dictionary<uint, string> NameSections()
    {
        var names = new Dictionary<uint, string>
        {
            [Meta] = "meta", [TrackAlbums] = "track_albums", [TrackArtists] = "track_artists",
            [TrackDurations] = "track_durations", [PlaylistOffsets] = "playlist_offsets",
            [PlaylistTracks] = "playlist_tracks", [Pids] = "pids", [PlaylistSlices] = "playlist_slices",
            [ModifiedAt] = "modified_at", [Followers] = "followers", [Edits] = "edits",
            [Collaborative] = "collaborative", [TrainPlaylists] = "train_playlists", [TestPlaylists] = "test_playlists",
        };
        foreach (var (id, name) in (ReadOnlySpan<(uint, string)>)[(TrackUris, "track_uris"), (AlbumUris, "album_uris"),
            (ArtistUris, "artist_uris"), (TrackNames, "track_names"), (AlbumNames, "album_names"),
            (ArtistNames, "artist_names"), (PlaylistNames, "playlist_names"), (Descriptions, "descriptions")])
        {
            names[id] = name;
            names[id + OffsetsPart] = name + "_offsets";
            if (id is TrackUris or AlbumUris or ArtistUris) names[id + IndexPart] = name + "_index";
        }
        return names;
    }
}
