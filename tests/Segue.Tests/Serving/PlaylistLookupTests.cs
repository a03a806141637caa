using Segue.Data;
using Segue.Serving;
using Segue.Tests.Evaluation;

namespace Segue.Tests.Serving;

public sealed class PlaylistLookupTests
{
    [Fact]
    public void Finds_every_pid_as_a_scan_does_and_nothing_else()
    {
        using var dir = new TempDir();
        var builder = new DatasetBuilder(testEvery: 2, testOffset: 1);
        int[] pids = [40, 3, 17, 1000, 5, 2_000_000];   // out of order, with gaps
        foreach (int pid in pids) builder.AddPlaylist(pid, $"p{pid}", slice: 0, [EvalDatasets.T(pid % 7)]);
        builder.Write(dir.File("d.segue"));
        using var dataset = Dataset.Open(dir.File("d.segue"));
        var lookup = new PlaylistLookup(dataset);
        foreach (int pid in pids)
            Assert.Equal(Enumerable.Range(0, dataset.PlaylistCount).Single(p => dataset.Pids[p] == pid), lookup.Find(pid));
        foreach (int missing in new[] { -1, 0, 4, 41, 999_999, int.MaxValue })
            Assert.Equal(-1, lookup.Find(missing));
    }
}
