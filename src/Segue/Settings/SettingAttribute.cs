namespace Segue.Settings;

/// <summary>
/// Declares a property of a settings record as a setting, once, with everything about it beside
/// its default (as LightGBM's <c>config.h</c> declares each parameter with its checks): the config
/// key it is read and written as and that errors name, the command-line option's name (default:
/// the key in kebab case, <c>num_negatives</c> as <c>num-negatives</c>), the range and the help text.
/// <see cref="SettingTable"/> gathers a record's declarations; numbers must be finite.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class SettingAttribute(string key, string help) : Attribute
{
    public string Key { get; } = key;
    public string Help { get; } = help;
    /// <summary>The command-line option's name, without its dashes, when it is not the key in kebab case.</summary>
    public string? Option { get; set; }
    /// <summary>The least value allowed (<see cref="AboveMin"/>: the value must be greater).</summary>
    public double Min { get; set; } = double.NegativeInfinity;
    /// <summary>The largest value allowed (<see cref="BelowMax"/>: the value must be smaller):
    /// declared where a size could exhaust memory or time.</summary>
    public double Max { get; set; } = double.PositiveInfinity;
    public bool AboveMin { get; set; }
    public bool BelowMax { get; set; }
    /// <summary>What 0 means when the setting is otherwise positive (<c>never</c>, <c>all</c>).</summary>
    public string? Zero { get; set; }
    /// <summary>Why the range is what it is, said after it in errors (<c>one per category</c>).</summary>
    public string? Why { get; set; }
}
