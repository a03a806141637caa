using System.Globalization;
using System.Reflection;
using System.Text.Json;

namespace Segue.Settings;

/// <summary>
/// One declared setting of a settings record (see <see cref="SettingAttribute"/>): its key, option,
/// type, default, range and help, where it sits in the record, and the checks of its range.
/// </summary>
public sealed class Setting
{
    private readonly SettingAttribute _declared;
    private readonly PropertyInfo[] _path;

    internal Setting(SettingAttribute declared, PropertyInfo[] path, object? defaultValue)
    {
        _declared = declared;
        _path = path;
        Default = defaultValue;
        Type = path[^1].PropertyType;
        Requirement = Describe();
    }

    /// <summary>The config key (<c>num_negatives</c>, <c>weights.reg</c>).</summary>
    public string Key => _declared.Key;
    /// <summary>The command-line option's name (<c>num-negatives</c>, <c>w-reg</c>, <c>k</c>); a
    /// command line spells it <c>--num-negatives</c>, or <c>-k</c> when it is one letter.</summary>
    public string Option => _declared.Option ?? OptionName(Key);

    /// <summary>The option a key names when its setting declares none.</summary>
    public static string OptionName(string key) => key.Replace('_', '-').Replace('.', '-');
    public string Help => _declared.Help;
    /// <summary>The property's type (<c>int?</c> for a setting whose null means "decide for me").</summary>
    public Type Type { get; }
    /// <summary>The value a new record has.</summary>
    public object? Default { get; }
    /// <summary>The range as an error says it (<c>between 1 and 4096</c>); empty when any value goes.</summary>
    public string Requirement { get; }
    /// <summary>The property's names from the record's root down to it.</summary>
    public IReadOnlyList<PropertyInfo> Path => _path;

    /// <summary>The setting's value in <paramref name="record"/> (the table's record type).</summary>
    public object? Get(object record)
    {
        object? value = record;
        foreach (var property in _path) value = property.GetValue(value);
        return value;
    }

    /// <summary>Throws the <see cref="SettingException"/> naming the key unless <paramref name="value"/>
    /// is in the setting's range; null (where the type allows it) always is.</summary>
    public void Check(object? value)
    {
        if (value is null || !IsNumber(value.GetType())) return;
        double x = Convert.ToDouble(value, CultureInfo.InvariantCulture);
        // NaN fails every comparison; an infinity the finite check.
        bool ok = double.IsFinite(x)
            && (_declared.AboveMin ? x > _declared.Min : x >= _declared.Min)
            && (_declared.BelowMax ? x < _declared.Max : x <= _declared.Max);
        if (!ok) throw new SettingException(Key, value, Requirement);
    }

    /// <summary>Parses <paramref name="text"/> as the setting's type (an enum by the config's
    /// spelling, <c>rms_prop</c>, or the command line's, <c>rmsprop</c>); when it is not one, a
    /// one-line error naming <paramref name="origin"/>, the setting that gave it (<c>grid</c>).</summary>
    public object Parse(string text, string origin)
    {
        string where = $" {Key}={text}";
        var type = Nullable.GetUnderlyingType(Type) ?? Type;
        if (type.IsEnum)
        {
            string wanted = text.Replace("_", "").Replace("-", "");
            return Enum.GetNames(type).FirstOrDefault(n => n.Equals(wanted, StringComparison.OrdinalIgnoreCase)) is { } match
                ? Enum.Parse(type, match)
                : throw SettingException.About(origin, $"{where}: not one of {string.Join(", ", Enum.GetNames(type).Select(n => JsonNamingPolicy.SnakeCaseLower.ConvertName(n)))}");
        }
        var invariant = CultureInfo.InvariantCulture;
        object? value = type switch
        {
            _ when type == typeof(bool) => bool.TryParse(text, out bool b) ? b : null,
            _ when type == typeof(int) => int.TryParse(text, NumberStyles.Integer, invariant, out int i) ? i : null,
            _ when type == typeof(long) => long.TryParse(text, NumberStyles.Integer, invariant, out long l) ? l : null,
            _ when type == typeof(ulong) => ulong.TryParse(text, NumberStyles.Integer, invariant, out ulong u) ? u : null,
            _ when type == typeof(float) => float.TryParse(text, NumberStyles.Float, invariant, out float f) && float.IsFinite(f) ? f : null,
            _ when type == typeof(double) => double.TryParse(text, NumberStyles.Float, invariant, out double d) && double.IsFinite(d) ? d : null,
            _ when type == typeof(string) => text,
            _ => throw new InvalidOperationException($"setting {Key}: type {type.Name} has no parser"),
        };
        return value ?? throw SettingException.About(origin, $"{where}: not {(type == typeof(bool) ? "true or false" : IsInteger(type) ? "an integer" : "a finite number")}");
    }

    private static bool IsNumber(Type type) => IsInteger(type) || type == typeof(float) || type == typeof(double);

    private static bool IsInteger(Type type) => type == typeof(int) || type == typeof(long) || type == typeof(ulong);

    // One wording for every range: "between 1 and 4096", "in [0, 1)", "positive", "0 (never) or
    // positive", "finite and >= 0", "at least 2".
    private string Describe()
    {
        var type = Nullable.GetUnderlyingType(Type) ?? Type;
        if (!IsNumber(type)) return "";
        var d = _declared;
        string min = Number(d.Min), max = Number(d.Max);
        bool integer = IsInteger(type), hasMin = !double.IsNegativeInfinity(d.Min), hasMax = !double.IsPositiveInfinity(d.Max);
        bool positive = (d.Min == 0 && d.AboveMin) || (integer && d.Min == 1 && !d.AboveMin);
        string range = (hasMin, hasMax) switch
        {
            (true, true) when d.Min == 0 && d.AboveMin && !d.BelowMax => $"positive and at most {max}",
            (true, true) when !d.AboveMin && !d.BelowMax => $"between {min} and {max}",
            (true, true) => $"in {(d.AboveMin ? '(' : '[')}{min}, {max}{(d.BelowMax ? ')' : ']')}",
            (true, false) when positive => integer ? "positive" : "finite and positive",
            (true, false) when d.Min == 0 && d.Zero is not null => $"0 ({d.Zero}) or positive",
            (true, false) when d.Min == 0 => integer ? "0 or more" : "finite and >= 0",
            (true, false) => d.AboveMin ? $"greater than {min}" : $"at least {min}",
            (false, true) => d.BelowMax ? $"less than {max}" : $"at most {max}",
            _ => "finite",
        };
        return d.Why is null ? range : $"{range} ({d.Why})";
    }

    private static string Number(double x) => x.ToString(CultureInfo.InvariantCulture);
}
