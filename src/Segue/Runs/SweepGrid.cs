namespace Segue.Runs;

/// <summary>One combination of a sweep: its run folder's name and its settings.</summary>
public sealed record SweepPoint(string Name, IReadOnlyList<(string Key, string Value)> Settings);

/// <summary>
/// A sweep's grid from <c>--grid key=v1,v2,...</c> options: every combination of the values, the
/// first key varying slowest. Each combination's run is named after its settings
/// (<c>optimizer=adam,feature_size=16</c>), so a sweep folder reads as its own table of contents.
/// </summary>
public static class SweepGrid
{
    /// <summary>The keys errors name: the grid's settings, and those shared by every run.</summary>
    public const string Grid = "grid", Set = "set";

    public static IReadOnlyList<SweepPoint> Combinations(IReadOnlyList<string> grid)
    {
        if (grid.Count == 0)
            throw SettingException.About(Grid, ": none given; a sweep needs at least one, e.g. optimizer=sgd,adam");
        var axes = new List<(string Key, string[] Values)>();
        foreach (var spec in grid)
        {
            int equals = spec.IndexOf('=');
            if (equals <= 0) throw SettingException.About(Grid, $" {spec}: expected KEY=VALUE,VALUE,...");
            string key = spec[..equals].Trim();
            ConfigKeys.Check(key, Grid);
            var values = spec[(equals + 1)..].Split(',', StringSplitOptions.TrimEntries);
            if (values.All(v => v.Length == 0)) throw SettingException.About(Grid, $" {spec}: no values");
            if (values.Any(v => v.Length == 0)) throw SettingException.About(Grid, $" {spec}: an empty value");
            if (axes.Any(a => a.Key == key)) throw SettingException.About(Grid, $" {key}: given twice; list all its values at once");
            if (values.GroupBy(v => v).FirstOrDefault(g => g.Count() > 1) is { } twice)
                throw SettingException.About(Grid, $" {spec}: {twice.Key} is listed twice");
            axes.Add((key, values));
        }
        IEnumerable<List<(string, string)>> combinations = [[]];
        foreach (var (key, values) in axes)
            combinations = combinations.SelectMany(c => values.Select(v => new List<(string, string)>(c) { (key, v) }));
        return [.. combinations.Select(c => new SweepPoint(string.Join(',', c.Select(s => $"{s.Item1}={s.Item2}")), c))];
    }

    /// <summary>The settings every run shares, from <c>KEY=VALUE</c> texts.</summary>
    public static IReadOnlyList<(string Key, string Value)> Shared(IReadOnlyList<string> set) =>
        [.. set.Select(text =>
        {
            int equals = text.IndexOf('=');
            if (equals <= 0) throw SettingException.About(Set, $" {text}: expected KEY=VALUE");
            string key = text[..equals].Trim();
            ConfigKeys.Check(key, Set);
            return (key, text[(equals + 1)..].Trim());
        })];

    /// <summary>Refuses a setting shared by every run (<c>--set</c>) that is given twice or is also
    /// a grid key: one of the two would silently win.</summary>
    public static void CheckShared(IReadOnlyList<SweepPoint> points, IReadOnlyList<(string Key, string Value)> shared)
    {
        foreach (var (key, _) in shared)
        {
            if (shared.Count(s => s.Key == key) > 1)
                throw SettingException.About(Set, $" {key}: given twice");
            if (points.Any(p => p.Settings.Any(s => s.Key == key)))
                throw SettingException.About(Set, $" {key}: also a {Grid} key; give it in one of them");
        }
    }
}
