namespace Segue.Data.Checks;

/// <summary>How a rule came out: held, broken (a failure), broken but not enforced (an MPD rule on a
/// playlist table's dataset), or not checked here (and why).</summary>
public enum RuleStatus { Passed, Failed, NotEnforced, NotChecked }

/// <summary>A rule's outcome: how many offenders, the first few, and why it was not checked or enforced.</summary>
public sealed record RuleResult(CheckRule Rule, RuleStatus Status, long Offenders, IReadOnlyList<string> FirstOffenders, string? Note = null);

/// <summary>What <c>segue check</c> found in <paramref name="Source"/>: every rule's outcome, in
/// <see cref="CheckRules.All"/>'s order.</summary>
public sealed record CheckReport(string Source, bool IsTable, bool Quick, long Playlists, IReadOnlyList<RuleResult> Results)
{
    /// <summary>No enforced rule broken.</summary>
    public bool Passed => Results.All(r => r.Status != RuleStatus.Failed);
}

/// <summary>The offenders of every rule as a check goes: counts and the first <see cref="Kept"/> of
/// each, in the order found. One per slice while slices are checked in parallel, then added up in
/// slice order, so the first offenders are the dataset's first whatever the thread count.</summary>
internal sealed class RuleTallies
{
    public const int Kept = 5;
    private readonly long[] _counts = new long[CheckRules.All.Count];
    private readonly List<string>[] _first = [.. CheckRules.All.Select(_ => new List<string>())];

    public void Add(CheckRule rule, Func<string> offender, long count = 1) => Add(CheckRules.IndexOf(rule), offender, count);

    public void Add(int rule, Func<string> offender, long count = 1)
    {
        _counts[rule] += count;
        if (_first[rule].Count < Kept) _first[rule].Add(offender());
    }

    public long this[CheckRule rule] => _counts[CheckRules.IndexOf(rule)];

    public void Add(RuleTallies other)
    {
        for (int r = 0; r < _counts.Length; r++)
        {
            _counts[r] += other._counts[r];
            _first[r].AddRange(other._first[r].Take(Kept - _first[r].Count));
        }
    }

    /// <summary>The report: each rule checked here passed or failed (not enforced for a table's
    /// MPD rules); the others not checked, with <paramref name="notChecked"/>'s reason.</summary>
    public CheckReport Report(string source, bool isTable, bool quick, long playlists, Func<CheckRule, string?> notChecked) =>
        new(source, isTable, quick, playlists, [.. CheckRules.All.Select((rule, r) => notChecked(rule) is { } why
            ? new RuleResult(rule, RuleStatus.NotChecked, 0, [], why)
            : _counts[r] == 0 ? new RuleResult(rule, RuleStatus.Passed, 0, [])
            : isTable && rule.MpdOnly ? new RuleResult(rule, RuleStatus.NotEnforced, _counts[r], _first[r], "an MPD rule; your own playlists need not keep it")
            : new RuleResult(rule, RuleStatus.Failed, _counts[r], _first[r]))]);
}
