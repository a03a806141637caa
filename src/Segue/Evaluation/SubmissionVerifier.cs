using System.IO.Compression;
using System.Text.Json;
using Segue.Data;
using Segue.IO;

namespace Segue.Evaluation;

/// <summary>What <see cref="SubmissionVerifier"/> found: the team line, how many playlists, every
/// problem counted and the first ones said (line by line, as verify_submission.py prints them).</summary>
public sealed record SubmissionVerdict(string Path, bool Gzipped, string? Team, string? Email, string? ChallengeTrack, int Playlists,
    long Problems, IReadOnlyList<string> FirstProblems, IReadOnlyList<string> Notes)
{
    public const int ProblemsKept = 20;
    public bool Passed => Problems == 0;
}

/// <summary>
/// Checks a RecSys Challenge 2018 submission as the challenge's verify_submission.py does, and a
/// little more: comment lines (<c>#</c>) and blank lines skipped; the first other line is
/// <c>team_info, TEAM, EMAIL</c> (the 2018 rules also named the challenge track:
/// <c>team_info, main|creative, TEAM, EMAIL</c>, either of the first two fields); then each line
/// <c>pid, URI1, ..., URI500</c>: an integer pid, exactly 500 tracks, all distinct, each
/// <c>spotify:track:</c> and 22 characters. With the challenge set: every pid one of its playlists,
/// each of them answered, none of a playlist's seed tracks recommended (the verifier's rules), and
/// no pid answered twice (ours). The file may be plain or gzipped (the challenge takes .csv.gz),
/// told by its first bytes.
/// </summary>
public static class SubmissionVerifier
{
    public const int Tracks = Submission.Length, UriIdLength = 22;
    public const int ChallengePlaylists = 10_000;
    private const string TrackPrefix = "spotify:track:";
    private static readonly string[] ChallengeTracks = ["main", "creative"];

