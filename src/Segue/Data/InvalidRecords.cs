namespace Segue.Data;

/// <summary>Why a playlist (or the tail of a slice) was rejected.</summary>
public enum InvalidReason
{
    InvalidJson,      // syntax error or truncation: the rest of the slice is unreadable
    WrongType,
    MissingKey,
    BadUri,
    TrackCountMismatch,
    BadPosition,
    InvalidUtf8,
    DuplicatePid,
    Negative,
    ConflictingTrack, // counted, not dropped: the track keeps its first album and artist
    MalformedRow,     // a table's row: a field count other than the header's, or broken quoting
    EmptyField,
    InconsistentPlaylist,
}

/// <summary>
/// What <c>--skip-invalid</c> dropped (or, for a track met with a second album or artist, let
/// through keeping the first), counted by reason, with the first messages kept as examples. Thread-safe: slices are parsed in parallel.
/// </summary>
public sealed class InvalidRecords
{
    public const int ExamplesKept = 5;
    private readonly long[] _counts = new long[Enum.GetValues<InvalidReason>().Length];
    private readonly List<string> _examples = [];

    public void Add(InvalidReason reason, string message, long count = 1)
    {
        Interlocked.Add(ref _counts[(int)reason], count);
        lock (_examples)
            if (_examples.Count < ExamplesKept) _examples.Add(message);
    }

    public long this[InvalidReason reason] => Interlocked.Read(ref _counts[(int)reason]);

    public long Total => _counts.Sum();

    public IReadOnlyList<string> Examples { get { lock (_examples) return [.. _examples]; } }

    public static string Describe(InvalidReason reason) => reason switch
    {
        InvalidReason.InvalidJson => "slices cut short by invalid or truncated JSON (their tail dropped)",
        InvalidReason.WrongType => "playlists with a field of the wrong type",
        InvalidReason.MissingKey => "playlists missing a key",
        InvalidReason.BadUri => "playlists with a URI of the wrong kind",
        InvalidReason.TrackCountMismatch => "playlists whose num_tracks disagrees with their tracks",
        InvalidReason.BadPosition => "playlists whose track positions are not 0, 1, 2, ...",
        InvalidReason.InvalidUtf8 => "playlists with text that is not UTF-8",
        InvalidReason.DuplicatePid => "playlists whose pid an earlier playlist has",
        InvalidReason.Negative => "playlists with a negative number",
        InvalidReason.ConflictingTrack => "track occurrences with another album or artist than the track's first (the first kept)",
        InvalidReason.MalformedRow => "playlists with a malformed row (its field count, or its quoting)",
        InvalidReason.EmptyField => "playlists with an empty id",
        InvalidReason.InconsistentPlaylist => "playlists whose rows disagree on the title, description, followers, modified_at, edits or collaborative",
        _ => reason.ToString(),
    };
}
