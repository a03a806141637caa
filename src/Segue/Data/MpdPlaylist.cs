namespace Segue.Data;

/// <summary>One playlist as the MPD's files give it: the fields of a PLAYLIST, with tracks as ids
/// of a catalogue (<see cref="IMpdTracks"/>).</summary>
internal sealed class MpdPlaylist
{
    public required int Pid { get; init; }
    public required string Name { get; init; }
    public string? Description { get; init; }
    public bool Collaborative { get; init; }
    public long ModifiedAt { get; init; }
    public int NumFollowers { get; init; }
    public int NumEdits { get; init; }
    /// <summary>Catalogue track ids in playlist order (a track may repeat, rarely).</summary>
    public required int[] Tracks { get; init; }
    public int NumAlbums { get; init; }
    public int NumArtists { get; init; }
    public long DurationMs { get; init; }
}
