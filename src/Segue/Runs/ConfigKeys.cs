using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Segue.Model;
using Segue.Training;

namespace Segue.Runs;

/// <summary>
/// The settings of a run by name, as sweeps and <c>--set</c> address them: every property of the
/// model config and the training options under its config.json name (<c>feature_size</c>,
/// <c>optimizer</c>, <c>weights.mean_triplet</c>, <c>steps</c>, <c>eval_cosine</c>, ...).
/// A value is given as text, parsed by the property's type, and the result validated like any config.
/// </summary>
public static class ConfigKeys
{
    private sealed record Key(string Name, string Section, string[] Path, Type Type);

    private static readonly Key[] All =
        [.. Walk(typeof(ModelConfig), TrainingRun.ModelSection, []), .. Walk(typeof(TrainerOptions), TrainingRun.TrainingSection, [])];

    /// <summary>Every key, model settings first.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. All.Select(k => k.Name)];

    private static IEnumerable<Key> Walk(Type type, string section, string[] prefix)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
        {
            string[] path = [.. prefix, JsonNamingPolicy.SnakeCaseLower.ConvertName(property.Name)];
            var t = property.PropertyType;
            if (t.IsClass && t != typeof(string))
                foreach (var nested in Walk(t, section, path)) yield return nested;
            else
                yield return new Key(string.Join('.', path), section, path, t);
        }
    }

    /// <summary>
    /// <paramref name="model"/> and <paramref name="training"/> with <paramref name="settings"/>
    /// (key, value text) applied; <paramref name="flag"/> names where they came from in errors.
    /// Setting the optimiser without the learning rate also takes that optimiser's default rate.
    /// </summary>
    public static (ModelConfig Model, TrainerOptions Training) Apply(ModelConfig model, TrainerOptions training,
        IReadOnlyList<(string Key, string Value)> settings, string flag)
    {
        var config = new JsonObject(TrainingRun.Sections(model, training));
        foreach (var (name, text) in settings)
        {
            var key = Find(name, flag);
            var value = Parse(key, text, $"{flag} {name}={text}");
            var owner = (JsonObject)config[key.Section]!;
            foreach (var part in key.Path[..^1]) owner = (JsonObject)owner[part]!;
            owner[key.Path[^1]] = JsonSerializer.SerializeToNode(value, key.Type, ModelConfig.Json);
            if (name == "optimizer" && !settings.Any(s => s.Key == "learning_rate"))
                config[TrainingRun.ModelSection]!["learning_rate"] = ModelConfig.DefaultLearningRate((OptimizerKind)value);
        }
        try
        {
            var newModel = config[TrainingRun.ModelSection].Deserialize<ModelConfig>(ModelConfig.Json)!;
            var newTraining = config[TrainingRun.TrainingSection].Deserialize<TrainerOptions>(ModelConfig.Json)!;
            newModel.Validate();
            newTraining.Validate();
            return (newModel, newTraining);
        }
        catch (SegueException e)
        {
            throw new SegueException($"{flag} {string.Join(' ', settings.Select(s => $"{s.Key}={s.Value}"))}: {e.Message}", e);
        }
    }

    /// <summary>Throws the one-line error for a key that is not a setting, listing those that are.</summary>
    public static void Check(string name, string flag) => Find(name, flag);

    private static Key Find(string name, string flag) =>
        All.FirstOrDefault(k => k.Name == name)
        ?? throw new SegueException($"{flag} {name}: not a setting; the settings are: {string.Join(", ", Names)}");

    private static object Parse(Key key, string text, string where)
    {
        var type = key.Type;
        if (type.IsEnum)
        {
            // Accepts the config's spelling (rms_prop) and the command line's (rmsprop).
            string wanted = text.Replace("_", "").Replace("-", "");
            return Enum.GetNames(type).FirstOrDefault(n => n.Equals(wanted, StringComparison.OrdinalIgnoreCase)) is { } match
                ? Enum.Parse(type, match)
                : throw new SegueException($"{where}: not one of {string.Join(", ", Enum.GetNames(type).Select(n => JsonNamingPolicy.SnakeCaseLower.ConvertName(n)))}");
        }
        var invariant = CultureInfo.InvariantCulture;
        object? value = type switch
        {
            _ when type == typeof(bool) => bool.TryParse(text, out bool b) ? b : null,
            _ when type == typeof(int) => int.TryParse(text, NumberStyles.Integer, invariant, out int i) ? i : null,
            _ when type == typeof(long) => long.TryParse(text, NumberStyles.Integer, invariant, out long l) ? l : null,
            _ when type == typeof(ulong) => ulong.TryParse(text, NumberStyles.Integer, invariant, out ulong u) ? u : null,
            _ when type == typeof(float) => float.TryParse(text, NumberStyles.Float, invariant, out float f) && float.IsFinite(f) ? f : null,
            _ => throw new InvalidOperationException($"setting {key.Name}: type {type.Name} has no parser"),
        };
        return value ?? throw new SegueException($"{where}: not {(type == typeof(bool) ? "true or false" : type == typeof(float) ? "a finite number" : "an integer")}");
    }
}