    /// <param name="challenge">A challenge folder (its challenge_set.json) or the set's file; null: the format only.</param>
    public static SubmissionVerdict Verify(string path, string? challenge)
    {
        var set = challenge is null ? null : ChallengeSet.Read(challenge);
        if (Directory.Exists(path)) throw new SegueException($"{path}: is a folder; give a submission file (CSV, plain or gzipped)");
        if (!File.Exists(path)) throw new SegueException($"{path}: no such file");
        var problems = new List<string>();
        long count = 0;
        void Problem(string problem)
        {
            count++;
            if (problems.Count < SubmissionVerdict.ProblemsKept) problems.Add($"{path}: {problem}");
        }

        string? team = null, email = null, track = null;
        bool teamInfo = false, gzipped;
        var lineOfPid = new Dictionary<int, int>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            using var reader = Open(path, out gzipped);
            int number = 0;
            for (string? line; (line = reader.ReadLine()) is not null;)
            {
                number++;
                line = line.Trim();
                if (line.Length == 0 || line[0] == '#') continue;
                var fields = line.Split(',', StringSplitOptions.TrimEntries);
                if (!teamInfo)
                {
                    teamInfo = true;
                    if (fields[0] != "team_info")
                    {
                        Problem($"line {number}: expected the team_info line first (team_info, TEAM, EMAIL), got \"{Cut(line)}\"");
                        continue;
                    }
                    (team, email, track) = TeamInfo(fields, number, Problem);
                    continue;
                }
                if (!int.TryParse(fields[0], System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out int pid))
                {
                    Problem($"line {number}: bad pid \"{Cut(fields[0])}\" (should be an integer)");
                    continue;
                }
                if (!lineOfPid.TryAdd(pid, number)) Problem($"line {number}: pid {pid} again (first on line {lineOfPid[pid]})");
                if (set is not null && !set.Seeds.ContainsKey(pid)) Problem($"line {number}: pid {pid} is not a playlist of the challenge set");
                int tracks = fields.Length - 1;
                if (tracks != Tracks) Problem($"line {number}: pid {pid}: {tracks} tracks, should be {Tracks}");
                seen.Clear();
                for (int i = 1; i < fields.Length; i++) seen.Add(fields[i]);
                if (seen.Count != Tracks) Problem($"line {number}: pid {pid}: {seen.Count} distinct tracks, should be {Tracks}");
                foreach (string uri in fields.Skip(1).Where(u => !IsTrackUri(u)).Distinct().Take(3))
                    Problem($"line {number}: pid {pid}: bad track uri \"{Cut(uri)}\" (a spotify:track: URI, {UriIdLength} characters after the prefix)");
                if (set is not null && set.Seeds.TryGetValue(pid, out var seeds) && seeds.Count > 0 && seen.Overlaps(seeds))
                {
                    var recommended = seeds.Where(seen.Contains).Order(StringComparer.Ordinal).ToList();
                    Problem($"line {number}: pid {pid}: recommends {recommended.Count} of its seed tracks ({string.Join(", ", recommended.Take(3))}{(recommended.Count > 3 ? ", ..." : "")})");
                }
            }
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            throw new SegueException($"{path}: cannot read ({e.Message})");
        }
        if (!teamInfo) Problem("no team_info line (the first line that is not a comment: team_info, TEAM, EMAIL)");
        var notes = new List<string>();
        if (set is not null)
        {
            var missing = set.Seeds.Keys.Where(p => !lineOfPid.ContainsKey(p)).Order().ToList();
            if (missing.Count > 0)
                Problem($"{missing.Count:N0} playlists of the challenge set have no line (pids {string.Join(", ", missing.Take(5))}{(missing.Count > 5 ? ", ..." : "")})");
            if (set.Seeds.Count != ChallengePlaylists)
                notes.Add($"{set.Path}: {set.Seeds.Count:N0} playlists, not the challenge's {ChallengePlaylists:N0} (a set of your own)");
        }
        else notes.Add("no challenge set given: pids, seeds and coverage not checked (give the challenge set)");
        return new SubmissionVerdict(path, gzipped, team, email, track, lineOfPid.Count, count, problems, notes);
    }

    /// <summary>team_info, TEAM, EMAIL; or the 2018 form naming the challenge track in either of the first two fields.</summary>
    private static (string?, string?, string?) TeamInfo(string[] fields, int number, Action<string> problem)
    {
        if (fields.Length == 3 && fields[1].Length > 0 && fields[2].Length > 0) return (fields[1], fields[2], null);
        if (fields.Length == 4)
        {
            if (ChallengeTracks.Contains(fields[1])) return (fields[2], fields[3], fields[1]);
            if (ChallengeTracks.Contains(fields[2])) return (fields[1], fields[3], fields[2]);
            problem($"line {number}: unknown challenge track \"{Cut(fields[1])}\" (the 2018 form is team_info, main|creative, TEAM, EMAIL)");
            return (null, null, null);
        }
        problem($"line {number}: team_info needs a team name and a contact e-mail (team_info, TEAM, EMAIL), got {fields.Length - 1} field(s)");
        return (null, null, null);
    }

    private static bool IsTrackUri(string uri) =>
        uri.Length == TrackPrefix.Length + UriIdLength && uri.StartsWith(TrackPrefix, StringComparison.Ordinal) && uri.IndexOf(':', TrackPrefix.Length) < 0;

    private static string Cut(string text) => text.Length <= 60 ? text : text[..60] + "...";

    private static bool IsGzip(string path)
    {
        Span<byte> start = stackalloc byte[2];
        using var file = File.OpenRead(path);
        return file.ReadAtLeast(start, 2, throwOnEndOfStream: false) == 2 && start[0] == 0x1F && start[1] == 0x8B;
    }

    private static StreamReader Open(string path, out bool gzipped)
    {
        gzipped = IsGzip(path);
        Stream stream = File.OpenRead(path);
        if (gzipped) stream = new GZipStream(stream, CompressionMode.Decompress);
        return new StreamReader(stream, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true, 1 << 16);
    }

    /// <summary>A challenge set's pids and each one's seed track URIs.</summary>
    private sealed record ChallengeSet(string Path, Dictionary<int, HashSet<string>> Seeds)
    {
        public static ChallengeSet Read(string challenge)
        {
            string path = Directory.Exists(challenge) ? ChallengeSetFiles.SetPath(challenge) : challenge;
            if (!File.Exists(path)) throw new SegueException($"{path}: no such file (give a challenge folder or its {ChallengeSetFiles.SetFileName})");
            using var document = JsonFields.Parse(path);
            var seeds = new Dictionary<int, HashSet<string>>();
            int index = 0;
            foreach (var playlist in JsonFields.Property(path, "the file", JsonFields.Root(path, document), "playlists", JsonValueKind.Array).EnumerateArray())
            {
                string record = $"playlist {index++}";
                if (playlist.ValueKind != JsonValueKind.Object) throw new SegueException($"{path}: {record}: expected an object");
                int pid = JsonFields.Int(path, record, playlist, "pid");
                var set = new HashSet<string>(StringComparer.Ordinal);
                record += $" (pid {pid})";
                foreach (var track in JsonFields.Property(path, record, playlist, "tracks", JsonValueKind.Array).EnumerateArray())
                    set.Add(track.ValueKind == JsonValueKind.Object
                        ? JsonFields.Property(path, record, track, "track_uri", JsonValueKind.String).GetString()!
                        : throw new SegueException($"{path}: {record}: field 'tracks': expected objects"));
                if (!seeds.TryAdd(pid, set)) throw new SegueException($"{path}: {record}: field 'pid' repeats an earlier playlist's");
            }
            return new ChallengeSet(path, seeds);
        }
    }
}
