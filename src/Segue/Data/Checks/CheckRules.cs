namespace Segue.Data.Checks;

/// <summary>The rules of the MPD's <c>check.py</c> (and its md5 sums), declared once, in the order
/// reports list them; <c>max-tracks</c> is the 250 that check.py declares but never tests.</summary>
public static class CheckRules
{
    public const int Playlists = 1_000_000, MinTracks = 5, MaxTracks = 250, MinArtists = 3, MinAlbums = 2;
    /// <summary>2017-11-01 00:00 UTC in Unix seconds, the MPD's latest modification. (check.py compares
    /// <c>modified_at</c>, in seconds, with this in milliseconds, so its own test never fails.)</summary>
    public const long LatestModifiedAt = 1_509_494_400;
    /// <summary>How many slices <c>--quick</c> reads, as check.py's quick mode.</summary>
    public const int QuickSlices = 10;

    public static readonly CheckRule Json = new("json", "each slice is a JSON document with a 'playlists' array", CheckScope.Folder, false);
    public static readonly CheckRule Info = new("info", "each slice's info has generated_on, slice and version, and nothing else", CheckScope.Folder, true);
    public static readonly CheckRule Md5 = new("md5", "each slice's md5 sum is the one the md5sums file lists", CheckScope.Folder, true, Whole: true);
    public static readonly CheckRule Pids = new("pids", "1,000,000 playlists, pids 0 to 999,999", CheckScope.Both, true, Whole: true);
    public static readonly CheckRule UniquePid = new("unique-pid", "no pid twice", CheckScope.Both, false);
    public static readonly CheckRule Fields = new("fields", "a playlist's fields are name, collaborative, pid, modified_at, num_tracks, num_albums, num_artists, num_followers, num_edits, duration_ms, tracks (and optionally description), of their types", CheckScope.Folder, true);
    public static readonly CheckRule TrackFields = new("track-fields", "a track's fields are pos, artist_name, artist_uri, album_uri, album_name, track_uri, track_name, duration_ms, of their types", CheckScope.Folder, true);
    public static readonly CheckRule Title = new("title", "a playlist has a title", CheckScope.Both, true);
    public static readonly CheckRule MinTracksRule = new("min-tracks", $"a playlist has at least {MinTracks} tracks", CheckScope.Both, true);
    public static readonly CheckRule MaxTracksRule = new("max-tracks", $"a playlist has at most {MaxTracks} tracks", CheckScope.Both, true);
    public static readonly CheckRule MinArtistsRule = new("min-artists", $"a playlist has at least {MinArtists} artists", CheckScope.Both, true);
    public static readonly CheckRule MinAlbumsRule = new("min-albums", $"a playlist has at least {MinAlbums} albums", CheckScope.Both, true);
    public static readonly CheckRule Followers = new("followers", "a playlist has at least 1 follower", CheckScope.Both, true);
    public static readonly CheckRule Edits = new("edits", "a playlist has at least 1 edit", CheckScope.Both, true);
    public static readonly CheckRule ModifiedAt = new("modified-at", "a playlist was modified on or before 2017-11-01", CheckScope.Both, true);
    public static readonly CheckRule Positions = new("positions", "a playlist's tracks are at positions 0, 1, 2, ...", CheckScope.Folder, false);
    public static readonly CheckRule Counts = new("counts", "num_tracks, num_albums and num_artists are those of the tracks", CheckScope.Folder, true);
    public static readonly CheckRule Duration = new("duration", "a playlist's duration_ms is the sum of its tracks'", CheckScope.Folder, true);
    public static readonly CheckRule Names = new("names", "a track, album or artist URI has one name", CheckScope.Folder, false);
    public static readonly CheckRule Uris = new("uris", "track, album and artist URIs are spotify:track:, spotify:album: and spotify:artist: URIs", CheckScope.Both, true);

    public static readonly IReadOnlyList<CheckRule> All =
        [Json, Info, Md5, Pids, UniquePid, Fields, TrackFields, Title, MinTracksRule, MaxTracksRule, MinArtistsRule, MinAlbumsRule,
         Followers, Edits, ModifiedAt, Positions, Counts, Duration, Names, Uris];

    public static int IndexOf(CheckRule rule) => IndexOfRule[rule];

    private static readonly Dictionary<CheckRule, int> IndexOfRule = All.Select((r, i) => (r, i)).ToDictionary(p => p.r, p => p.i);
}
