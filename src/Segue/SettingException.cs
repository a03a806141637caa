using System.Globalization;

namespace Segue;

/// <summary>
/// A setting out of its range, named by its config key (<c>num_negatives 0: must be positive</c>),
/// or another problem with what a setting was given (<c>grid optimiser: not a setting; ...</c>).
/// The command line words the same error with its option (<c>--num-negatives 0: must be
/// positive</c>) through <see cref="WordedAs"/>.
/// </summary>
public sealed class SettingException : SegueException
{
    public SettingException(string key, object value, string requirement) : base($"{key} {Text(value)}: must be {requirement}") => Key = key;

    private SettingException(string key, string message) : base(message) => Key = key;

    /// <summary>The config key of the setting (<c>num_negatives</c>, <c>weights.reg</c>).</summary>
    public string Key { get; }

    /// <summary>A problem with what <paramref name="key"/> was given: <paramref name="problem"/>
    /// follows the key (<c>" optimiser=sgd: not a setting"</c>, <c>": none given"</c>).</summary>
    public static SettingException About(string key, string problem) => new(key, key + problem);

    /// <summary>Throws the error for <paramref name="key"/> unless <paramref name="ok"/>: how each
    /// settings record declares its ranges, one line a setting.</summary>
    public static void Require(bool ok, string key, object value, string requirement)
    {
        if (!ok) throw new SettingException(key, value, requirement);
    }

    /// <summary>The same error naming the setting <paramref name="name"/> (an option) instead of its key.</summary>
    public string WordedAs(string name) => name + Message[Key.Length..];

    private static string Text(object value) => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "null";
}
