namespace Segue.Data.Synth;

/// <summary>
/// The figures the real MPD publishes about itself, measured on generated playlists, to check
/// the generator's calibration. Track "frequency" counts the playlists a track occurs in. The
/// order figures: adjacent tracks sharing an album or an artist, and, for every track from the
/// <see cref="OrderFrom"/>-th position on, whether its artist is that of one of the three tracks
/// before it (recent) or of one of the playlist's first three (opening).
/// </summary>
public sealed record SynthCensus(
    int Playlists,
    long Occurrences,
    int UniqueTracks,
    int UniqueAlbums,
    int UniqueArtists,
    int TopTrackPlaylists,
    int TracksInOnePlaylist,
    double MeanLength,
    int MedianLength,
    int MinLength,
    int MaxLength,
    long AdjacentPairs,
    long SameAlbumPairs,
    long SameArtistPairs,
    long OrderCases,
    long RecentArtistCases,
    long OpeningArtistCases)
{
    /// <summary>The first position (0-based) the order cases count: far enough from the opening tracks.</summary>
    public const int OrderFrom = 21;

    public double TopTrackShare => (double)TopTrackPlaylists / Playlists;
    public double OnePlaylistShare => (double)TracksInOnePlaylist / UniqueTracks;
    public double SameAlbumShare => (double)SameAlbumPairs / AdjacentPairs;
    public double SameArtistShare => (double)SameArtistPairs / AdjacentPairs;
    public double RecentArtistShare => (double)RecentArtistCases / OrderCases;
    public double OpeningArtistShare => (double)OpeningArtistCases / OrderCases;
}
