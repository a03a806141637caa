using Segue.Data;
using Segue.IO;
using Segue.Structures;

namespace Segue.Evaluation;

/// <summary>What <see cref="ChallengeCut.Run"/> wrote: the challenge playlists by category, the
/// playlists and slices left for training, and the files.</summary>
public sealed record ChallengeCutSummary(IReadOnlyList<int> ByCategory, int TrainingPlaylists, int TrainingSlices, string SetPath, string TruthPath)
{
    public int Challenge => ByCategory.Sum();
}

/// <summary>
/// Cuts a challenge set out of MPD data (<c>segue challenge</c>), so that any real dataset can be
/// evaluated as the RecSys Challenge was: <c>count</c> playlists in the ten categories (equal
/// consecutive blocks, each playlist at least <see cref="ChallengeSeeds.MinLengthOf"/> long) are
/// taken out whole, their seeds written to <c>challenge_set.json</c> in the challenge's layout
/// (with <c>pos</c>, <c>num_tracks</c>, <c>num_samples</c>, <c>num_holdouts</c>, and the title
/// where the category gives it) and their withheld tracks to <c>challenge_truth.json</c>; the
/// other playlists are written back to <c>data/</c> in their own slices, in the MPD's exact
/// layout. As in the real challenge, every track of a challenge playlist, seed or withheld, is
/// also held by a playlist left for training, unless <c>allowUnseen</c> (for small datasets, where
/// most tracks are in one playlist only: a withheld track no training playlist holds can never be
/// found, and an unknown seed is skipped). The same sources, count and seed give the same bytes.
/// </summary>
public static class ChallengeCut
{
    public const int DefaultCount = 1000;

    public static ChallengeCutSummary Run(IReadOnlyList<string> sources, string output, int count, ulong seed, bool allowUnseen = false,
        IProgressSink? progress = null)
    {
        progress ??= Progress.None;
        SettingException.Require(count is >= ChallengeCategory.Count and <= MaxCount, "playlists", count,
            $"between {ChallengeCategory.Count} (one per category) and {MaxCount}");
        string target = OutputPath.Folder(output);
        if (Path.Exists(target)) throw new SegueException($"{output}: already exists; a cut is written to a new folder and replaces nothing");
        ChallengeCutSummary? summary = null;
        AtomicFolder.Create(target, temp =>
        {
            // Every playlist read, none held out: the cut decides which are training playlists.
            string datasetPath = Path.Combine(temp, "source.segue");
            MpdIngest.Run(sources, datasetPath, new IngestOptions(TestEvery: 0), progress);
            using (var dataset = Dataset.Open(datasetPath))
                summary = Write(dataset, temp, target, count, seed, allowUnseen, progress);
            File.Delete(datasetPath);
        });
        return summary!;
    }

    private const int MaxCount = 1_000_000;

    private static ChallengeCutSummary Write(Dataset dataset, string folder, string target, int count, ulong seed, bool allowUnseen,
        IProgressSink progress)
    {
        var rng = new Rng(seed);
        var order = Enumerable.Range(0, dataset.PlaylistCount).ToArray();
        rng.Shuffle(order);
        // How many playlists still left for training hold each track.
        var holders = new int[dataset.TrackCount];
        var distinct = new TrackMarks(dataset.TrackCount);
        for (int p = 0; p < dataset.PlaylistCount; p++)
            CountHolders(dataset.PlaylistTracks(p), holders, distinct, +1);

        var taken = new bool[dataset.PlaylistCount];
        var challenges = new List<ChallengePlaylist>();
        var byCategory = new int[ChallengeCategory.Count];
        var categories = ChallengeCategory.All;
        for (int c = 0; c < categories.Count; c++)
        {
            var category = categories[c];
            int wanted = category.Quota(count);
            for (int i = 0; i < order.Length && byCategory[c] < wanted; i++)
            {
                int p = order[i];
                var tracks = dataset.PlaylistTracks(p);
                if (taken[p] || tracks.Length < ChallengeSeeds.MinLengthOf(category) || !(allowUnseen || OthersHoldAll(tracks, holders))) continue;
                taken[p] = true;
                CountHolders(tracks, holders, distinct, -1);
                challenges.Add(new ChallengePlaylist(DatasetTracks.Playlist(dataset, p), category,
                    ChallengeSeeds.Positions(category, tracks.Length, ref rng)));
                byCategory[c]++;
            }
        }

        var catalogue = new DatasetTracks(dataset);
        var writer = new MpdJsonWriter(catalogue);
        string data = Path.Combine(folder, "data");
        Directory.CreateDirectory(data);
        int slices = 0, training = 0;
        var bySlice = Enumerable.Range(0, dataset.PlaylistCount).Where(p => !taken[p]).GroupBy(p => dataset.PlaylistSlices[p]);
        using (var task = progress.Begin("write the training slices", dataset.PlaylistCount - challenges.Count))
            foreach (var slice in bySlice.OrderBy(g => g.Key))
            {
                var playlists = slice.Select(p => DatasetTracks.Playlist(dataset, p)).ToList();
                using var file = AtomicFile.Create(Path.Combine(data, Path.GetFileName(dataset.Meta.Slices[slice.Key])));
                writer.WriteSlice(file.Stream, playlists);
                file.Commit();
                slices++;
                training += playlists.Count;
                task.Increment(playlists.Count);
            }
        ChallengeSetFiles.Write(folder, catalogue, challenges);
        return new ChallengeCutSummary(byCategory, training, slices, ChallengeSetFiles.SetPath(target), ChallengeSetFiles.TruthPath(target));
    }

    // A playlist holds a track once however often it lists it.
    private static void CountHolders(ReadOnlySpan<int> tracks, int[] holders, TrackMarks distinct, int change)
    {
        distinct.Clear();
        foreach (int t in tracks)
            if (distinct.Add(t)) holders[t] += change;
    }

    // The playlist is one of its tracks' holders, so another one must hold each.
    private static bool OthersHoldAll(ReadOnlySpan<int> tracks, int[] holders)
    {
        foreach (int t in tracks)
            if (holders[t] < 2) return false;
        return true;
    }
}
