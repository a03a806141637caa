using System.Text;
using System.Text.Json;

namespace Segue.Data.Checks;

/// <summary>What one slice holds for the checks that span slices: its pids, its names, and the
/// offenders of the rules a slice answers alone.</summary>
internal sealed record SliceCheckResult(MpdSliceSource Slice, RuleTallies Tallies, List<int> Pids,
    SliceNames Tracks, SliceNames Albums, SliceNames Artists, string? Md5)
{
    /// <summary>Each playlist's pid in slice order (-1 when unreadable), to say where an occurrence is.</summary>
    public List<int> PlaylistPids { get; } = [];

    /// <summary>An occurrence's place (<see cref="MpdSliceCheck.At"/>) in words.</summary>
    public string Where(long at)
    {
        int playlist = (int)(at >> 16), track = (int)(at & 0xFFFF);
        int pid = playlist < PlaylistPids.Count ? PlaylistPids[playlist] : -1;
        return $"{Path.GetFileName(Slice.Name)}: {(pid >= 0 ? $"pid {pid}" : $"playlist #{playlist}")}, track {track}";
    }
}

/// <summary>
/// Checks one MPD slice against check.py's rules with <see cref="Utf8JsonReader"/>: no document is
/// built and no string made but for an offender's message. Every playlist is read whole whatever
/// it breaks, so every offender is counted (check.py counts each); a slice that is not JSON is one
/// offender of <c>json</c>, the rest of it unread. One checker per thread.
/// </summary>
internal sealed class MpdSliceCheck
{
    private static readonly JsonReaderOptions Options = new() { MaxDepth = 16 };
    private static ReadOnlySpan<byte> ByteOrderMark => [0xEF, 0xBB, 0xBF];
    private static readonly byte[][] PlaylistKeys = Keys("name", "collaborative", "pid", "modified_at", "num_tracks", "num_albums",
        "num_artists", "num_followers", "num_edits", "duration_ms", "tracks", "description");
    private static readonly byte[][] TrackKeys = Keys("pos", "artist_name", "artist_uri", "album_uri", "album_name", "track_uri", "track_name", "duration_ms");
    private static readonly byte[][] InfoKeys = Keys("generated_on", "slice", "version");
    private const int Tracks = 10, Description = 11, RequiredPlaylistKeys = (1 << 11) - 1, TrackStrings = 0b0111_1110;

    private static byte[][] Keys(params string[] keys) => [.. keys.Select(Encoding.UTF8.GetBytes)];

    private string _name = "";
    private RuleTallies _tallies = null!;
    private SliceCheckResult _result = null!;
    // Where the reader is, for messages: the playlist (its number in the slice, its pid once read) and the track.
    private int _playlist, _pid, _track;
    private bool _pidKnown;
    // The track strings of the track being read, unescaped: artist_name, artist_uri, album_uri, album_name, track_uri, track_name.
    private readonly byte[][] _strings = [.. Enumerable.Range(0, 6).Select(_ => new byte[256])];
    private readonly int[] _lengths = new int[6];
    private int[] _albumStamp = new int[1 << 12], _artistStamp = new int[1 << 12];
    private readonly List<(CheckRule Rule, string Problem, int Track)> _deferred = [];

    /// <summary>Track <paramref name="track"/> of playlist <paramref name="playlist"/> of the slice, as one number.</summary>
    public static long At(int playlist, int track) => (long)playlist << 16 | (uint)Math.Min(track, 0xFFFF);

    /// <param name="names">Names for the slice's tracks, albums and artists (emptied here), or null for new ones.</param>
    public SliceCheckResult Check(MpdSliceSource slice, ReadOnlySpan<byte> json, string? md5, SliceNames[]? names = null)
    {
        _name = Path.GetFileName(slice.Name);
        _tallies = new RuleTallies();
        names = names is null ? [new SliceNames(1 << 16), new SliceNames(1 << 15), new SliceNames(1 << 14)] : [.. names.Select(n => n.Clear())];
        _result = new SliceCheckResult(slice, _tallies, [], names[0], names[1], names[2], md5);
        _playlist = -1;
        _track = -1;
        _pidKnown = false;
        _deferred.Clear();
        if (_albumStamp.Length > 0) Array.Clear(_albumStamp);
        if (_artistStamp.Length > 0) Array.Clear(_artistStamp);
        var body = json.StartsWith(ByteOrderMark) ? json[ByteOrderMark.Length..] : json;
        var reader = new Utf8JsonReader(body, Options);
        try
        {
            CheckRoot(ref reader);
        }
        catch (JsonException e)
        {
            Offend(CheckRules.Json, $"invalid JSON at line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}: {JsonError(e)}");
            FlushOffences();
        }
        return _result;
    }

