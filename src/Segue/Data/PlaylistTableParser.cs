using System.Buffers.Text;
using System.Text;
using System.Text.Unicode;

namespace Segue.Data;

/// <summary>A chunk's playlists as parsed, with the line of each kept playlist's first row (for the
/// check, across chunks, that a playlist's rows are together).</summary>
internal sealed record ParsedTableChunk(PlaylistTableFile File, ParsedSlice Slice, long[] FirstLines);

/// <summary>
/// Parses a chunk of a playlist table into a <see cref="ParsedSlice"/>, as the MPD slice parser
/// does a slice: ids and names copied straight from the row's bytes into the chunk's vocabularies.
/// Every problem is one line naming the file, the line and the column (<c>data.csv: line 7,
/// column 4 (track_id): empty</c>); with <c>skipInvalid</c> the playlist holding a bad row is
/// dropped and counted instead. One parser per thread: it keeps scratch buffers between chunks.
/// </summary>
internal sealed class PlaylistTableParser
{
    private RowSplitter? _splitter;
    private bool _checkUtf8;
    private PlaylistTableFile? _file;
    private Fields _f;

    private ParsedSlice _slice = null!;
    private InvalidRecords? _invalid;
    private readonly List<long> _firstLines = [];
    // Per track occurrence of the chunk: its row's line, from the chunk's first.
    private List<int> _occurrenceLines = [];
    private readonly Dictionary<int, long> _firstLineOfPid = [];

    // The playlist being read: its pid, the fields every row of it must repeat, and its first problem.
    private bool _open;
    private int _pid, _position;
    private long _firstLine;
    private readonly byte[][] _playlistFields = new byte[PlaylistFieldCount][];
    private readonly int[] _playlistFieldLengths = new int[PlaylistFieldCount];
    private int _modifiedAt, _followers, _edits;
    private bool _collaborative;
    private (InvalidReason Reason, string Message)? _problem;

    private const int PlaylistFieldCount = 6;   // title, description, followers, modified_at, edits, collaborative

    public PlaylistTableParser()
    {
        for (int i = 0; i < PlaylistFieldCount; i++) _playlistFields[i] = new byte[64];
    }

    /// <summary>Parses <paramref name="chunk"/>. With <paramref name="invalid"/> null any problem
    /// throws; otherwise bad playlists are dropped and counted there.</summary>
    public ParsedTableChunk Parse(PlaylistTableChunk chunk, InvalidRecords? invalid)
    {
        if (_file != chunk.File)
        {
            _file = chunk.File;
            _splitter = new RowSplitter(chunk.File.Delimiter);
            _f = new Fields(chunk.File.Header);
        }
        _invalid = invalid;
        _firstLines.Clear();
        _firstLineOfPid.Clear();
        _open = false;
        // Kept by the slice's locator, which names a row's line when the merge finds a problem
        // after this parser has moved on to other chunks.
        var lines = _occurrenceLines = [];
        var header = chunk.File.Header;
        long chunkLine = chunk.FirstLine;
        ParsedSlice slice = null!;
        slice = _slice = new ParsedSlice(chunk.File.Path)
        {
            Locator = (p, i, field) => $"line {chunkLine + lines[slice.PlaylistStart(p) + i]}, {header.Column(header.FieldOf(PlaylistTableColumns.Named(field)!))}",
        };
        var data = chunk.Buffer.AsSpan(0, chunk.Length);
        // Fields split at ASCII bytes from valid UTF-8 are valid: one vectorised pass over the
        // chunk, and a field at a time only to find what is not.
        _checkUtf8 = !Utf8.IsValid(data);
        long line = chunk.FirstLine;
        int pos = 0;
        while (pos < data.Length)
        {
            int end = DelimitedRows.RowEnd(data, pos, _file.Delimiter);
            if (end < 0) end = data.Length;   // the last row, without a line feed (or a quote that never closes)
            var row = PlaylistTableFile.TrimLineFeed(data[pos..end]);
            if (!row.Trim("\r"u8).IsEmpty) ParseRow(row, line, (int)(line - chunkLine));
            line += data[pos..end].Count(DelimitedRows.LineFeed);
            pos = end;
        }
        EndPlaylist();
        _slice = null!;
        return new ParsedTableChunk(chunk.File, slice, [.. _firstLines]);
    }

