using System.Numerics.Tensors;
using Segue.IO;

namespace Segue.Data.Synth;

/// <summary>What <see cref="SynthGenerator.Write"/> wrote.</summary>
/// <param name="SliceFolder">Where the slice files are: FOLDER/data, as in the MPD's zip.</param>
/// <param name="ChallengeSetPath">challenge_set.json, or null when no challenge set was asked for.</param>
/// <param name="ChallengeTruthPath">challenge_truth.json, or null likewise.</param>
public sealed record SynthOutput(
    string SliceFolder, int Playlists, int SliceFiles, long BytesWritten,
    string? ChallengeSetPath, string? ChallengeTruthPath, int ChallengePlaylists);

/// <summary>
/// Generates MPD-format data from a generative model with latent genres and moods (see
/// <see cref="PlaylistModel"/>): slice files of 1,000 playlists, and optionally a challenge set
/// of extra playlists with its withheld tracks. Each slice draws its randomness from the seed
/// and its index alone, so slices are made in parallel and the bytes depend only on the options'
/// seed and sizes, not on the thread count.
/// </summary>
public sealed class SynthGenerator
{
    public const string DataFolderName = "data";

    private readonly SynthCatalogue _catalogue;
    private readonly PlaylistModel _model;
    private readonly MpdJsonWriter _json;
    private readonly ParallelOptions _parallel;

