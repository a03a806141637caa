namespace Segue.Data.Checks;

/// <summary>Where a rule can be checked: in an MPD folder's JSON, in an ingested dataset, or both
/// (a dataset keeps one name per id, no raw fields, no slice files).</summary>
[Flags]
public enum CheckScope { Folder = 1, Dataset = 2, Both = Folder | Dataset }

/// <summary>
/// One of the MPD's rules, as its <c>check.py</c> states it: an id for reports, what must hold,
/// where it can be checked, and whether it is the MPD's own sampling (a million pids, 5 to 250
/// tracks, Spotify URIs) rather than what any playlist data must be: such a rule is reported but
/// not enforced for a dataset read from a playlist table. <see cref="Whole"/> rules are about the
/// whole dataset and are not checked by <c>--quick</c>, which reads the first slices only.
/// </summary>
public sealed record CheckRule(string Id, string Statement, CheckScope Scope, bool MpdOnly, bool Whole = false);
