namespace Segue.Data;

/// <summary>
/// A dataset's playlists as the MPD writes them: <c>{"playlists": [...]}</c>, a slice without its
/// info (<see cref="MpdJsonWriter"/>), so a playlist ingested from a slice is written as the slice
/// had it. The counts and the duration are the tracks'; a description is written when the
/// playlist has one.
/// </summary>
public static class PlaylistsJson
{
    public static void Write(Stream stream, Dataset dataset, IReadOnlyList<int> playlists) =>
        new MpdJsonWriter(new DatasetTracks(dataset)).WritePlaylists(stream, [.. playlists.Select(p => DatasetTracks.Playlist(dataset, p))]);
}
