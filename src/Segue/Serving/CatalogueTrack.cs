using Segue.Data;

namespace Segue.Serving;

/// <summary>A track's catalogue entry, with the number of training playlists it is in.</summary>
public sealed record CatalogueTrack(string Uri, string Name, string ArtistUri, string Artist, string AlbumUri, string Album,
    int DurationMs, int Playlists)
{
    public static CatalogueTrack From(Dataset dataset, int track, int playlists)
    {
        int artist = dataset.TrackArtists[track], album = dataset.TrackAlbums[track];
        return new CatalogueTrack(dataset.TrackUri(track), dataset.TrackName(track), dataset.ArtistUri(artist), dataset.ArtistName(artist),
            dataset.AlbumUri(album), dataset.AlbumName(album), dataset.TrackDurationsMs[track], playlists);
    }
}
