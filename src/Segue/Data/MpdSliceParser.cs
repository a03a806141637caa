using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace Segue.Data;

/// <summary>
/// Parses one MPD slice (<c>{"info": ..., "playlists": [...]}</c>) with
/// <see cref="Utf8JsonReader"/>: no document is built, URIs and names are copied straight from
/// the JSON bytes into the slice's vocabularies. Every problem is reported as one line naming
/// the slice, the playlist (pid, or position and byte offset before the pid is read) and the
/// field; with <c>skipInvalid</c> the bad playlist is dropped and counted instead, and a syntax
/// error (a truncated download, say) drops the rest of the slice. One parser per thread: it
/// keeps scratch buffers between slices.
/// </summary>
public sealed class MpdSliceParser
{
    private const int StringFields = 6;
    private static ReadOnlySpan<byte> TrackPrefix => "spotify:track:"u8;
    private static ReadOnlySpan<byte> AlbumPrefix => "spotify:album:"u8;
    private static ReadOnlySpan<byte> ArtistPrefix => "spotify:artist:"u8;
    private static ReadOnlySpan<byte> ByteOrderMark => [0xEF, 0xBB, 0xBF];
    private static ReadOnlySpan<byte> Whitespace => " \t\r\n"u8;
    private static readonly JsonReaderOptions Options = new() { MaxDepth = 16 };

    // The required keys of a playlist, in the order the real files have them.
    private static readonly string[] PlaylistKeys =
        ["name", "collaborative", "pid", "modified_at", "num_tracks", "num_albums", "num_artists",
         "num_followers", "tracks", "num_edits", "duration_ms"];
    private static readonly string[] TrackKeys =
        ["pos", "artist_name", "track_uri", "artist_uri", "track_name", "album_uri", "duration_ms", "album_name"];
    private static readonly byte[][] PlaylistKeysUtf8 = [.. PlaylistKeys.Select(Encoding.UTF8.GetBytes)];
    private static readonly byte[][] TrackKeysUtf8 = [.. TrackKeys.Select(Encoding.UTF8.GetBytes)];

    private byte[] _scratch = new byte[1 << 12];
    private int _scratchUsed;
    private readonly (int Start, int Length)[] _trackStrings = new (int, int)[StringFields];
    private (int Start, int Length) _name, _description;

    private ParsedSlice _slice = null!;
    private string _source = "";
    private InvalidRecords? _invalid;
    // Bytes before the JSON (a byte order mark): offsets in messages are the file's.
    private int _start;
    // The playlist being parsed (or, between playlists, the last one parsed), for messages.
    private int _playlistIndex;
    private bool _inPlaylist;
    private long _playlistOffset;
    private int _pid;
    private bool _pidKnown;
    private int _trackIndex;
    // The first problem found in the current playlist; parsing goes on to the end of the
    // playlist's object so that, when skipping, the next playlist starts in the right place.
    private InvalidReason _reason;
    private string? _field;
    private string? _problem;
    private int _problemTrack;

    /// <summary>Parses <paramref name="json"/>, the bytes of slice <paramref name="source"/>.
    /// With <paramref name="invalid"/> null any problem throws; otherwise bad playlists are
    /// dropped and counted there.</summary>
    public ParsedSlice Parse(string source, ReadOnlySpan<byte> json, InvalidRecords? invalid)
    {
        _slice = new ParsedSlice(source);
        _source = source;
        _invalid = invalid;
        _playlistIndex = -1;
        _inPlaylist = false;
        // RFC 8259 lets a parser ignore a byte order mark; every JSON file Segue reads does.
        _start = json.StartsWith(ByteOrderMark) ? ByteOrderMark.Length : 0;
        var body = json[_start..];
        var reader = new Utf8JsonReader(body, Options);
        try
        {
            ParseRoot(ref reader);
            int extra = body[(int)reader.BytesConsumed..].IndexOfAnyExcept(Whitespace);
            if (extra >= 0) Reject($"{source}: more content after the end of the JSON document at byte {_start + reader.BytesConsumed + extra}");
        }
        catch (JsonException e)
        {
            string where = _playlistIndex < 0 ? "" : $" {(_inPlaylist ? "in" : "after")} {PlaylistName()}";
            long column = e.BytePositionInLine.GetValueOrDefault() + 1 + (e.LineNumber == 0 ? _start : 0);
            Reject(IsTruncated(body)
                ? $"{source}: truncated: the file ends at byte {json.Length}{where}"
                : $"{source}: invalid JSON at line {e.LineNumber + 1}, byte {column}{where}: {Reason(e)}", e);
            _slice.DiscardOpenPlaylist();
        }
        return _slice;
    }

