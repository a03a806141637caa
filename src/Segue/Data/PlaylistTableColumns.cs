namespace Segue.Data;

/// <summary>A column of a playlist table: its name in the header (or one of its aliases, the
/// MPD's own key among them), whether a table must have it, and what it holds.</summary>
public sealed record PlaylistTableColumn(string Name, IReadOnlyList<string> Aliases, bool Required, string Holds);

/// <summary>
/// The columns of a playlist table, one row per playlist track: declared once, for the reader,
/// the writer of tables and their documentation. Header names match case-insensitively; columns
/// not named here are ignored (and said to be).
/// </summary>
public static class PlaylistTableColumns
{
    public static readonly PlaylistTableColumn Pid = new("pid", ["playlist_id"], true,
        "the playlist's number, a non-negative integer below 2^31 (its rows together, one after another)");
    public static readonly PlaylistTableColumn Pos = new("pos", ["position"], true, "the track's position in the playlist: 0, 1, 2, ...");
    public static readonly PlaylistTableColumn Title = new("title", ["name", "playlist_name"], true, "the playlist's title (the same on each of its rows)");
    public static readonly PlaylistTableColumn TrackId = new("track_id", ["track_uri"], true, "the track's id: any text, not empty");
    public static readonly PlaylistTableColumn TrackName = new("track_name", [], true, "the track's name");
    public static readonly PlaylistTableColumn ArtistId = new("artist_id", ["artist_uri"], true, "the artist's id: any text, not empty");
    public static readonly PlaylistTableColumn ArtistName = new("artist_name", [], true, "the artist's name");
    public static readonly PlaylistTableColumn AlbumId = new("album_id", ["album_uri"], true, "the album's id: any text, not empty");
    public static readonly PlaylistTableColumn AlbumName = new("album_name", [], true, "the album's name");
    public static readonly PlaylistTableColumn DurationMs = new("duration_ms", ["duration"], true, "the track's duration in milliseconds");
    public static readonly PlaylistTableColumn Description = new("description", [], false, "the playlist's description (default: none)");
    public static readonly PlaylistTableColumn Followers = new("followers", ["num_followers"], false, "the playlist's followers (default 0)");
    public static readonly PlaylistTableColumn ModifiedAt = new("modified_at", [], false, "when the playlist was last changed, in Unix seconds (default 0)");
    public static readonly PlaylistTableColumn Edits = new("edits", ["num_edits"], false, "the playlist's editing sessions (default 0)");
    public static readonly PlaylistTableColumn Collaborative = new("collaborative", [], false, "true or false (default false)");

    /// <summary>Every column, in the order a table written by Segue has them.</summary>
    public static readonly IReadOnlyList<PlaylistTableColumn> All =
        [Pid, Pos, Title, TrackId, TrackName, ArtistId, ArtistName, AlbumId, AlbumName, DurationMs,
         Description, Followers, ModifiedAt, Edits, Collaborative];

    /// <summary>The column <paramref name="name"/> (trimmed, any case) stands for, or null.</summary>
    public static PlaylistTableColumn? Named(string name)
    {
        name = name.Trim();
        return All.FirstOrDefault(c => c.Name.Equals(name, StringComparison.OrdinalIgnoreCase)
            || c.Aliases.Any(a => a.Equals(name, StringComparison.OrdinalIgnoreCase)));
    }
}
