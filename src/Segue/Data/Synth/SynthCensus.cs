namespace Segue.Data.Synth;

/// <summary>
/// The figures the real MPD publishes about itself, measured on generated playlists, to check
/// the generator's calibration. Track "frequency" counts the playlists a track occurs in.
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
    int MaxLength)
{
    public double TopTrackShare => (double)TopTrackPlaylists / Playlists;
    public double OnePlaylistShare => (double)TracksInOnePlaylist / UniqueTracks;
}