    private void ParseRow(ReadOnlySpan<byte> row, long line, int lineInChunk)
    {
        var splitter = _splitter!;
        if (splitter.Split(row) is var (problem, field))
        {
            RowProblem($"line {line}, column {field}", InvalidReason.MalformedRow, problem);
            return;
        }
        if (splitter.Count != _f.Header.FieldCount)
        {
            RowProblem($"line {line}", InvalidReason.MalformedRow, $"{splitter.Count} fields, but the header has {_f.Header.FieldCount}");
            return;
        }
        // The pid first: it says whose row this is, so that a problem is charged to the right playlist.
        if (ParseInteger(_splitter!.Field(row, _f.Pid), out int pid) is var (reason, text))
        {
            if (!_open) StartPlaylist(-1, line);
            Problem(line, _f.Pid, reason, text);
            return;
        }
        if (!_open || pid != _pid)
        {
            EndPlaylist();
            if (!_firstLineOfPid.TryAdd(pid, line))
            {
                StartPlaylist(pid, line);
                Problem(line, _f.Pid, InvalidReason.DuplicatePid, NotTogether(pid, _firstLineOfPid[pid]));
                return;
            }
            StartPlaylist(pid, line);
            ReadPlaylistFields(row, line);
        }
        else CheckPlaylistFields(row, line);

        if (Integer(row, line, _f.Pos, out int pos) && pos != _position)
            Problem(line, _f.Pos, InvalidReason.BadPosition, $"is {pos}, expected {_position} (a playlist's rows in order, positions from 0)");
        _position++;
        var trackId = Id(row, line, _f.TrackId);
        var albumId = Id(row, line, _f.AlbumId);
        var artistId = Id(row, line, _f.ArtistId);
        var trackName = Text(row, line, _f.TrackName);
        var albumName = Text(row, line, _f.AlbumName);
        var artistName = Text(row, line, _f.ArtistName);
        Integer(row, line, _f.Duration, out int duration);
        if (_problem is not null) return;
        int track = _slice.AddTrack(trackId, albumId, artistId, trackName, albumName, artistName, duration, out bool added);
        _occurrenceLines.Add(lineInChunk);
        if (!added && TrackConflict.Find(trackId, _slice.AlbumOf(track), albumId, _slice.ArtistOf(track), artistId, "an earlier row") is var (conflict, conflictText))
        {
            int column = conflict == "album_uri" ? _f.AlbumId : _f.ArtistId;
            if (_invalid is null) Problem(line, column, InvalidReason.ConflictingTrack, conflictText);
            else _invalid.Add(InvalidReason.ConflictingTrack, Message(line, column, conflictText));
        }
    }

    /// <summary>Why a playlist met again after others is refused, whether its rows are in one chunk or two.</summary>
    public static string NotTogether(int pid, long firstLine) =>
        $"playlist {pid}'s rows are not together (it has rows from line {firstLine}, and other playlists' between); a playlist's rows come one after another";

    private void StartPlaylist(int pid, long line)
    {
        _open = true;
        _pid = pid;
        _position = 0;
        _firstLine = line;
        _problem = null;
    }

    /// <summary>The playlist's own fields, from its first row: later rows must repeat them.</summary>
    private void ReadPlaylistFields(ReadOnlySpan<byte> row, long line)
    {
        for (int i = 0; i < PlaylistFieldCount; i++)
        {
            var value = _f.PlaylistField(i) is var field and >= 0 ? _splitter!.Field(row, field) : default;
            if (_playlistFields[i].Length < value.Length) _playlistFields[i] = new byte[Math.Max(value.Length, 2 * _playlistFields[i].Length)];
            value.CopyTo(_playlistFields[i]);
            _playlistFieldLengths[i] = value.Length;
        }
        Text(row, line, _f.Title);
        Text(row, line, _f.Description);
        _followers = _modifiedAt = _edits = 0;
        if (_f.Followers >= 0) Integer(row, line, _f.Followers, out _followers);
        if (_f.ModifiedAt >= 0) Integer(row, line, _f.ModifiedAt, out _modifiedAt);
        if (_f.Edits >= 0) Integer(row, line, _f.Edits, out _edits);
        _collaborative = false;
        if (_f.Collaborative >= 0)
        {
            var value = _splitter!.Field(row, _f.Collaborative);
            if (Ascii.EqualsIgnoreCase(value, "true"u8)) _collaborative = true;
            else if (!Ascii.EqualsIgnoreCase(value, "false"u8))
                Problem(line, _f.Collaborative, InvalidReason.WrongType, $"expected true or false, got {Quoted(value)}");
        }
    }

    private void CheckPlaylistFields(ReadOnlySpan<byte> row, long line)
    {
        for (int i = 0; i < PlaylistFieldCount; i++)
        {
            if (_f.PlaylistField(i) is not (var field and >= 0)) continue;
            var value = _splitter!.Field(row, field);
            var first = _playlistFields[i].AsSpan(0, _playlistFieldLengths[i]);
            if (!value.SequenceEqual(first))
                Problem(line, field, InvalidReason.InconsistentPlaylist,
                    $"{Quoted(value)}, but the playlist's first row (line {_firstLine}) has {Quoted(first)}: a playlist's own fields are the same on each of its rows");
        }
    }

    private void EndPlaylist()
    {
        if (!_open) return;
        _open = false;
        if (_problem is { } problem)
        {
            int end = _slice.PlaylistEnds.Count == 0 ? 0 : _slice.PlaylistEnds[^1];
            _occurrenceLines.RemoveRange(end, _occurrenceLines.Count - end);
            _slice.DiscardOpenPlaylist();
            _invalid!.Add(problem.Reason, problem.Message);
            return;
        }
        _slice.EndPlaylist(_pid, PlaylistField(0), PlaylistField(1), _modifiedAt, _followers, _edits, _collaborative);
        _firstLines.Add(_firstLine);
    }

