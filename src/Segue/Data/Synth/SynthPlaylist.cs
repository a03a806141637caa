namespace Segue.Data.Synth;

/// <summary>One generated playlist: the fields of an MPD PLAYLIST, with tracks as catalogue ids.</summary>
internal sealed class SynthPlaylist
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
