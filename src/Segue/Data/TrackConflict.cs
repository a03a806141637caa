using System.Text;

namespace Segue.Data;

/// <summary>
/// A track URI met again with another album or artist than at its first occurrence. In the MPD a
/// track has one album and one artist, and the dataset stores one of each per track, so a second
/// one is an error (or, with <c>--skip-invalid</c>, counted and the first kept).
/// </summary>
internal static class TrackConflict
{
    /// <summary>The field that differs and the problem, or null when both agree.</summary>
    public static (string Field, string Problem)? Find(ReadOnlySpan<byte> track,
        ReadOnlySpan<byte> firstAlbum, ReadOnlySpan<byte> album, ReadOnlySpan<byte> firstArtist, ReadOnlySpan<byte> artist, string earlier)
    {
        if (album.SequenceEqual(firstAlbum) && artist.SequenceEqual(firstArtist)) return null;
        var u = Encoding.UTF8;
        return album.SequenceEqual(firstAlbum)
            ? ("artist_uri", $"{u.GetString(track)} has {u.GetString(artist)} here but {u.GetString(firstArtist)} in {earlier}")
            : ("album_uri", $"{u.GetString(track)} has {u.GetString(album)} here but {u.GetString(firstAlbum)} in {earlier}");
    }
}
