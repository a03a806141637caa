namespace Segue.Bench;

/// <summary>The few <c>--name value</c> options a benchmark takes, with defaults.</summary>
public sealed class BenchArgs(string[] args)
{
    public string Get(string name, string fallback)
    {
        int i = Array.IndexOf(args, "--" + name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
    }

    public int GetInt(string name, int fallback) => int.Parse(Get(name, fallback.ToString()));

    public bool Has(string name) => Array.IndexOf(args, "--" + name) >= 0;
}
