using System.Diagnostics;
using System.IO.Compression;
using Segue.IO;

namespace Segue.Data;

/// <summary>What <c>segue ingest</c> did.</summary>
public sealed record IngestSummary(int Slices, long JsonBytes, int Playlists, long Occurrences,
    int Tracks, int Albums, int Artists, int TrainPlaylists, int TestPlaylists, InvalidRecords? Skipped, TimeSpan Elapsed)
{
    public double MegabytesPerSecond => JsonBytes / 1e6 / Math.Max(Elapsed.TotalSeconds, 1e-9);
}

/// <summary>How to ingest; <paramref name="Threads"/> null means one parser per core.</summary>
public sealed record IngestOptions(int? Threads = null, bool SkipInvalid = false, int TestEvery = 10, int TestOffset = 9)
{
    public const int MaxThreads = 1024;

    /// <summary>Throws a one-line <see cref="SettingException"/> naming the first setting out of its range by its key.</summary>
    public void Validate()
    {
        SettingException.Require(Threads is null or (> 0 and <= MaxThreads), "threads", Threads!, $"between 1 and {MaxThreads}");
        ValidateTestSplit(TestEvery, TestOffset);
    }

    /// <summary>The test split's rule: every <paramref name="every"/>-th slice (0: none), the one at <paramref name="offset"/> in each group.</summary>
    public static void ValidateTestSplit(int every, int offset)
    {
        SettingException.Require(every >= 0, "test_every", every, "0 (no test split) or positive");
        SettingException.Require(every == 0 || (offset >= 0 && offset < every), "test_offset", offset,
            $"between 0 and {every - 1}: which slice of each {every} is held out");
    }
}

/// <summary>
/// Reads MPD slices into a dataset file. Slices are read and parsed in parallel, each into its
/// own slice-local vocabularies, and merged in slice order on this thread as they complete; at
/// most a few parsed slices wait at a time, so memory stays far below the JSON's size. The
/// dataset appears at its path only once complete (an existing one survives any failure).
/// </summary>
public static class MpdIngest
{
    public static IngestSummary Run(IReadOnlyList<string> sources, string output, IngestOptions options, IProgressSink progress)
    {
        var clock = Stopwatch.StartNew();
        options.Validate();
        var slices = MpdSliceSource.Find(sources);
        CheckOutput(output, slices);
        var builder = new DatasetBuilder(options.TestEvery, options.TestOffset);
        var invalid = options.SkipInvalid ? new InvalidRecords() : null;
        long bytes = slices.Sum(s => s.Length);
        int threads = options.Threads ?? Environment.ProcessorCount;

        using (var task = progress.Begin("ingest", bytes))
        {
            var parsed = new ParsedSlice?[slices.Count];
            var ready = new SemaphoreSlim[slices.Count];
            for (int i = 0; i < ready.Length; i++) ready[i] = new SemaphoreSlim(0);
            // Bounds how far the parsers run ahead of the merge.
            using var window = new SemaphoreSlim(2 * threads);
            using var cancel = new CancellationTokenSource();
            Exception? failure = null;
            int next = -1;

            void Parse()
            {
                var parser = new MpdSliceParser();
                var buffer = new byte[1 << 20];
                var zips = new Dictionary<string, ZipArchive>();
                try
                {
                    while (true)
                    {
                        // A place in the window first, then a slice: taken the other way round, a
                        // worker could hold the next slice to merge while the window is full of
                        // later ones, and the merge would wait for it for ever.
                        window.Wait(cancel.Token);
                        int i = Interlocked.Increment(ref next);
                        if (i >= slices.Count) break;
                        int length = slices[i].ReadInto(ref buffer, zips);
                        parsed[i] = parser.Parse(slices[i].Name, buffer.AsSpan(0, length), invalid);
                        ready[i].Release();
                    }
                }
                catch (OperationCanceledException) { }
                catch (Exception e)
                {
                    Interlocked.CompareExchange(ref failure, e, null);
                    cancel.Cancel();
                }
                finally
                {
                    foreach (var zip in zips.Values) zip.Dispose();
                }
            }

            var workers = Enumerable.Range(0, threads).Select(_ => new Thread(Parse) { IsBackground = true }).ToList();
            workers.ForEach(w => w.Start());
            try
            {
                for (int i = 0; i < slices.Count; i++)
                {
                    ready[i].Wait(cancel.Token);
                    builder.AddSlice(parsed[i]!, invalid);
                    parsed[i] = null;
                    window.Release();
                    task.Increment(slices[i].Length);
                }
            }
            catch (OperationCanceledException) when (failure is not null) { }
            catch
            {
                cancel.Cancel();
                throw;
            }
            finally
            {
                workers.ForEach(w => w.Join());
            }
            if (failure is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
        }

        if (builder.PlaylistCount == 0)
            throw new SegueException($"{string.Join(", ", sources)}: no valid playlist to ingest");
        builder.Write(output);
        using var dataset = Dataset.Open(output);
        return new IngestSummary(slices.Count, bytes, dataset.PlaylistCount, dataset.OccurrenceCount,
            dataset.TrackCount, dataset.AlbumCount, dataset.ArtistCount, dataset.TrainPlaylists.Length,
            dataset.TestPlaylists.Length, invalid, clock.Elapsed);
    }

    /// <summary>The dataset replaces whatever is at <paramref name="output"/> once written: refuse
    /// when that is one of the slices being read (by any path or link) or not a regular file.</summary>
    private static void CheckOutput(string output, IReadOnlyList<MpdSliceSource> slices)
    {
        if (FileNode.Stat(output) is not { } target) return;
        if (!target.IsRegularFile)
            throw new SegueException($"{output}: exists and is not a regular file; --out must name a dataset file");
        foreach (var slice in slices)
            if (FileNode.Stat(slice.Path)?.Identity == target.Identity)
                throw new SegueException($"{output}: is the input {slice.Path}; --out must name another file");
    }
}
