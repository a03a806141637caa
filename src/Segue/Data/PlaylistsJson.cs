using Segue.Data.Synth;

namespace Segue.Data;

/// <summary>
/// A dataset's playlists as the MPD writes them: <c>{"playlists": [...]}</c>, a slice without its
/// info, each playlist and track laid out by <see cref="MpdLayout"/> (Python's <c>json.dumps(indent=4)</c>),
/// so a playlist ingested from a slice is written as the slice had it. The counts and the duration
/// are the tracks'; a description is written when the playlist has one.
/// </summary>
public static class PlaylistsJson
{
    public static void Write(Stream stream, Dataset dataset, IReadOnlyList<int> playlists)
    {
        using var writer = new PythonJsonWriter(stream);
        writer.WriteStartObject();
        writer.WriteStartArray("playlists"u8);
        foreach (int p in playlists)
        {
            var tracks = dataset.PlaylistTracks(p).ToArray();
            string description = dataset.PlaylistDescription(p);
            MpdLayout.WritePlaylist(writer, new MpdLayout.Playlist(dataset.PlaylistName(p), dataset.IsCollaborative(p), dataset.Pids[p],
                    dataset.ModifiedAt[p], tracks.Length, tracks.Select(t => dataset.TrackAlbums[t]).Distinct().Count(), dataset.Followers[p],
                    dataset.Edits[p], tracks.Sum(t => (long)dataset.TrackDurationsMs[t]), tracks.Select(t => dataset.TrackArtists[t]).Distinct().Count(),
                    description.Length > 0 ? description : null), tracks,
                (w, list) =>
                {
                    var u = System.Text.Encoding.UTF8;
                    for (int pos = 0; pos < list.Length; pos++)
                    {
                        int t = list[pos], album = dataset.TrackAlbums[t], artist = dataset.TrackArtists[t];
                        MpdLayout.WriteTrack(w, pos, u.GetBytes(dataset.ArtistName(artist)), u.GetBytes(dataset.TrackUri(t)), u.GetBytes(dataset.ArtistUri(artist)),
                            u.GetBytes(dataset.TrackName(t)), u.GetBytes(dataset.AlbumUri(album)), dataset.TrackDurationsMs[t], u.GetBytes(dataset.AlbumName(album)));
                    }
                });
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.Flush();
    }
}
