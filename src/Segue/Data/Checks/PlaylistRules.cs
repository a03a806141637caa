using System.Globalization;

namespace Segue.Data.Checks;

/// <summary>What the dataset and the MPD folder checks word alike.</summary>
internal static class PlaylistRules
{
    public static bool IsUri(string value, string prefix) => value.Length > prefix.Length && value.StartsWith(prefix, StringComparison.Ordinal);

    public static string ModifiedAt(long seconds) =>
        $"modified_at {seconds} ({DateTimeOffset.FromUnixTimeSeconds(Math.Min(seconds, 253402300799)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)})";

    public static string Quote(string text) => $"\"{(text.Length <= 60 ? text : text[..60] + "...")}\"";

    /// <summary>The pids 0 to 999,999 each there: offenders are the pids missing and those outside.</summary>
    public static void CheckPidRange(IEnumerable<int> distinctPids, long playlists, RuleTallies tallies)
    {
        var present = new bool[CheckRules.Playlists];
        var outside = new List<int>();
        foreach (int pid in distinctPids)
            if (pid is >= 0 and < CheckRules.Playlists) present[pid] = true;
            else outside.Add(pid);
        int missing = present.Count(p => !p);
        if (missing + outside.Count == 0) return;
        tallies.Add(CheckRules.Pids, () => $"{playlists:N0} playlists, not {CheckRules.Playlists:N0}", 0);
        for (int start = 0; start < present.Length;)
        {
            if (present[start]) { start++; continue; }
            int end = start;
            while (end + 1 < present.Length && !present[end + 1]) end++;
            int first = start, last = end;
            tallies.Add(CheckRules.Pids, () => first == last ? $"pid {first:N0} missing" : $"pids {first:N0} to {last:N0} missing", last - first + 1);
            start = end + 1;
        }
        outside.Sort();
        foreach (int pid in outside) tallies.Add(CheckRules.Pids, () => $"pid {pid:N0}: outside 0 to 999,999");
    }
}
