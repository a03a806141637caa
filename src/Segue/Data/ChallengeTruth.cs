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

    public static ChallengeTruth Read(string path)
    {
        JsonDocument document;
        try
        {
            using var stream = File.OpenRead(path);
            document = JsonDocument.Parse(stream);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SegueException($"{path}: cannot read: {e.Message}", e);
        }
        catch (JsonException e)
        {
            throw new SegueException($"{path}: not valid JSON at byte {e.BytePositionInLine} of line {e.LineNumber + 1}: {e.Message}", e);
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                throw new SegueException($"{path}: expected a JSON object at the top level");
            var version = Property(path, "the file", root, "version", JsonValueKind.Number);
            if (!version.TryGetInt32(out int v) || v != FormatVersion)
                throw new SegueException($"{path}: field 'version' is {version.GetRawText()}; this Segue reads version {FormatVersion}");
            var playlists = new List<ChallengeTruthPlaylist>();
            int index = 0;
            foreach (var playlist in Property(path, "the file", root, "playlists", JsonValueKind.Array).EnumerateArray())
            {
                string record = $"playlist {index}";
                if (playlist.ValueKind != JsonValueKind.Object)
                    throw new SegueException($"{path}: {record}: expected an object");
                int pid = Int(path, record, playlist, "pid");
                record = $"playlist {index} (pid {pid})";
                int category = Int(path, record, playlist, "category");
                if (category is < 1 or > 10)
                    throw new SegueException($"{path}: {record}: field 'category' is {category}; expected 1..10");
                var holdouts = new List<string>();
                foreach (var uri in Property(path, record, playlist, "holdouts", JsonValueKind.Array).EnumerateArray())
                {
                    if (uri.ValueKind != JsonValueKind.String)
                        throw new SegueException($"{path}: {record}: field 'holdouts' holds a {uri.ValueKind}; expected track URI strings");
                    holdouts.Add(uri.GetString()!);
                }
                playlists.Add(new ChallengeTruthPlaylist(pid, category, holdouts));
                index++;
            }
            return new ChallengeTruth(playlists);
        }
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

    private static JsonElement Property(string path, string record, JsonElement owner, string name, JsonValueKind kind)
    {
        if (!owner.TryGetProperty(name, out var value))
            throw new SegueException($"{path}: {record}: field '{name}' is missing");
        if (value.ValueKind != kind)
            throw new SegueException($"{path}: {record}: field '{name}' is a {value.ValueKind}; expected a {kind}");
        return value;
    }

    private static int Int(string path, string record, JsonElement owner, string name)
    {
        var value = Property(path, record, owner, name, JsonValueKind.Number);
        if (!value.TryGetInt32(out int result))
            throw new SegueException($"{path}: {record}: field '{name}' is {value.GetRawText()}; expected an integer");
        return result;
    }
}
