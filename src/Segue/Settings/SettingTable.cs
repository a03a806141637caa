using System.Collections.Concurrent;
using System.Reflection;

namespace Segue.Settings;

/// <summary>
/// The settings of one settings record, in declaration order: every property declared with a
/// <see cref="SettingAttribute"/>, and those of the records it holds (a model's loss weights, the
/// ranker's generators), gathered once per record type. The one validator of ranges, for options
/// and for config files read back alike, and the one way to set a setting by its key.
/// </summary>
public sealed class SettingTable
{
    private static readonly ConcurrentDictionary<Type, SettingTable> Tables = new();
    private readonly Dictionary<string, Setting> _byKey;

    private SettingTable(Type record)
    {
        All = [.. Walk(record, [], New(record))];
        _byKey = All.ToDictionary(s => s.Key);
    }

    /// <summary>The table of settings record <typeparamref name="T"/>.</summary>
    public static SettingTable Of<T>() => Of(typeof(T));

    public static SettingTable Of(Type record) => Tables.GetOrAdd(record, t => new SettingTable(t));

    /// <summary>Every setting, in the order the record declares them.</summary>
    public IReadOnlyList<Setting> All { get; }

    /// <summary>A new record with every default.</summary>
    public T New<T>() => (T)New(typeof(T));

    /// <summary>The setting of <paramref name="key"/>; null when there is none.</summary>
    public Setting? Find(string key) => _byKey.GetValueOrDefault(key);

    /// <summary>Throws a one-line <see cref="SettingException"/> naming the first setting of
    /// <paramref name="record"/> out of its range by its key.</summary>
    public void Validate(object record)
    {
        foreach (var setting in All) setting.Check(setting.Get(record));
    }

    /// <summary>A copy of <paramref name="record"/> with <paramref name="setting"/> set to
    /// <paramref name="value"/> (unchecked: validate the result).</summary>
    public T With<T>(T record, Setting setting, object? value) where T : notnull => (T)With(record, setting.Path, 0, value);

    private static object With(object record, IReadOnlyList<PropertyInfo> path, int depth, object? value)
    {
        var copy = Clone(record);
        var property = path[depth];
        property.SetValue(copy, depth == path.Count - 1 ? value : With(property.GetValue(record)!, path, depth + 1, value));
        return copy;
    }

    // A record's own copy: its properties are init-only, so a member-wise copy set once is a new record.
    private static readonly MethodInfo CloneMethod =
        typeof(object).GetMethod("MemberwiseClone", BindingFlags.Instance | BindingFlags.NonPublic)!;

    private static object Clone(object record) => CloneMethod.Invoke(record, null)!;

    private static IEnumerable<Setting> Walk(Type type, PropertyInfo[] prefix, object defaults)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            PropertyInfo[] path = [.. prefix, property];
            if (property.GetCustomAttribute<SettingAttribute>() is { } declared)
                yield return new Setting(declared, path, property.GetValue(defaults));
            else if (property.CanWrite && property.PropertyType.IsClass && property.PropertyType != typeof(string)
                     && property.GetValue(defaults) is { } held)
                foreach (var nested in Walk(property.PropertyType, path, held))
                    yield return nested;
        }
    }

    // A record with its defaults: its parameterless constructor, or its positional one with every
    // parameter's default.
    private static object New(Type record)
    {
        if (record.GetConstructor(Type.EmptyTypes) is { } plain) return plain.Invoke(null);
        var positional = record.GetConstructors().Single(c => c.GetParameters().All(p => p.HasDefaultValue));
        return positional.Invoke([.. positional.GetParameters().Select(_ => Type.Missing)]);
    }
}
