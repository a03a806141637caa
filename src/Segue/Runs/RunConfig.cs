using System.Text.Json;
using System.Text.Json.Nodes;
using Segue.IO;
using Segue.Model;

namespace Segue.Runs;

/// <summary>The dataset a run used: its absolute path and its fingerprint (hex).</summary>
public sealed record RunDataset(string Path, string Fingerprint);

/// <summary>
/// A run's <c>config.json</c>, written and read here only: the run's own sections (a training run
/// has "model" and "training"; another kind of run brings its own) and "dataset". The dataset path
/// is recorded absolute; a relative one (written by hand, or by an older version) is taken
/// relative to the run folder. Every problem is one line naming the file and the field.
/// </summary>
public sealed class RunConfig
{
    public const string DatasetSection = "dataset";

    private RunConfig(string path, string folder, JsonObject json) => (Path, _folder, Json) = (path, folder, json);

    private readonly string _folder;

    public string Path { get; }

    /// <summary>The whole file as written.</summary>
    public JsonObject Json { get; }

    /// <summary>Writes <paramref name="run"/>'s config.json: <paramref name="sections"/> and the dataset.</summary>
    public static void Write(RunFolder run, IEnumerable<KeyValuePair<string, JsonNode?>> sections, string datasetPath, ulong fingerprint)
    {
        var config = new JsonObject(sections)
        {
            [DatasetSection] = new JsonObject
            {
                ["path"] = System.IO.Path.GetFullPath(datasetPath),
                ["fingerprint"] = fingerprint.ToString("x16"),
            },
        };
        AtomicFile.WriteAllText(run.ConfigPath, config.ToJsonString(ModelConfig.Json) + "\n");
    }

    /// <summary>Reads <paramref name="run"/>'s config.json: a JSON object, or a one-line error.</summary>
    public static RunConfig Read(RunFolder run)
    {
        string path = run.ConfigPath;
        try
        {
            return JsonNode.Parse(File.ReadAllText(path)) is JsonObject json
                ? new RunConfig(path, run.Path, json)
                : throw new SegueException($"{path}: expected a JSON object");
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new SegueException($"{path}: no run config", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SegueException($"{path}: cannot read: {e.Message}", e);
        }
        catch (JsonException e)
        {
            throw new SegueException($"{path}: unreadable run config ({JsonErrors.Describe(e)})", e);
        }
    }

    /// <summary>Section <paramref name="name"/> as a <typeparamref name="T"/> (config.json naming, no
    /// unknown keys), checked by <paramref name="validate"/>.</summary>
    public T Section<T>(string name, Action<T> validate)
    {
        try
        {
            var value = Json[name] is JsonObject section
                ? section.Deserialize<T>(ModelConfig.Json) ?? throw new JsonException("null")
                : throw new SegueException($"expected an object, got {Json[name]?.ToJsonString() ?? "nothing"}");
            validate(value);
            return value;
        }
        catch (Exception e) when (e is JsonException or SegueException)
        {
            throw new SegueException($"{Path}: {name}: {(e is JsonException ? JsonErrors.Describe(e) : e.Message)}", e);
        }
    }

    /// <summary>The dataset the run used, its path made absolute.</summary>
    public RunDataset Dataset
    {
        get
        {
            string path = Text("path"), fingerprint = Text("fingerprint");
            return new RunDataset(System.IO.Path.GetFullPath(path, _folder), fingerprint);
        }
    }

    private string Text(string field)
    {
        var node = (Json[DatasetSection] as JsonObject)?[field];
        return node is JsonValue value && value.GetValueKind() == JsonValueKind.String && value.GetValue<string>() is { Length: > 0 } text
            ? text
            : throw new SegueException($"{Path}: {DatasetSection}.{field}: expected a non-empty string, got {node?.ToJsonString() ?? "nothing"}");
    }
}