    /// <exception cref="SegueException">The options are out of range.</exception>
    public SynthGenerator(SynthOptions options)
    {
        options.Validate();
        Options = options;
        _catalogue = new SynthCatalogue(options.Seed, options.Playlists);
        _model = new PlaylistModel(_catalogue);
        _json = new MpdJsonWriter(_catalogue);
        _parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Threads > 0 ? options.Threads : Environment.ProcessorCount };
    }

    public SynthOptions Options { get; }

    public int SliceCount => (Options.Playlists + Options.SliceSize - 1) / Options.SliceSize;

    /// <summary>Writes FOLDER/data/mpd.slice.*.json and, if asked, FOLDER/challenge_set.json and
    /// FOLDER/challenge_truth.json, each file atomically.</summary>
    public SynthOutput Write(string folder, IProgressSink progress)
    {
        string sliceFolder = Path.Combine(folder, DataFolderName);
        Directory.CreateDirectory(sliceFolder);
        long bytes = 0;
        using (var task = progress.Begin("Writing slices", Options.Playlists))
        {
            Parallel.For(0, SliceCount, _parallel, slice =>
            {
                var playlists = GenerateSlice(slice);
                using var file = AtomicFile.Create(Path.Combine(sliceFolder,
                    MpdJsonWriter.SliceFileName(playlists[0].Pid, playlists.Length)));
                _json.WriteSlice(file.Stream, playlists);
                Interlocked.Add(ref bytes, file.Stream.Length);
                file.Commit();
                task.Increment(playlists.Length);
            });
        }
        if (Options.ChallengePlaylists == 0)
            return new SynthOutput(sliceFolder, Options.Playlists, SliceCount, bytes, null, null, 0);

        var challenges = GenerateChallenges(progress);
        ChallengeSetFiles.Write(folder, _catalogue, challenges);
        string setPath = ChallengeSetFiles.SetPath(folder), truthPath = ChallengeSetFiles.TruthPath(folder);
        bytes += new FileInfo(setPath).Length + new FileInfo(truthPath).Length;
        return new SynthOutput(sliceFolder, Options.Playlists, SliceCount, bytes, setPath, truthPath, challenges.Length);
    }

    /// <summary>Generates the slices' playlists without writing them and measures the figures
    /// the real MPD publishes, for calibration at sizes too big to write.</summary>
    public SynthCensus Census(IProgressSink progress)
    {
        var total = new CensusCounts(_catalogue);
        using var task = progress.Begin("Generating", Options.Playlists);
        Parallel.For(0, SliceCount, _parallel, () => new CensusCounts(_catalogue), (slice, _, counts) =>
        {
            var playlists = GenerateSlice(slice);
            foreach (var playlist in playlists) counts.Add(playlist);
            task.Increment(playlists.Length);
            return counts;
        }, counts => { lock (total) total.Merge(counts); });
        return total.Summarise(Options.Playlists);
    }

    private MpdPlaylist[] GenerateSlice(int slice)
    {
        var random = SynthRandom.For(Options.Seed, SynthRandom.Streams.Slice, slice);
        int first = slice * Options.SliceSize;
        var playlists = new MpdPlaylist[Math.Min(Options.SliceSize, Options.Playlists - first)];
        for (int i = 0; i < playlists.Length; i++)
            playlists[i] = _model.Generate(ref random, first + i);
        return playlists;
    }

    private ChallengePlaylist[] GenerateChallenges(IProgressSink progress)
    {
        int count = Options.ChallengePlaylists;
        var challenges = new ChallengePlaylist[count];
        using var task = progress.Begin("Generating the challenge set", count);
        Parallel.For(0, count, _parallel, i =>
        {
            challenges[i] = SynthChallenge.Make(_model, Options.Seed, i, count, Options.Playlists + i);
            task.Increment(1);
        });
        return challenges;
    }

    /// <summary>One worker's tallies: playlists per track, occurrences per album and artist, lengths,
    /// and the order figures (adjacent tracks sharing an album or artist; whether a track's artist is
    /// among the three before it or among the playlist's first three).</summary>
    private sealed class CensusCounts(SynthCatalogue catalogue)
    {
        private readonly int[] _trackPlaylists = new int[catalogue.TrackCount];
        private readonly int[] _albumOccurrences = new int[catalogue.AlbumCount];
        private readonly int[] _artistOccurrences = new int[catalogue.ArtistCount];
        private readonly int[] _lengths = new int[PlaylistModel.MaxLength + 1];
        private readonly int[] _scratch = new int[PlaylistModel.MaxLength];
        private long _pairs, _sameAlbum, _sameArtist, _orderCases, _recentArtist, _openingArtist;

        public void Add(MpdPlaylist playlist)
        {
            CountOrder(playlist.Tracks);
            var tracks = _scratch.AsSpan(0, playlist.Tracks.Length);
            playlist.Tracks.CopyTo(tracks);
            tracks.Sort();
            for (int i = 0; i < tracks.Length; i++)
            {
                int track = tracks[i];
                if (i == 0 || track != tracks[i - 1]) _trackPlaylists[track]++;
                int album = catalogue.TrackAlbum[track];
                _albumOccurrences[album]++;
                _artistOccurrences[catalogue.AlbumArtist[album]]++;
            }
            _lengths[tracks.Length]++;
        }

        private void CountOrder(int[] tracks)
        {
            int Artist(int i) => catalogue.ArtistOfTrack(tracks[i]);
            for (int i = 1; i < tracks.Length; i++)
            {
                _pairs++;
                if (catalogue.TrackAlbum[tracks[i]] == catalogue.TrackAlbum[tracks[i - 1]]) _sameAlbum++;
                if (Artist(i) == Artist(i - 1)) _sameArtist++;
                if (i < SynthCensus.OrderFrom) continue;
                _orderCases++;
                int artist = Artist(i);
                if (artist == Artist(i - 1) || artist == Artist(i - 2) || artist == Artist(i - 3)) _recentArtist++;
                if (artist == Artist(0) || artist == Artist(1) || artist == Artist(2)) _openingArtist++;
            }
        }

        public void Merge(CensusCounts other)
        {
            _pairs += other._pairs;
            _sameAlbum += other._sameAlbum;
            _sameArtist += other._sameArtist;
            _orderCases += other._orderCases;
            _recentArtist += other._recentArtist;
            _openingArtist += other._openingArtist;
            TensorPrimitives.Add(_trackPlaylists, other._trackPlaylists, _trackPlaylists);
            TensorPrimitives.Add(_albumOccurrences, other._albumOccurrences, _albumOccurrences);
            TensorPrimitives.Add(_artistOccurrences, other._artistOccurrences, _artistOccurrences);
            TensorPrimitives.Add(_lengths, other._lengths, _lengths);
        }

        public SynthCensus Summarise(int playlists)
        {
            long occurrences = 0;
            int median = 0, seen = 0, min = 0, max = 0;
            for (int length = 0; length < _lengths.Length; length++)
            {
                if (_lengths[length] == 0) continue;
                if (min == 0) min = length;
                max = length;
                occurrences += (long)length * _lengths[length];
                if (seen < (playlists + 1) / 2 && seen + _lengths[length] >= (playlists + 1) / 2) median = length;
                seen += _lengths[length];
            }
            return new SynthCensus(
                playlists, occurrences,
                UniqueTracks: _trackPlaylists.Count(c => c > 0),
                UniqueAlbums: _albumOccurrences.Count(c => c > 0),
                UniqueArtists: _artistOccurrences.Count(c => c > 0),
                TopTrackPlaylists: TensorPrimitives.Max<int>(_trackPlaylists),
                TracksInOnePlaylist: _trackPlaylists.Count(c => c == 1),
                MeanLength: (double)occurrences / playlists,
                MedianLength: median, MinLength: min, MaxLength: max,
                AdjacentPairs: _pairs, SameAlbumPairs: _sameAlbum, SameArtistPairs: _sameArtist,
                OrderCases: _orderCases, RecentArtistCases: _recentArtist, OpeningArtistCases: _openingArtist);
        }
    }
}
