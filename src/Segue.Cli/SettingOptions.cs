using System.CommandLine;

namespace Segue.Cli;

/// <summary>The options that set a config key: a <see cref="SettingException"/> names the key
/// (<c>num_negatives</c>), the command line says it with the option the user typed
/// (<c>--num-negatives</c>).</summary>
public static class SettingOptions
{
    /// <summary>Keys whose option is not the key in kebab case.</summary>
    private static readonly Dictionary<string, string> Renamed = new()
    {
        ["learning_rate"] = "--lr",
        ["cooccurrence_a"] = "--cooc-a",
        ["cooccurrence_b"] = "--cooc-b",
        ["cooccurrence_max_playlists_per_seed"] = "--cooc-max-playlists",
        ["weights.extremal_triplet"] = "--w-extremal",
        ["weights.mean_triplet"] = "--w-mean",
        ["weights.reg"] = "--w-reg",
        ["weights.context_self"] = "--w-context-self",
        ["weights.next_self"] = "--w-next-self",
        ["weights.negative_self"] = "--w-negative-self",
    };

    /// <summary>The option of <paramref name="command"/> that sets <paramref name="key"/>; the key
    /// itself when the command has none.</summary>
    public static string OptionFor(string key, Command command)
    {
        string option = OptionName(key);
        return command.Options.Any(o => o.Name == option) ? option : key;
    }

    /// <summary>The name of the option that sets <paramref name="key"/>, wherever there is one.</summary>
    public static string OptionName(string key) => Renamed.GetValueOrDefault(key) ?? "--" + key.Replace('_', '-');

    /// <summary>Runs <paramref name="action"/>, rewording a setting's error with its option.</summary>
    public static void Worded(Command command, Action action) => Worded(command, () =>
    {
        action();
        return 0;
    });

    /// <summary>Runs <paramref name="action"/> and returns its exit code, rewording a setting's error with its option.</summary>
    public static int Worded(Command command, Func<int> action)
    {
        try
        {
            return action();
        }
        catch (SettingException e)
        {
            throw new SegueException(e.WordedAs(OptionFor(e.Key, command)), e);
        }
    }
}
