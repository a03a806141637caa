namespace Segue.Data;

/// <summary>A catalogue's tracks as the MPD's files give them, for <see cref="MpdJsonWriter"/>:
/// each text field as UTF-8, either written into the caller's buffer (names made up on demand)
/// or read in place (a dataset's), and the duration.</summary>
internal interface IMpdTracks
{
    /// <summary>The longest text field, in bytes, that a caller's buffer must hold.</summary>
    int MaxFieldBytes { get; }
    ReadOnlySpan<byte> Text(MpdTrackField field, int track, Span<byte> buffer);
    int DurationMs(int track);
}

/// <summary>The text fields of an MPD TRACK.</summary>
internal enum MpdTrackField { TrackUri, TrackName, AlbumUri, AlbumName, ArtistUri, ArtistName }