    /// <summary>Where the reader is, in words.</summary>
    private string Where() =>
        (_playlist < 0 ? _name : _pidKnown ? $"{_name}: pid {_pid}" : $"{_name}: playlist #{_playlist}") + (_track >= 0 ? $", track {_track}" : "");

    private static string JsonError(JsonException e)
    {
        int cut = e.Message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (cut >= 0 ? e.Message[..cut] : e.Message).TrimEnd('.', ' ');
    }

    /// <summary>Counts an offender where the reader is. Within a playlist the count waits for the
    /// playlist's end, so that the message names its pid even when the pid comes after the fault.</summary>
    private void Offend(CheckRule rule, string problem)
    {
        if (_playlist >= 0) _deferred.Add((rule, problem, _track));
        else _tallies.Add(rule, () => $"{_name}: {problem}");
    }

    private void FlushOffences()
    {
        foreach (var (rule, problem, track) in _deferred)
        {
            _track = track;
            string where = Where();
            _tallies.Add(rule, () => $"{where}: {problem}");
        }
        _deferred.Clear();
        _track = -1;
    }

    private void CheckRoot(ref Utf8JsonReader reader)
    {
        _playlist = -1;
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            Offend(CheckRules.Json, "not a JSON object");
            return;
        }
        bool playlists = false, info = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("info"u8))
            {
                reader.Read();
                info = true;
                CheckInfo(ref reader);
            }
            else if (reader.ValueTextEquals("playlists"u8))
            {
                reader.Read();
                playlists = true;
                if (reader.TokenType != JsonTokenType.StartArray)
                {
                    Offend(CheckRules.Json, "'playlists' is not an array");
                    reader.Skip();
                    continue;
                }
                for (_playlist = 0; reader.Read() && reader.TokenType != JsonTokenType.EndArray; _playlist++)
                {
                    _pidKnown = false;
                    if (reader.TokenType == JsonTokenType.StartObject) CheckPlaylist(ref reader);
                    else
                    {
                        Offend(CheckRules.Json, "not an object");
                        reader.Skip();
                    }
                    _result.PlaylistPids.Add(_pidKnown ? _pid : -1);
                    FlushOffences();
                }
                _playlist = -1;
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }
        if (!playlists) Offend(CheckRules.Json, "no 'playlists' array");
        if (!info) Offend(CheckRules.Info, "no info");
    }

    private void CheckInfo(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            Offend(CheckRules.Info, "info is not an object");
            reader.Skip();
            return;
        }
        int seen = 0;
        while (NextKey(ref reader, InfoKeys, CheckRules.Info, "info field", ref seen) >= 0) reader.Skip();
        Missing(seen, (1 << InfoKeys.Length) - 1, InfoKeys, CheckRules.Info, "info field");
    }

    private void Missing(int seen, int required, byte[][] keys, CheckRule rule, string what)
    {
        if ((seen & required) == required) return;
        for (int k = 0; k < keys.Length; k++)
            if ((required & (1 << k)) != 0 && (seen & (1 << k)) == 0)
                Offend(rule, $"missing {what} '{Encoding.UTF8.GetString(keys[k])}'");
    }

    private void CheckPlaylist(ref Utf8JsonReader reader)
    {
        int seen = 0, tracks = 0, distinctAlbums = 0, distinctArtists = 0;
        long numTracks = -1, numAlbums = -1, numArtists = -1, followers = -1, edits = -1, modifiedAt = -1, duration = -1, sum = 0;
        bool named = false;
        _track = -1;
        for (int key; (key = NextKey(ref reader, PlaylistKeys, CheckRules.Fields, "field", ref seen)) >= 0;)
        {
            switch (key)
            {
                case 0: named = ExpectString(ref reader, "name") && reader.ValueSpan.Length > 0; break;
                case 1:
                    if (reader.TokenType != JsonTokenType.String || !(reader.ValueTextEquals("true"u8) || reader.ValueTextEquals("false"u8)))
                        WrongType(ref reader, "collaborative", "the string \"true\" or \"false\"", CheckRules.Fields);
                    break;
                case 2:
                    if (Integer(ref reader, "pid", CheckRules.Fields) is { } pid and >= 0 and <= int.MaxValue)
                    {
                        _pid = (int)pid;
                        _pidKnown = true;
                        _result.Pids.Add(_pid);
                    }
                    break;
                case 3: modifiedAt = Integer(ref reader, "modified_at", CheckRules.Fields) ?? -1; break;
                case 4: numTracks = Integer(ref reader, "num_tracks", CheckRules.Fields) ?? -1; break;
                case 5: numAlbums = Integer(ref reader, "num_albums", CheckRules.Fields) ?? -1; break;
                case 6: numArtists = Integer(ref reader, "num_artists", CheckRules.Fields) ?? -1; break;
                case 7: followers = Integer(ref reader, "num_followers", CheckRules.Fields) ?? -1; break;
                case 8: edits = Integer(ref reader, "num_edits", CheckRules.Fields) ?? -1; break;
                case 9: duration = Integer(ref reader, "duration_ms", CheckRules.Fields) ?? -1; break;
                case Tracks:
                    if (reader.TokenType != JsonTokenType.StartArray)
                    {
                        WrongType(ref reader, "tracks", "an array", CheckRules.Fields);
                        break;
                    }
                    for (_track = 0; reader.Read() && reader.TokenType != JsonTokenType.EndArray; _track++)
                    {
                        if (reader.TokenType == JsonTokenType.StartObject) CheckTrack(ref reader, ref sum, ref distinctAlbums, ref distinctArtists);
                        else
                        {
                            Offend(CheckRules.TrackFields, "not an object");
                            reader.Skip();
                        }
                    }
                    tracks = _track;
                    _track = -1;
                    break;
                case Description: ExpectString(ref reader, "description"); break;
            }
        }
        Missing(seen, RequiredPlaylistKeys, PlaylistKeys, CheckRules.Fields, "field");
        if (!named) Offend(CheckRules.Title, "no title");
        if (tracks < CheckRules.MinTracks || tracks > CheckRules.MaxTracks)
            Offend(tracks < CheckRules.MinTracks ? CheckRules.MinTracksRule : CheckRules.MaxTracksRule, $"{tracks} tracks");
        if (distinctArtists < CheckRules.MinArtists) Offend(CheckRules.MinArtistsRule, $"{distinctArtists} artists");
        if (distinctAlbums < CheckRules.MinAlbums) Offend(CheckRules.MinAlbumsRule, $"{distinctAlbums} albums");
        if (followers is >= 0 and < 1) Offend(CheckRules.Followers, $"{followers} followers");
        if (edits is >= 0 and < 1) Offend(CheckRules.Edits, $"{edits} edits");
        if (modifiedAt > CheckRules.LatestModifiedAt) Offend(CheckRules.ModifiedAt, PlaylistRules.ModifiedAt(modifiedAt));
        if (numTracks >= 0 && numTracks != tracks) Offend(CheckRules.Counts, $"num_tracks {numTracks}, but it has {tracks} tracks");
        if (numAlbums >= 0 && numAlbums != distinctAlbums) Offend(CheckRules.Counts, $"num_albums {numAlbums}, but its tracks have {distinctAlbums} albums");
        if (numArtists >= 0 && numArtists != distinctArtists) Offend(CheckRules.Counts, $"num_artists {numArtists}, but its tracks have {distinctArtists} artists");
        if (duration >= 0 && duration != sum) Offend(CheckRules.Duration, $"duration_ms {duration}, but its tracks' sum to {sum}");
    }

    private void CheckTrack(ref Utf8JsonReader reader, ref long sum, ref int distinctAlbums, ref int distinctArtists)
    {
        int seen = 0;
        for (int key; (key = NextKey(ref reader, TrackKeys, CheckRules.TrackFields, "field", ref seen)) >= 0;)
        {
            switch (key)
            {
                case 0:
                    if (Integer(ref reader, "pos", CheckRules.TrackFields) is { } pos && pos != _track) Offend(CheckRules.Positions, $"pos {pos}");
                    break;
                case 7: sum += Integer(ref reader, "duration_ms", CheckRules.TrackFields) ?? 0; break;
                default: _lengths[key - 1] = ReadString(ref reader, key); break;
            }
        }
        Missing(seen, (1 << TrackKeys.Length) - 1, TrackKeys, CheckRules.TrackFields, "field");
        if ((seen & TrackStrings) != TrackStrings) return;   // a name or URI missing: nothing to compare
        CheckUri(String(4), "spotify:track:"u8, "track_uri");
        CheckUri(String(2), "spotify:album:"u8, "album_uri");
        CheckUri(String(1), "spotify:artist:"u8, "artist_uri");
        long at = At(_playlist, _track);
        _result.Tracks.Add(String(4), String(5), at);
        int album = _result.Albums.Add(String(2), String(3), at);
        int artist = _result.Artists.Add(String(1), String(0), at);
        if (album >= _albumStamp.Length) Array.Resize(ref _albumStamp, 2 * album + 1);
        if (artist >= _artistStamp.Length) Array.Resize(ref _artistStamp, 2 * artist + 1);
        // Stamps are the playlist's number in the slice + 1, so a fresh array's zeros mean "not yet".
        if (_albumStamp[album] != _playlist + 1) { _albumStamp[album] = _playlist + 1; distinctAlbums++; }
        if (_artistStamp[artist] != _playlist + 1) { _artistStamp[artist] = _playlist + 1; distinctArtists++; }
    }

    private ReadOnlySpan<byte> String(int slot) => _strings[slot].AsSpan(0, _lengths[slot]);

    private void CheckUri(ReadOnlySpan<byte> uri, ReadOnlySpan<byte> prefix, string field)
    {
        if (uri.Length <= prefix.Length || !uri.StartsWith(prefix))
            Offend(CheckRules.Uris, $"{field} {PlaylistRules.Quote(Encoding.UTF8.GetString(uri))} is not a {Encoding.UTF8.GetString(prefix)} URI");
    }

    /// <summary>Copies track key <paramref name="key"/>'s string, unescaped, into its slot; a value
    /// of another type is an offender of <c>track-fields</c> and reads as empty.</summary>
    private int ReadString(ref Utf8JsonReader reader, int key)
    {
        int slot = key - 1;
        if (reader.TokenType != JsonTokenType.String)
        {
            WrongType(ref reader, Encoding.UTF8.GetString(TrackKeys[key]), "a string", CheckRules.TrackFields);
            return 0;
        }
        int room = reader.ValueSpan.Length;
        if (_strings[slot].Length < room) _strings[slot] = new byte[Math.Max(room, 2 * _strings[slot].Length)];
        if (!reader.ValueIsEscaped)
        {
            reader.ValueSpan.CopyTo(_strings[slot]);
            return room;
        }
        try
        {
            return reader.CopyString(_strings[slot]);
        }
        catch (InvalidOperationException)
        {
            Offend(CheckRules.TrackFields, $"field '{Encoding.UTF8.GetString(TrackKeys[key])}' is not valid UTF-8 text");
            return 0;
        }
    }

    private bool ExpectString(ref Utf8JsonReader reader, string field)
    {
        if (reader.TokenType == JsonTokenType.String) return true;
        WrongType(ref reader, field, "a string", CheckRules.Fields);
        return false;
    }

    private long? Integer(ref Utf8JsonReader reader, string field, CheckRule rule)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out long value)) return value;
        WrongType(ref reader, field, "an integer", rule);
        return null;
    }

    private void WrongType(ref Utf8JsonReader reader, string field, string expected, CheckRule rule)
    {
        string got = reader.TokenType switch
        {
            JsonTokenType.String => $"the string {PlaylistRules.Quote(reader.GetString()!)}",
            JsonTokenType.Number => $"the number {Encoding.UTF8.GetString(reader.ValueSpan)}",
            JsonTokenType.True or JsonTokenType.False => "a boolean",
            JsonTokenType.Null => "null",
            JsonTokenType.StartObject => "an object",
            JsonTokenType.StartArray => "an array",
            var t => t.ToString(),
        };
        Offend(rule, $"field '{field}' is {got}, not {expected}");
        reader.Skip();
    }

    /// <summary>Reads on to the next property of the object being read that is one of
    /// <paramref name="keys"/>, and to its value; a property of another name is counted as an extra
    /// <paramref name="what"/> of <paramref name="rule"/> and skipped. -1 at the object's end.</summary>
    private int NextKey(ref Utf8JsonReader reader, byte[][] keys, CheckRule rule, string what, ref int seen)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            int key = MpdSliceParser.KeyIndex(ref reader, keys);
            string? extra = key < 0 ? reader.GetString() : null;
            reader.Read();
            if (key >= 0)
            {
                seen |= 1 << key;
                return key;
            }
            reader.Skip();
            Offend(rule, $"extra {what} '{extra}'");
        }
        return -1;
    }
}
