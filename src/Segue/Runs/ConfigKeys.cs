using Segue.Model;
using Segue.Settings;
using Segue.Training;

namespace Segue.Runs;

/// <summary>
/// The settings of a training run by key, as sweeps address them (<c>segue sweep --grid KEY=...</c>
/// and <c>--set</c>): the settings tables of the model config and the training options
/// (<c>feature_size</c>, <c>optimizer</c>, <c>weights.mean_triplet</c>, <c>steps</c>, <c>eval_cosine</c>, ...).
/// A value is given as text, parsed by the setting's type, and the result validated like any config.
/// </summary>
public static class ConfigKeys
{
    private static readonly SettingTable Model = SettingTable.Of<ModelConfig>(), Training = SettingTable.Of<TrainerOptions>();

    /// <summary>Every key, model settings first.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. Model.All.Concat(Training.All).Select(s => s.Key)];

    /// <summary>
    /// <paramref name="model"/> and <paramref name="training"/> with <paramref name="settings"/>
    /// (key, value text) applied; errors name <paramref name="origin"/>, the setting that gave them
    /// (<c>grid</c>). Setting the optimiser without the learning rate also takes that optimiser's default rate.
    /// </summary>
    public static (ModelConfig Model, TrainerOptions Training) Apply(ModelConfig model, TrainerOptions training,
        IReadOnlyList<(string Key, string Value)> settings, string origin)
    {
        foreach (var (name, text) in settings)
        {
            var setting = Find(name, origin);
            object value = setting.Parse(text, origin);
            if (Model.Find(name) == setting) model = Model.With(model, setting, value);
            else training = Training.With(training, setting, value);
            if (name == "optimizer" && !settings.Any(s => s.Key == "learning_rate"))
                model = model with { LearningRate = ModelConfig.DefaultLearningRate((OptimizerKind)value) };
        }
        try
        {
            model.Validate();
            training.Validate();
            return (model, training);
        }
        catch (SegueException e)
        {
            throw SettingException.About(origin, $" {string.Join(' ', settings.Select(s => $"{s.Key}={s.Value}"))}: {e.Message}");
        }
    }

    /// <summary>Throws the one-line error for a key that is not a setting, listing those that are.</summary>
    public static void Check(string name, string origin) => Find(name, origin);

    private static Setting Find(string name, string origin) =>
        Model.Find(name) ?? Training.Find(name)
        ?? throw SettingException.About(origin, $" {name}: not a setting; the settings are: {string.Join(", ", Names)}");
}
