using System.Globalization;
using Segue.Data;

namespace Segue.Serving;

/// <summary>
/// The playlists a user names as the MPD's show.py takes them: pids (<c>1008</c>) and ranges of pids
/// (<c>1000-1020</c>: 1000 to 1019, the end excluded as show.py's <c>range</c> has it), in the order
/// given, each range in pid order. Every item must name a playlist of the dataset: a pid it lacks,
/// or a range holding none, is refused naming the item.
/// </summary>
public static class PlaylistSelection
{
    public static IReadOnlyList<int> Select(Dataset dataset, IReadOnlyList<string> items)
    {
        if (items.Count == 0) throw new RequestFieldException("pids", "none given: give a pid (1008) or a range of pids (1000-1020)");
        var lookup = new PlaylistLookup(dataset);
        var playlists = new List<int>();
        foreach (string item in items)
        {
            int dash = item.IndexOf('-', 1);
            if (dash < 0)
            {
                int pid = Pid(item, item);
                int playlist = lookup.Find(pid);
                if (playlist < 0) throw new RequestFieldException(item, "no such pid in the dataset");
                playlists.Add(playlist);
                continue;
            }
            int start = Pid(item[..dash], item), end = Pid(item[(dash + 1)..], item);
            if (end <= start) throw new RequestFieldException(item, "the range ends at or before its start (START-END: START up to END, END excluded)");
            var range = lookup.Range(start, end);
            if (range.Count == 0) throw new RequestFieldException(item, "no pid of the dataset in this range (START-END: START up to END, END excluded)");
            playlists.AddRange(range);
        }
        return playlists;
    }

    private static int Pid(string text, string item) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int pid) ? pid
            : throw new RequestFieldException(item, "not a pid (1008) or a range of pids (1000-1020)");
}
