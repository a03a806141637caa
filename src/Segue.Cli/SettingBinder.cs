using System.CommandLine;
using Segue.Settings;

namespace Segue.Cli;

/// <summary>
/// The command line of settings tables: creates a command's options from the settings it takes
/// (option, type, default and help as each is declared once in its record), reads the records back
/// from a parse, and words a library's <see cref="SettingException"/>, which names the key
/// (<c>num_negatives</c>), with the option the user typed (<c>--num-negatives</c>).
/// </summary>
public sealed class SettingBinder(Command command)
{
    private readonly Dictionary<string, Bound> _byKey = [];

    private sealed record Bound(Setting Setting, Option Option, Func<ParseResult, object?> Read, Action DropDefault);

    /// <summary>Adds an option for each setting of <typeparamref name="T"/> (only those of
    /// <paramref name="keys"/> when given).</summary>
    public SettingBinder Add<T>(params string[] keys)
    {
        foreach (var setting in SettingTable.Of<T>().All.Where(s => keys.Length == 0 || keys.Contains(s.Key)))
        {
            var bound = OptionType(setting.Type) == typeof(string[]) ? List(setting)
                : (Bound)typeof(SettingBinder).GetMethod(nameof(Make), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
                    .MakeGenericMethod(setting.Type).Invoke(null, [setting])!;
            _byKey.Add(setting.Key, bound);
            command.Options.Add(bound.Option);
        }
        return this;
    }

    /// <summary>The option of setting <paramref name="key"/>.</summary>
    public Option this[string key] => _byKey[key].Option;

    /// <summary>Makes setting <paramref name="key"/>'s option one the user must give (no default).</summary>
    public SettingBinder Require(string key)
    {
        _byKey[key].DropDefault();
        _byKey[key].Option.Required = true;
        return this;
    }

    /// <summary>True when the user gave setting <paramref name="key"/>'s option.</summary>
    public bool Given(ParseResult parse, string key) => parse.GetResult(_byKey[key].Option) is { Implicit: false };

    /// <summary>A <typeparamref name="T"/> with its defaults and every setting of it this binder
    /// made an option for as the command line gave it (unchecked: validate it).</summary>
    public T Read<T>(ParseResult parse) where T : notnull
    {
        var table = SettingTable.Of<T>();
        var record = table.New<T>();
        foreach (var setting in table.All)
            if (_byKey.TryGetValue(setting.Key, out var bound) && bound.Setting == setting)
                record = table.With(record, setting, bound.Read(parse));
        return record;
    }

    /// <summary>Runs <paramref name="action"/>, rewording a setting's error with its option.</summary>
    public void Run(Action action) => Run(() =>
    {
        action();
        return 0;
    });

    /// <summary>Runs <paramref name="action"/> and returns its exit code, rewording a setting's error with its option.</summary>
    public int Run(Func<int> action)
    {
        try
        {
            return action();
        }
        catch (SettingException e)
        {
            throw new SegueException(e.WordedAs(OptionFor(e.Key)), e);
        }
    }

    /// <summary>The option that sets <paramref name="key"/>: this binder's, or one of the command's
    /// named after the key; the key itself when the command has none.</summary>
    private string OptionFor(string key)
    {
        if (_byKey.TryGetValue(key, out var bound)) return bound.Option.Name;
        string option = "--" + Setting.OptionName(key);
        return command.Options.Any(o => o.Name == option) ? option : key;
    }

    /// <summary>A setting's option as typed: <c>--num-negatives</c>, or <c>-k</c> for one letter.</summary>
    public static string Spelled(Setting setting) => (setting.Option.Length == 1 ? "-" : "--") + setting.Option;

    private static Type OptionType(Type type) => type == typeof(IReadOnlyList<string>) ? typeof(string[]) : type;

    private static Bound Make<TValue>(Setting setting)
    {
        var option = new Option<TValue>(Spelled(setting)) { Description = setting.Help };
        if (setting.Default is not null) option.DefaultValueFactory = _ => (TValue)setting.Default;
        return new Bound(setting, option, parse => parse.GetValue(option), () => option.DefaultValueFactory = null);
    }

    // A list: the option given once per value.
    private static Bound List(Setting setting)
    {
        var option = new Option<string[]>(Spelled(setting)) { Description = setting.Help };
        return new Bound(setting, option, parse => (IReadOnlyList<string>)(parse.GetValue(option) ?? []), () => { });
    }
}