    /// <summary>Whether <paramref name="json"/> is the start of a JSON document that was cut
    /// short: a reader told that more may follow runs out of bytes without finding an error.</summary>
    private static bool IsTruncated(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, isFinalBlock: false, new JsonReaderState(Options));
        try
        {
            while (reader.Read()) { }
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>The rest of the slice is unreadable: an error, or with skipping, counted.</summary>
    private void Reject(string message, Exception? inner = null)
    {
        if (_invalid is null) throw inner is null ? new SegueException(message) : new SegueException(message, inner);
        _invalid.Add(InvalidReason.InvalidJson, message);
    }

    private static string Reason(JsonException e)
    {
        string m = e.Message;
        int cut = m.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (cut >= 0 ? m[..cut] : m).TrimEnd('.', ' ');
    }

    private void ParseRoot(ref Utf8JsonReader reader)
    {
        if (!reader.Read()) throw new SegueException($"{_source}: truncated: the file is empty");
        if (reader.TokenType != JsonTokenType.StartObject)
            throw new SegueException($"{_source}: expected a JSON object with a 'playlists' array at byte 0, got {Describe(ref reader)}");
        bool sawPlaylists = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            bool isPlaylists = reader.ValueTextEquals("playlists"u8);
            reader.Read();
            if (!isPlaylists) { reader.Skip(); continue; }
            if (reader.TokenType != JsonTokenType.StartArray)
                throw new SegueException($"{_source}: field 'playlists': expected an array, got {Describe(ref reader)}");
            sawPlaylists = true;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                _playlistIndex++;
                _playlistOffset = _start + reader.TokenStartIndex;
                if (reader.TokenType != JsonTokenType.StartObject)
                    throw new SegueException($"{_source}: playlist #{_playlistIndex} (byte {_playlistOffset}): expected an object, got {Describe(ref reader)}");
                ParsePlaylist(ref reader);
            }
        }
        if (!sawPlaylists) throw new SegueException($"{_source}: missing key 'playlists'");
    }

    private void ParsePlaylist(ref Utf8JsonReader reader)
    {
        _inPlaylist = true;
        _pidKnown = false;
        _problem = null;
        _trackIndex = -1;
        _scratchUsed = 0;
        _name = _description = default;
        int seen = 0, numTracks = 0, tracks = 0, modifiedAt = 0, followers = 0, edits = 0;
        bool collaborative = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            int key = KeyIndex(ref reader, PlaylistKeysUtf8);
            bool isDescription = key < 0 && reader.ValueTextEquals("description"u8);
            reader.Read();
            if (key >= 0) seen |= 1 << key;
            switch (key)
            {
                case 0: _name = ReadString(ref reader, "name"); break;
                case 1: collaborative = ReadCollaborative(ref reader); break;
                case 2: _pidKnown = ReadInt(ref reader, "pid", out _pid); break;
                case 3: ReadInt(ref reader, "modified_at", out modifiedAt); break;
                case 4: ReadInt(ref reader, "num_tracks", out numTracks); break;
                case 7: ReadInt(ref reader, "num_followers", out followers); break;
                case 8: tracks = ParseTracks(ref reader); break;
                case 9: ReadInt(ref reader, "num_edits", out edits); break;
                case 5 or 6 or 10: ReadInt(ref reader, PlaylistKeys[key], out _); break;
                default:
                    if (isDescription) _description = ReadString(ref reader, "description");
                    else reader.Skip();   // keys this version does not know are ignored
                    break;
            }
        }
        for (int k = 0; k < PlaylistKeys.Length; k++)
            if ((seen & (1 << k)) == 0) Fail(InvalidReason.MissingKey, PlaylistKeys[k], "missing");
        if ((seen & (1 << 4 | 1 << 8)) == (1 << 4 | 1 << 8) && numTracks != tracks)
            Fail(InvalidReason.TrackCountMismatch, "num_tracks", $"says {numTracks}, but 'tracks' holds {tracks}");
        _inPlaylist = false;
        if (_problem is null)
        {
            _slice.EndPlaylist(_pid, Scratch(_name), Scratch(_description), modifiedAt, followers, edits, collaborative);
            return;
        }
        _slice.DiscardOpenPlaylist();
        string message = Message(_problemTrack, _field!, _problem);
        if (_invalid is null) throw new SegueException(message);
        _invalid.Add(_reason, message);
    }

    private string Message(int track, string field, string problem) =>
        $"{_source}: {PlaylistName()}{(track >= 0 ? $", track {track}" : "")}: field '{field}': {problem}";

    private int ParseTracks(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            Fail(InvalidReason.WrongType, "tracks", $"expected an array, got {Describe(ref reader)}");
            reader.Skip();
            return -1;
        }
        _trackIndex = 0;
        for (; reader.Read() && reader.TokenType != JsonTokenType.EndArray; _trackIndex++)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                Fail(InvalidReason.WrongType, "tracks", $"expected an object, got {Describe(ref reader)}");
                reader.Skip();
                continue;
            }
            ParseTrack(ref reader);
        }
        int count = _trackIndex;
        _trackIndex = -1;
        return count;
    }

    private void ParseTrack(ref Utf8JsonReader reader)
    {
        int seen = 0, pos = -1, duration = 0, mark = _scratchUsed;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            int key = KeyIndex(ref reader, TrackKeysUtf8);
            reader.Read();
            if (key < 0) { reader.Skip(); continue; }
            seen |= 1 << key;
            switch (key)
            {
                case 0: ReadInt(ref reader, "pos", out pos); break;
                case 6: ReadInt(ref reader, "duration_ms", out duration); break;
                default: _trackStrings[StringSlot(key)] = ReadString(ref reader, TrackKeys[key]); break;
            }
        }
        for (int k = 0; k < TrackKeys.Length; k++)
            if ((seen & (1 << k)) == 0) Fail(InvalidReason.MissingKey, TrackKeys[k], "missing");
        if ((seen & 1) != 0 && pos != _trackIndex)
            Fail(InvalidReason.BadPosition, "pos", $"is {pos}, expected {_trackIndex}");
        if (_problem is null)
        {
            var trackUri = Scratch(_trackStrings[StringSlot(2)]);
            var albumUri = Scratch(_trackStrings[StringSlot(5)]);
            var artistUri = Scratch(_trackStrings[StringSlot(3)]);
            if (CheckUri(trackUri, TrackPrefix, "track_uri") & CheckUri(albumUri, AlbumPrefix, "album_uri")
                & CheckUri(artistUri, ArtistPrefix, "artist_uri"))
            {
                int track = _slice.AddTrack(trackUri, albumUri, artistUri, Scratch(_trackStrings[StringSlot(4)]),
                    Scratch(_trackStrings[StringSlot(7)]), Scratch(_trackStrings[StringSlot(1)]), duration, out bool added);
                if (!added && TrackConflict.Find(trackUri, _slice.AlbumOf(track), albumUri, _slice.ArtistOf(track), artistUri,
                        "an earlier track of this slice") is var (field, problem))
                {
                    if (_invalid is null) Fail(InvalidReason.ConflictingTrack, field, problem);
                    else _invalid.Add(InvalidReason.ConflictingTrack, Message(_trackIndex, field, problem));
                }
            }
        }
        _scratchUsed = mark;   // the track's strings are copied into the slice by now
    }

    // Track keys 1..5 and 7 are strings; they share six scratch slots.
    private static int StringSlot(int key) => key == 7 ? 0 : key;

    private bool CheckUri(ReadOnlySpan<byte> uri, ReadOnlySpan<byte> prefix, string field)
    {
        if (uri.StartsWith(prefix) && uri.Length > prefix.Length) return true;
        Fail(InvalidReason.BadUri, field, $"expected a {Encoding.UTF8.GetString(prefix)} URI, got \"{Encoding.UTF8.GetString(uri)}\"");
        return false;
    }

    /// <summary>Which of <paramref name="keys"/> the current property name is, or -1. Compares raw
    /// bytes (the hot path: eight keys per track); an escaped name takes the reader's slow path.</summary>
    internal static int KeyIndex(ref Utf8JsonReader reader, byte[][] keys)
    {
        var name = reader.ValueSpan;
        bool escaped = reader.ValueIsEscaped;
        for (int k = 0; k < keys.Length; k++)
            if (escaped ? reader.ValueTextEquals(keys[k]) : name.SequenceEqual(keys[k])) return k;
        return -1;
    }

    /// <summary>Reads one of the MPD's integers: counts, ids, times, positions, none of them negative.</summary>
    private bool ReadInt(ref Utf8JsonReader reader, string field, out int value)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out value))
        {
            if (value >= 0) return true;
            Fail(InvalidReason.Negative, field, $"expected a non-negative integer, got {value}");
            return false;
        }
        value = 0;
        Fail(InvalidReason.WrongType, field, $"expected an integer, got {Describe(ref reader)}");
        reader.Skip();
        return false;
    }

    private bool ReadCollaborative(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            if (reader.ValueTextEquals("true"u8)) return true;
            if (reader.ValueTextEquals("false"u8)) return false;
        }
        Fail(InvalidReason.WrongType, "collaborative", $"expected the string \"true\" or \"false\", got {Describe(ref reader)}");
        reader.Skip();
        return false;
    }

    /// <summary>Copies a string value, unescaped, into the scratch buffer.</summary>
    private (int Start, int Length) ReadString(ref Utf8JsonReader reader, string field)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            Fail(InvalidReason.WrongType, field, $"expected a string, got {Describe(ref reader)}");
            reader.Skip();
            return default;
        }
        int room = reader.ValueSpan.Length;   // unescaping never lengthens UTF-8
        if (_scratchUsed + room > _scratch.Length) Array.Resize(ref _scratch, Math.Max(_scratch.Length * 2, _scratchUsed + room));
        var target = _scratch.AsSpan(_scratchUsed);
        int length;
        try
        {
            length = reader.ValueIsEscaped ? reader.CopyString(target) : CopyRaw(reader.ValueSpan, target);
        }
        catch (InvalidOperationException)
        {
            length = -1;   // an escape that decodes to invalid UTF-16 (a lone surrogate)
        }
        if (length < 0 || !Utf8.IsValid(target[..length]))
        {
            Fail(InvalidReason.InvalidUtf8, field, "not valid UTF-8 text");
            return default;
        }
        var result = (_scratchUsed, length);
        _scratchUsed += length;
        return result;
    }

    private static int CopyRaw(ReadOnlySpan<byte> value, Span<byte> target)
    {
        value.CopyTo(target);
        return value.Length;
    }

    private ReadOnlySpan<byte> Scratch((int Start, int Length) s) => _scratch.AsSpan(s.Start, s.Length);

    private void Fail(InvalidReason reason, string field, string problem)
    {
        if (_problem is not null) return;
        (_reason, _field, _problem, _problemTrack) = (reason, field, problem, _trackIndex);
    }

    private string PlaylistName() => _pidKnown
        ? $"playlist pid {_pid}"
        : $"playlist #{_playlistIndex} (byte {_playlistOffset})";

    private static string Describe(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => $"the string \"{Truncate(reader.GetString() ?? "")}\"",
        JsonTokenType.Number => Encoding.UTF8.GetString(reader.ValueSpan),
        JsonTokenType.True => "true",
        JsonTokenType.False => "false",
        JsonTokenType.Null => "null",
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        var t => t.ToString(),
    };

    private static string Truncate(string s) => s.Length <= 40 ? s : s[..40] + "...";
}
