using System.Text;
using System.Text.Json;
using Segue.IO;

namespace Segue.Data;

/// <summary>The tracks withheld from one challenge playlist, in playlist order.</summary>
public sealed record ChallengeTruthPlaylist(int Pid, int Category, IReadOnlyList<string> Holdouts);

/// <summary>
/// The answers to a challenge set, for local evaluation: <c>challenge_truth.json</c>,
/// <c>{"version": 1, "playlists": [{"pid": ..., "category": 1..10, "holdouts": [URI, ...]}]}</c>.
/// </summary>
public sealed record ChallengeTruth(IReadOnlyList<ChallengeTruthPlaylist> Playlists)
{
    public const int FormatVersion = 1;
    public const string FileName = "challenge_truth.json";

    /// <summary>The answers to <paramref name="challenges"/>: each one's withheld tracks, by URI.</summary>
    internal static ChallengeTruth Of(IReadOnlyList<ChallengePlaylist> challenges, IMpdTracks tracks)
    {
        var buffer = new byte[tracks.MaxFieldBytes];
        string Uri(int track) => Encoding.UTF8.GetString(tracks.Text(MpdTrackField.TrackUri, track, buffer));
        return new([.. challenges.Select(c => new ChallengeTruthPlaylist(c.Playlist.Pid, c.Category.Number,
            [.. c.HoldoutPositions().Select(pos => Uri(c.Playlist.Tracks[pos]))]))]);
    }

    public static ChallengeTruth Read(string path)
    {
        using var document = JsonFields.Parse(path);
        var root = JsonFields.Root(path, document);
        var version = JsonFields.Property(path, "the file", root, "version", JsonValueKind.Number);
        if (!version.TryGetInt32(out int v) || v != FormatVersion)
            throw new SegueException($"{path}: field 'version' is {version.GetRawText()}; this Segue reads version {FormatVersion}");
        var playlists = new List<ChallengeTruthPlaylist>();
        var pids = new HashSet<int>();
        int index = 0;
        foreach (var playlist in JsonFields.Property(path, "the file", root, "playlists", JsonValueKind.Array).EnumerateArray())
        {
            string record = $"playlist {index}";
            if (playlist.ValueKind != JsonValueKind.Object)
                throw new SegueException($"{path}: {record}: expected an object");
            int pid = JsonFields.Int(path, record, playlist, "pid");
            record = $"playlist {index} (pid {pid})";
            if (!pids.Add(pid))
                throw new SegueException($"{path}: {record}: field 'pid' repeats an earlier playlist's");
            int category = JsonFields.Int(path, record, playlist, "category");
            if (category is < 1 or > ChallengeCategory.Count)
                throw new SegueException($"{path}: {record}: field 'category' is {category}; expected 1..{ChallengeCategory.Count}");
            var holdouts = new List<string>();
            foreach (var uri in JsonFields.Property(path, record, playlist, "holdouts", JsonValueKind.Array).EnumerateArray())
            {
                if (uri.ValueKind != JsonValueKind.String)
                    throw new SegueException($"{path}: {record}: field 'holdouts' holds a {uri.ValueKind}; expected track URI strings");
                holdouts.Add(uri.GetString()!);
            }
            if (holdouts.Count == 0)
                throw new SegueException($"{path}: {record}: field 'holdouts' is empty; nothing to evaluate");
            playlists.Add(new ChallengeTruthPlaylist(pid, category, holdouts));
            index++;
        }
        return new ChallengeTruth(playlists);
    }

    public void Write(string path)
    {
        using var file = AtomicFile.Create(path);
        using (var writer = new Utf8JsonWriter(file.Stream, PrettyJson.Options))
        {
            writer.WriteStartObject();
            writer.WriteNumber("version", FormatVersion);
            writer.WriteStartArray("playlists");
            foreach (var playlist in Playlists)
            {
                writer.WriteStartObject();
                writer.WriteNumber("pid", playlist.Pid);
                writer.WriteNumber("category", playlist.Category);
                writer.WriteStartArray("holdouts");
                foreach (var uri in playlist.Holdouts) writer.WriteStringValue(uri);
                writer.WriteEndArray();
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        file.Commit();
    }

}
