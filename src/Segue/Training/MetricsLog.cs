using System.Text;
using System.Text.Json.Nodes;
using Segue.IO;

namespace Segue.Training;

/// <summary>
/// A run's <c>metrics.jsonl</c>: one JSON object per line, each with at least <c>step</c>. Every
/// append rewrites the file atomically (it is small: one line per log interval), so a killed run
/// never leaves half a line. A resumed run drops the lines after its checkpoint's step.
/// </summary>
public sealed class MetricsLog
{
    private readonly string _path;
    private readonly List<string> _lines = [];

    /// <summary>Opens the log at <paramref name="path"/>, keeping existing lines up to
    /// <paramref name="keepThroughStep"/>.</summary>
    public MetricsLog(string path, long keepThroughStep)
    {
        _path = path;
        if (!File.Exists(path)) return;
        foreach (var line in File.ReadAllLines(path))
        {
            if (line.Length == 0) continue;
            var node = JsonNode.Parse(line);
            long step = (long)node!["step"]!;
            if (step > keepThroughStep) continue;
            _lines.Add(line);
            LastWallSeconds = (double?)node["wall_seconds"] ?? LastWallSeconds;
        }
    }

    /// <summary>The wall time recorded on the last kept line: a resumed run's clock continues from it.</summary>
    public double LastWallSeconds { get; }

    public void Append(JsonObject record)
    {
        _lines.Add(record.ToJsonString());
        var text = new StringBuilder();
        foreach (var line in _lines) text.Append(line).Append('\n');
        AtomicFile.WriteAllText(_path, text.ToString());
    }
}
