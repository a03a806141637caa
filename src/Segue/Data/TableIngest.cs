using System.Diagnostics;

namespace Segue.Data;

/// <summary>
/// Reads playlist tables (CSV or TSV, one row per playlist track: <see cref="PlaylistTableColumns"/>)
/// into a dataset file, as <see cref="MpdIngest"/> reads MPD slices and through the same pipeline:
/// each file is read as a stream in chunks of whole playlists, chunks are parsed on every core and
/// merged in file order, so ids follow first appearance. Each file's playlists are grouped, in
/// order, into slices of <see cref="IngestOptions.SlicePlaylists"/> (1,000, an MPD slice's size),
/// the unit of the test split. Ids may be any text; the dataset records that it came from a
/// table, so its ids are not held to the Spotify URIs' form.
/// </summary>
public static class TableIngest
{
    public static IngestSummary Run(IReadOnlyList<string> files, string output, IngestOptions options, IProgressSink progress) =>
        Run(files, output, options, progress, PlaylistTableFile.DefaultChunkBytes);

    /// <summary>As <see cref="Run(IReadOnlyList{string}, string, IngestOptions, IProgressSink)"/>, in
    /// chunks of about <paramref name="chunkBytes"/>: how tests put chunk boundaries everywhere.</summary>
    internal static IngestSummary Run(IReadOnlyList<string> files, string output, IngestOptions options, IProgressSink progress, int chunkBytes)
    {
        var clock = Stopwatch.StartNew();
        (options with { Format = IngestFormat.Table }).Validate();
        if (files.Count == 0) throw new SegueException("no playlist table given");
        DatasetIngest.CheckOutput(output, files);
        var builder = new DatasetBuilder(options.TestEvery, options.TestOffset, DatasetMeta.Table);
        var invalid = options.SkipInvalid ? new InvalidRecords() : null;
        int slicePlaylists = options.SlicePlaylists ?? IngestOptions.DefaultSlicePlaylists;
        var opened = new List<PlaylistTableFile>();
        var buffers = new ChunkBuffers();
        try
        {
            // Each header is read before any work, so a table that is not one stops at once.
            for (int i = 0; i < files.Count; i++) opened.Add(PlaylistTableFile.Open(files[i], i, buffers, chunkBytes));
            long bytes = opened.Sum(f => f.Length);
            var merge = new Merge(builder, invalid, slicePlaylists);
            using (var task = progress.Begin("ingest", bytes))
            {
                int current = 0;
                OrderedParallel.Run(options.Threads ?? Environment.ProcessorCount,
                    (out PlaylistTableChunk chunk) =>
                    {
                        for (; current < opened.Count; current++)
                            if (opened[current].Next() is { } next)
                            {
                                chunk = next;
                                return true;
                            }
                        chunk = null!;
                        return false;
                    },
                    () => new ChunkWorker(invalid, buffers),
                    (chunk, parsed) =>
                    {
                        merge.Add(parsed);
                        task.Increment(chunk.Length);
                    });
            }
            var summary = DatasetIngest.Finish(builder, files, output, builder.SliceCount, bytes, invalid, clock);
            return summary with
            {
                Warnings = [.. opened.Where(f => f.Header.Ignored.Count > 0)
                    .Select(f => $"{f.Path}: columns ignored (not a playlist table's): {string.Join(", ", f.Header.Ignored)}")],
            };
        }
        finally
        {
            opened.ForEach(f => f.Dispose());
        }
    }

    private sealed class ChunkWorker(InvalidRecords? invalid, ChunkBuffers buffers) : IOrderedWorker<PlaylistTableChunk, ParsedTableChunk>
    {
        private readonly PlaylistTableParser _parser = new();

        public ParsedTableChunk Work(PlaylistTableChunk chunk)
        {
            try
            {
                return _parser.Parse(chunk, invalid);
            }
            finally
            {
                buffers.Return(chunk.Buffer);
            }
        }

        public void Dispose() { }
    }

    /// <summary>Merges parsed chunks in order: refuses a playlist whose rows are not together (its
    /// pid met again in a later chunk or file), and starts a slice every <c>slicePlaylists</c> playlists of a file.</summary>
    private sealed class Merge(DatasetBuilder builder, InvalidRecords? invalid, int slicePlaylists)
    {
        private readonly Dictionary<int, (PlaylistTableFile File, long Line)> _firstRows = [];
        private PlaylistTableFile? _file;
        private int _inSlice, _slices;

        public void Add(ParsedTableChunk parsed)
        {
            var slice = parsed.Slice;
            var file = parsed.File;
            if (file != _file)
            {
                _file = file;
                _inSlice = slicePlaylists;
                _slices = 0;
            }
            for (int p = 0; p < slice.PlaylistCount; p++)
            {
                int pid = slice.Pids[p];
                long line = parsed.FirstLines[p];
                if (!_firstRows.TryAdd(pid, (file, line)))
                {
                    var (otherFile, otherLine) = _firstRows[pid];
                    string message = $"{file.Path}: line {line}, {file.Header.Column(file.Header.FieldOf(PlaylistTableColumns.Pid))}: " +
                        (otherFile == file
                            ? PlaylistTableParser.NotTogether(pid, otherLine)
                            : $"playlist {pid} is also in {otherFile.Path} (from line {otherLine}); a pid names one playlist");
                    if (invalid is null) throw new SegueException(message);
                    invalid.Add(InvalidReason.DuplicatePid, message);
                    continue;
                }
                if (_inSlice == slicePlaylists)
                {
                    builder.StartSlice($"{file.Path} slice {_slices++}");
                    _inSlice = 0;
                }
                builder.AddPlaylist(slice, p, invalid);
                _inSlice++;
            }
        }
    }
}
