using System.Globalization;
using System.Text.Json.Nodes;
using Segue.IO;
using Segue.Model.Optimizers;
using Segue.Model;
using Segue.Structures;

namespace Segue.Training;

/// <summary>Where a run stands: the model, its optimiser, the random stream and the number of
/// steps done. Everything a resumed single-thread run needs to continue bit for bit.</summary>
public sealed record TrainingState(EmbeddingModel Model, IOptimizer Optimizer, Rng Rng, long Step);

/// <summary>
/// The checkpoints of a run: <c>checkpoints/step-NNNNNNNNNNNN.ckpt</c>, each a
/// <see cref="ModelFile"/> with the optimiser state tables and, in its header, the step and the
/// random generator's state. Written atomically after the optimiser has brought every row up to
/// date; the newest <c>keep</c> are kept.
/// </summary>
public static class Checkpoints
{
    private const string Prefix = "step-", Extension = ".ckpt";

    public static string PathFor(string folder, long step) =>
        Path.Combine(folder, $"{Prefix}{step.ToString("D12", CultureInfo.InvariantCulture)}{Extension}");

    /// <summary>Saves <paramref name="state"/> (its optimiser must be synchronised to its step) and
    /// deletes all but the newest <paramref name="keep"/>; returns the path written.</summary>
    public static string Save(string folder, TrainingState state, int keep = 3)
    {
        string path = PathFor(folder, state.Step);
        var training = new JsonObject
        {
            ["step"] = state.Step,
            ["rng"] = new JsonArray(state.Rng.State.Select(w => (JsonNode)w.ToString("x16")).ToArray()),
        };
        ModelFile.Write(path, ModelFile.CheckpointMagic, state.Model, state.Optimizer.State, training);
        foreach (var old in List(folder).SkipLast(keep))
            File.Delete(old);
        return path;
    }

    /// <summary>The checkpoint files in <paramref name="folder"/>, oldest first.</summary>
    public static IReadOnlyList<string> List(string folder) =>
        Directory.Exists(folder)
            ? Directory.GetFiles(folder, Prefix + "*" + Extension).Order(StringComparer.Ordinal).ToArray()
            : [];

    public static TrainingState Load(string path, Catalog catalog)
    {
        var (model, extra, training) = ModelFile.Read(path, ModelFile.CheckpointMagic, "checkpoint", catalog);
        try
        {
            long step = (long)training!["step"]!;
            var rng = Rng.FromState(training["rng"]!.AsArray()
                .Select(w => ulong.Parse((string)w!, NumberStyles.HexNumber, CultureInfo.InvariantCulture)).ToArray());
            var optimizer = Optimizer.Create(model.Config, model, step, extra);
            return new TrainingState(model, optimizer, rng, step);
        }
        catch (Exception e) when (e is NullReferenceException or InvalidOperationException or FormatException or ArgumentException)
        {
            throw new SegueException($"{path}: damaged checkpoint training state: {JsonErrors.Describe(e)}", e);
        }
    }
}
