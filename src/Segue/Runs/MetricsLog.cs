using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Segue.IO;

namespace Segue.Runs;

/// <summary>
/// A run's <c>metrics.jsonl</c>: one JSON object per line, each with at least <c>step</c>. A line
/// is appended with one write and flushed, so a killed (or disk-full) run leaves at worst a last
/// line without its newline: such a torn tail is not part of the log, readers skip it and the
/// next writer drops it. A resumed run drops the lines after its checkpoint's step.
/// </summary>
public sealed class MetricsLog : IDisposable
{
    private readonly FileStream _file;

    private MetricsLog(FileStream file, double lastWallSeconds)
    {
        _file = file;
        LastWallSeconds = lastWallSeconds;
    }

    /// <summary>The complete lines of the log at <paramref name="path"/> with their numbers (from 1),
    /// empty lines left out; none when there is no file.</summary>
    public static IEnumerable<(int Number, string Line)> ReadLines(string path) => Lines(TextOf(path));

    private static string TextOf(string path) => File.Exists(path) ? File.ReadAllText(path) : "";

    private static IEnumerable<(int Number, string Line)> Lines(string text)
    {
        int start = 0, number = 0;
        for (int end; (end = text.IndexOf('\n', start)) >= 0; start = end + 1)
        {
            number++;
            if (end > start) yield return (number, text[start..end]);
        }
    }

    /// <summary>The <c>step</c> of a line, or a one-line error naming the file and the line.</summary>
    public static long StepOf(string path, int number, JsonElement line) =>
        line.ValueKind == JsonValueKind.Object && line.TryGetProperty(RunMetrics.Step, out var step) && step.TryGetInt64(out long value)
            ? value
            : throw new SegueException($"{path}: line {number}: expected an object with an integer '{RunMetrics.Step}'");

    /// <summary>Opens the log at <paramref name="path"/> for appending, keeping the lines up to
    /// <paramref name="keepThroughStep"/> (the file is rewritten, atomically, only when anything goes).</summary>
    public static MetricsLog Open(string path, long keepThroughStep)
    {
        var kept = new StringBuilder();
        double lastWall = 0;
        string text = TextOf(path);
        bool dropped = text.Length > 0 && !text.EndsWith('\n');   // a torn last line
        foreach (var (number, line) in Lines(text))
        {
            try
            {
                using var document = JsonDocument.Parse(line);
                if (StepOf(path, number, document.RootElement) > keepThroughStep)
                {
                    dropped = true;
                    continue;
                }
                if (document.RootElement.TryGetProperty(RunMetrics.WallSeconds, out var wall) && wall.TryGetDouble(out double seconds))
                    lastWall = seconds;
            }
            catch (JsonException e)
            {
                throw new SegueException($"{path}: line {number}: not valid JSON ({e.Message})", e);
            }
            kept.Append(line).Append('\n');
        }
        if (dropped) AtomicFile.WriteAllText(path, kept.ToString());
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        return new MetricsLog(new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read, bufferSize: 0), lastWall);
    }

    /// <summary>The wall time recorded on the last kept line: a resumed run's clock continues from it.</summary>
    public double LastWallSeconds { get; }

    /// <summary>Appends <paramref name="record"/> as one line, in one write.</summary>
    public void Append(JsonObject record)
    {
        _file.Write(Encoding.UTF8.GetBytes(record.ToJsonString() + "\n"));
        _file.Flush();
    }

    public void Dispose() => _file.Dispose();
}
