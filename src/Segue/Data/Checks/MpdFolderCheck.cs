using System.IO.Compression;
using System.Security.Cryptography;

namespace Segue.Data.Checks;

/// <summary>
/// The MPD's rules checked on its own JSON: a folder of slices, the zip, or a glob, as ingest finds
/// them. Slices are read and checked on every core and added up in slice order through ingest's
/// pipeline, so the first offenders are the dataset's first and names are compared with each URI's
/// first name over all slices; the slices' md5 sums are checked against the <c>md5sums</c> file
/// beside them (as the MPD ships it) when there is one.
/// </summary>
public static class MpdFolderCheck
{
    public static CheckReport Run(string source, bool quick, int? threads, IProgressSink progress)
    {
        var slices = MpdSliceSource.Find([source]);
        if (quick) slices = [.. slices.Take(CheckRules.QuickSlices)];
        var sums = Md5Sums.Find(source);
        var tallies = new RuleTallies();
        var names = new[] { new DatasetNames("track"), new DatasetNames("album"), new DatasetNames("artist") };
        var sliceOfPid = new int[CheckRules.Playlists];
        Array.Fill(sliceOfPid, -1);
        var outside = new Dictionary<int, int>();
        long playlists = 0;
        // A slice's names, once merged, hold the next slice's: no fresh tables (and their page faults) a slice.
        var spare = new System.Collections.Concurrent.ConcurrentBag<SliceNames[]>();
        using (var task = progress.Begin("check", slices.Sum(s => s.Length)))
        {
            int next = 0, merged = 0;
            OrderedParallel.Run(threads ?? Environment.ProcessorCount,
                (out MpdSliceSource slice) =>
                {
                    slice = next < slices.Count ? slices[next++] : null!;
                    return slice is not null;
                },
                () => new SliceWorker(sums is not null, spare),
                (slice, result) =>
                {
                    tallies.Add(result.Tallies);
                    names[0].Add(result.Tracks, result.Where, tallies);
                    names[1].Add(result.Albums, result.Where, tallies);
                    names[2].Add(result.Artists, result.Where, tallies);
                    int index = merged++;
                    foreach (int pid in result.Pids)
                    {
                        int first = pid < CheckRules.Playlists ? sliceOfPid[pid] : outside.GetValueOrDefault(pid, -1);
                        if (first >= 0)
                        {
                            string earlier = Path.GetFileName(slices[first].Name);
                            tallies.Add(CheckRules.UniquePid, () => $"{Path.GetFileName(slice.Name)}: pid {pid}: also in {earlier}");
                        }
                        else if (pid < CheckRules.Playlists) sliceOfPid[pid] = index;
                        else outside[pid] = index;
                    }
                    playlists += result.PlaylistPids.Count;
                    sums?.Check(slice, result.Md5!, tallies);
                    spare.Add([result.Tracks, result.Albums, result.Artists]);
                    task.Increment(slice.Length);
                });
        }
        if (!quick)
        {
            PlaylistRules.CheckPidRange([.. Enumerable.Range(0, sliceOfPid.Length).Where(p => sliceOfPid[p] >= 0), .. outside.Keys], playlists, tallies);
            sums?.CheckAllRead(slices, tallies);
        }
        return tallies.Report(source, isTable: false, quick, playlists, rule =>
            (rule.Scope & CheckScope.Folder) == 0 ? "not a rule of the slices' JSON"
            : rule == CheckRules.Md5 && sums is null ? "no md5sums file beside the slices"
            : quick && rule.Whole && rule != CheckRules.Md5 ? $"a quick check reads the first {CheckRules.QuickSlices} slices only"
            : null);
    }

    /// <summary>Reads and checks slices; its zips are its own (an archive is not safe to share between threads).</summary>
    private sealed class SliceWorker(bool md5, System.Collections.Concurrent.ConcurrentBag<SliceNames[]> spare) : IOrderedWorker<MpdSliceSource, SliceCheckResult>
    {
        private readonly MpdSliceCheck _check = new();
        private readonly Dictionary<string, ZipArchive> _zips = [];
        private byte[] _buffer = new byte[1 << 20];

        public SliceCheckResult Work(MpdSliceSource slice)
        {
            int length = slice.ReadInto(ref _buffer, _zips);
            return Check(slice, _buffer.AsSpan(0, length));
        }

        private SliceCheckResult Check(MpdSliceSource slice, ReadOnlySpan<byte> bytes) =>
            _check.Check(slice, bytes, md5 ? Convert.ToHexStringLower(MD5.HashData(bytes)) : null, spare.TryTake(out var names) ? names : null);

        public void Dispose()
        {
            foreach (var zip in _zips.Values) zip.Dispose();
        }
    }
}
