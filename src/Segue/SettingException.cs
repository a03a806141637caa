using System.Globalization;

namespace Segue;

/// <summary>
/// A setting out of its range, named by its config key (<c>num_negatives 0: must be positive</c>).
/// The command line words the same error with its option (<c>--num-negatives 0: must be
/// positive</c>) through <see cref="WordedAs"/>.
/// </summary>
public sealed class SettingException(string key, object value, string requirement)
    : SegueException($"{key} {Text(value)}: must be {requirement}")
{
    /// <summary>The config key of the setting (<c>num_negatives</c>, <c>weights.reg</c>).</summary>
    public string Key { get; } = key;

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