    private ReadOnlySpan<byte> PlaylistField(int i) => _playlistFields[i].AsSpan(0, _playlistFieldLengths[i]);

    private ReadOnlySpan<byte> Id(ReadOnlySpan<byte> row, long line, int field)
    {
        var value = Text(row, line, field);
        if (value.IsEmpty) Problem(line, field, InvalidReason.EmptyField, "empty; every row needs its track, album and artist ids");
        return value;
    }

    private ReadOnlySpan<byte> Text(ReadOnlySpan<byte> row, long line, int field)
    {
        if (field < 0) return default;
        var value = _splitter!.Field(row, field);
        if (!_checkUtf8 || Utf8.IsValid(value)) return value;
        Problem(line, field, InvalidReason.InvalidUtf8, "not valid UTF-8 text");
        return default;
    }

    /// <summary>Reads one of the table's integers (ids, positions, counts, times, none negative),
    /// recording a problem with it.</summary>
    private bool Integer(ReadOnlySpan<byte> row, long line, int field, out int value)
    {
        if (ParseInteger(_splitter!.Field(row, field), out value) is not var (reason, problem)) return true;
        Problem(line, field, reason, problem);
        return false;
    }

    private static (InvalidReason, string)? ParseInteger(ReadOnlySpan<byte> field, out int value)
    {
        var text = field.Trim((byte)' ');
        if (Utf8Parser.TryParse(text, out value, out int used) && used == text.Length && !text.IsEmpty)
            return value >= 0 ? null : (InvalidReason.Negative, $"expected a non-negative integer, got {value}");
        value = 0;
        return (InvalidReason.WrongType, $"expected a non-negative integer, got {Quoted(text)}");
    }

    /// <summary>A problem of the row as a whole (before its fields can be read): charged to the
    /// playlist being read, or to none when it is the first row of the chunk.</summary>
    private void RowProblem(string where, InvalidReason reason, string problem)
    {
        string message = $"{_file!.Path}: {where}: {problem}";
        if (_invalid is null) throw new SegueException(message);
        if (_open && _problem is null) _problem = (reason, message);
        else if (!_open) _invalid.Add(reason, message);
    }

    private void Problem(long line, int field, InvalidReason reason, string problem)
    {
        string message = Message(line, field, problem);
        if (_invalid is null) throw new SegueException(message);
        _problem ??= (reason, message);
    }

    private string Message(long line, int field, string problem) =>
        $"{_file!.Path}: line {line}, {_f.Header.Column(field)}: {problem}";

    private static string Quoted(ReadOnlySpan<byte> value)
    {
        string text = Utf8.IsValid(value) ? Encoding.UTF8.GetString(value) : "(not UTF-8)";
        return $"\"{(text.Length <= 40 ? text : text[..40] + "...")}\"";
    }

    /// <summary>Which field of a row holds each column, for one file's header.</summary>
    private readonly struct Fields(PlaylistTableHeader header)
    {
        public PlaylistTableHeader Header { get; } = header;
        public int Pid { get; } = header.FieldOf(PlaylistTableColumns.Pid);
        public int Pos { get; } = header.FieldOf(PlaylistTableColumns.Pos);
        public int Title { get; } = header.FieldOf(PlaylistTableColumns.Title);
        public int TrackId { get; } = header.FieldOf(PlaylistTableColumns.TrackId);
        public int TrackName { get; } = header.FieldOf(PlaylistTableColumns.TrackName);
        public int ArtistId { get; } = header.FieldOf(PlaylistTableColumns.ArtistId);
        public int ArtistName { get; } = header.FieldOf(PlaylistTableColumns.ArtistName);
        public int AlbumId { get; } = header.FieldOf(PlaylistTableColumns.AlbumId);
        public int AlbumName { get; } = header.FieldOf(PlaylistTableColumns.AlbumName);
        public int Duration { get; } = header.FieldOf(PlaylistTableColumns.DurationMs);
        public int Description { get; } = header.FieldOf(PlaylistTableColumns.Description);
        public int Followers { get; } = header.FieldOf(PlaylistTableColumns.Followers);
        public int ModifiedAt { get; } = header.FieldOf(PlaylistTableColumns.ModifiedAt);
        public int Edits { get; } = header.FieldOf(PlaylistTableColumns.Edits);
        public int Collaborative { get; } = header.FieldOf(PlaylistTableColumns.Collaborative);

        /// <summary>The playlist's own fields, in the order the parser keeps them: title and description first.</summary>
        public int PlaylistField(int i) => i switch
        {
            0 => Title, 1 => Description, 2 => Followers, 3 => ModifiedAt, 4 => Edits, _ => Collaborative,
        };
    }
}
