using System.Runtime.InteropServices;
using System.Text.Json;
using Segue.Data;
using Segue.IO;
using Segue.Retrieval;

namespace Segue.Evaluation;

/// <summary>
/// Evaluation cases from a RecSys Challenge 2018 set: <c>challenge_set.json</c> (the seeds and
/// titles, in the MPD challenge format) joined by pid with <c>challenge_truth.json</c> (the
/// withheld tracks and each playlist's category:
/// <c>{"version": 1, "playlists": [{"pid": ..., "category": 1..10, "holdouts": [URI, ...]}]}</c>).
/// URIs become dataset track ids. A seed the dataset does not know is dropped from the seeds (no
/// recommender could use it). A withheld track the dataset does not know still counts in |G|, as a
/// negative id: it can never be recommended, so it caps the reachable figures as it would on the
/// real challenge. Whether the seeds are the playlist's first tracks or a sample of it comes from
/// the set itself, the <c>pos</c> of every seed (dropped ones included), since the real challenge
/// ships without categories.
/// </summary>
public static class ChallengeCases
{
    /// <summary>Cases of the challenge set in <paramref name="folder"/>, in the set's order. Without
    /// a truth file (the real challenge keeps its answers) the cases have category 0 and nothing
    /// withheld: enough to rank them for a submission, not to score them.</summary>
    public static IReadOnlyList<EvalCase> Load(string folder, Dataset dataset, out bool hasTruth)
    {
        string setPath = ChallengeSetFiles.SetPath(folder), truthPath = ChallengeSetFiles.TruthPath(folder);
        if (!File.Exists(setPath)) throw new SegueException($"{setPath}: no such file (expected a challenge set folder)");
        hasTruth = File.Exists(truthPath);
        return Read(setPath, hasTruth ? truthPath : null, dataset);
    }

    /// <summary>Reads a challenge set and, when <paramref name="truthPath"/> is given, its answers.</summary>
    public static IReadOnlyList<EvalCase> Read(string setPath, string? truthPath, Dataset dataset)
    {
        var truth = truthPath is null ? null : ChallengeTruth.Read(truthPath).Playlists.ToDictionary(p => p.Pid);
        var cases = new List<EvalCase>();
        var pids = new HashSet<int>();
        var positions = new List<int>();
        using var document = JsonFields.Parse(setPath);
        var root = JsonFields.Root(setPath, document);
        int index = 0;
        foreach (var playlist in JsonFields.Property(setPath, "the file", root, "playlists", JsonValueKind.Array).EnumerateArray())
        {
            string record = $"playlist {index++}";
            if (playlist.ValueKind != JsonValueKind.Object)
                throw new SegueException($"{setPath}: {record}: expected an object");
            int pid = JsonFields.Int(setPath, record, playlist, "pid");
            record += $" (pid {pid})";
            if (!pids.Add(pid)) throw new SegueException($"{setPath}: {record}: field 'pid' repeats an earlier playlist's");
            string? title = null;
            if (playlist.TryGetProperty("name", out _))
                title = JsonFields.Property(setPath, record, playlist, "name", JsonValueKind.String).GetString();
            var seeds = new List<int>();
            var seedPositions = new List<int>();
            positions.Clear();
            foreach (var track in JsonFields.Property(setPath, record, playlist, "tracks", JsonValueKind.Array).EnumerateArray())
            {
                string trackRecord = $"{record}, track {positions.Count}";
                if (track.ValueKind != JsonValueKind.Object)
                    throw new SegueException($"{setPath}: {trackRecord}: field 'tracks' holds a {track.ValueKind}; expected track objects");
                string uri = JsonFields.Property(setPath, trackRecord, track, "track_uri", JsonValueKind.String).GetString()!;
                int pos = JsonFields.Int(setPath, trackRecord, track, "pos");
                if (pos < 0) throw new SegueException($"{setPath}: {trackRecord}: field 'pos' is {pos}; expected a non-negative integer");
                positions.Add(pos);
                if (!dataset.TryGetTrack(uri, out int id)) continue;
                seeds.Add(id);
                seedPositions.Add(pos);
            }
            var order = SeedOrder.Of(CollectionsMarshal.AsSpan(positions));
            int category = 0;
            int[] withheld = [];
            if (truth is not null)
            {
                if (!truth.Remove(pid, out var answer))
                    throw new SegueException($"{truthPath}: no playlist of pid {pid} (in {setPath})");
                category = answer.Category;
                // Only this way round is a contradiction: a random sample may be the first tracks.
                if (order == SeedOrder.Sampled && !ChallengeCategory.Get(category).RandomSeeds)
                    throw new SegueException($"{setPath}: {record}: field 'pos': the seeds are not the playlist's first " +
                        $"{positions.Count} tracks in order, but {truthPath} gives category {category} ({ChallengeCategory.Get(category)})");
                withheld = WithheldIds(answer.Holdouts, dataset);
            }
            cases.Add(new EvalCase(pid, category, [.. seeds], withheld, title, order, [.. seedPositions]));
        }
        if (truth is { Count: > 0 })
            throw new SegueException($"{truthPath}: playlist of pid {truth.Keys.Min()} is not in {setPath}");
        return cases;
    }

    // Unknown tracks get -1, -2, ... in order of first appearance, so a repeated unknown URI is one
    // member of G, as a repeated known one is.
    private static int[] WithheldIds(IReadOnlyList<string> uris, Dataset dataset)
    {
        var unknown = new Dictionary<string, int>();
        var ids = new int[uris.Count];
        for (int i = 0; i < ids.Length; i++)
        {
            if (dataset.TryGetTrack(uris[i], out ids[i])) continue;
            if (!unknown.TryGetValue(uris[i], out ids[i]))
                unknown.Add(uris[i], ids[i] = -1 - unknown.Count);
        }
        return ids;
    }

}
