using System.IO.Compression;

namespace Segue.Data;

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
        var clock = System.Diagnostics.Stopwatch.StartNew();
        (options with { Format = IngestFormat.Mpd }).Validate();
        var slices = MpdSliceSource.Find(sources);
        DatasetIngest.CheckOutput(output, slices.Select(s => s.Path));
        var builder = new DatasetBuilder(options.TestEvery, options.TestOffset);
        var invalid = options.SkipInvalid ? new InvalidRecords() : null;
        long bytes = slices.Sum(s => s.Length);

        using (var task = progress.Begin("ingest", bytes))
        {
            int next = 0;
            OrderedParallel.Run(options.Threads ?? Environment.ProcessorCount,
                (out MpdSliceSource slice) =>
                {
                    slice = next < slices.Count ? slices[next++] : null!;
                    return slice is not null;
                },
                () => new SliceWorker(invalid),
                (slice, parsed) =>
                {
                    builder.AddSlice(parsed, invalid);
                    task.Increment(slice.Length);
                });
        }
        return DatasetIngest.Finish(builder, sources, output, slices.Count, bytes, invalid, clock);
    }

    /// <summary>Reads and parses slices; the zips it opens are its own (an archive is not safe to share between threads).</summary>
    private sealed class SliceWorker(InvalidRecords? invalid) : IOrderedWorker<MpdSliceSource, ParsedSlice>
    {
        private readonly MpdSliceParser _parser = new();
        private readonly Dictionary<string, ZipArchive> _zips = [];
        private byte[] _buffer = new byte[1 << 20];

        public ParsedSlice Work(MpdSliceSource slice)
        {
            int length = slice.ReadInto(ref _buffer, _zips);
            return _parser.Parse(slice.Name, _buffer.AsSpan(0, length), invalid);
        }

        public void Dispose()
        {
            foreach (var zip in _zips.Values) zip.Dispose();
        }
    }
}
