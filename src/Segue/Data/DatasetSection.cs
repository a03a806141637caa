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
}
