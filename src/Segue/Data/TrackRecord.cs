namespace Segue.Data;

/// <summary>One track occurrence as a playlist lists it (the MPD's TRACK object, less its position).</summary>
public readonly record struct TrackRecord(string TrackUri, string AlbumUri, string ArtistUri,
    string TrackName, string AlbumName, string ArtistName, int DurationMs);
