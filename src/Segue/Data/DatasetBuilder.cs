using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using Segue.IO;

namespace Segue.Data;

/// <summary>
/// Accumulates playlists slice by slice, in slice order, and writes the dataset file. Global ids
/// are given in order of first appearance over the kept playlists (the book's dictionaries), and
/// the train/test split holds out every <c>testEvery</c>-th slice (the book: files whose index
/// ends in 9 are the test set).
/// </summary>
public sealed class DatasetBuilder
{
    private readonly int _testEvery, _testOffset;
    private readonly string _format;
    private readonly Utf8Interner _tracks = new(), _albums = new(), _artists = new();
    private readonly Utf8StringList _trackNames = new(), _albumNames = new(), _artistNames = new();
    private readonly List<int> _trackAlbums = [], _trackArtists = [], _trackDurations = [];
    private readonly List<long> _playlistOffsets = [0];
    private readonly List<int> _playlistTracks = [], _pids = [], _playlistSlices = [],
        _modifiedAt = [], _followers = [], _edits = [];
    private readonly List<byte> _collaborative = [];
    private readonly Utf8StringList _playlistNames = new(), _descriptions = new();
    private readonly Dictionary<int, int> _sliceOfPid = [];
    private readonly List<string> _slices = [];
    private ParsedSlice? _pending;
    private int _pendingSlice = -1;
    private LocalIds? _maps;

    /// <param name="format">What the playlists are read from (<see cref="DatasetMeta.Format"/>).</param>
    public DatasetBuilder(int testEvery = 10, int testOffset = 9, string format = DatasetMeta.Mpd)
    {
        IngestOptions.ValidateTestSplit(testEvery, testOffset);
        _testEvery = testEvery;
        _testOffset = testOffset;
        _format = format;
    }

    public int PlaylistCount => _pids.Count;
    public int SliceCount => _slices.Count + (_pending is null ? 0 : 1);

    /// <summary>
    /// Merges the next slice. A playlist whose pid an earlier playlist already has is an error,
    /// or, when <paramref name="invalid"/> is given, dropped and counted there.
    /// </summary>
    public void AddSlice(ParsedSlice slice, InvalidRecords? invalid = null)
    {
        StartSlice(slice.Source);
        for (int p = 0; p < slice.PlaylistCount; p++) AddPlaylist(slice, p, invalid);
    }

    /// <summary>Starts slice <paramref name="source"/>: the playlists added next belong to it (a
    /// table's playlists are grouped into slices as they come, whatever chunks they were parsed in).</summary>
    public void StartSlice(string source)
    {
        FlushPending();
        _slices.Add(source);
    }

    /// <summary>
    /// Merges playlist <paramref name="p"/> of <paramref name="parsed"/> into the current slice and
    /// says whether it was kept. A playlist whose pid an earlier playlist already has is an error,
    /// or, when <paramref name="invalid"/> is given, dropped and counted there.
    /// </summary>
    public bool AddPlaylist(ParsedSlice parsed, int p, InvalidRecords? invalid = null)
    {
        if (_slices.Count == 0) throw new InvalidOperationException("no slice started");
        int sliceIndex = _slices.Count - 1;
        var maps = MapsFor(parsed);
        int pid = parsed.Pids[p];
        if (!_sliceOfPid.TryAdd(pid, sliceIndex))
        {
            string message = $"{parsed.Source}: playlist pid {pid}: field 'pid': duplicate pid (already in {_slices[_sliceOfPid[pid]]})";
            if (invalid is null) throw new SegueException(message);
            invalid.Add(InvalidReason.DuplicatePid, message);
            return false;
        }
        var tracks = parsed.TracksOf(p);
        for (int i = 0; i < tracks.Length; i++)
        {
            int local = tracks[i];
            // Ids are given here, at first use by a kept playlist, so first-appearance order
            // holds and no dropped playlist leaves a track behind.
            if (maps.Tracks[local] < 0)
            {
                maps.Tracks[local] = MergeTrack(parsed, local, maps.Albums, maps.Artists, out bool added);
                if (!added) CheckSameTrack(parsed, p, i, local, maps.Tracks[local], invalid);
            }
            _playlistTracks.Add(maps.Tracks[local]);
        }
        _playlistOffsets.Add(_playlistTracks.Count);
        _pids.Add(pid);
        _playlistSlices.Add(sliceIndex);
        _playlistNames.Add(parsed.PlaylistNames[p]);
        _descriptions.Add(parsed.Descriptions[p]);
        _modifiedAt.Add(parsed.ModifiedAt[p]);
        _followers.Add(parsed.Followers[p]);
        _edits.Add(parsed.Edits[p]);
        _collaborative.Add(parsed.Collaborative[p] ? (byte)1 : (byte)0);
        return true;
    }

    /// <summary>The local-to-global id maps of <paramref name="parsed"/>: kept while its playlists
    /// are added, which may span slices.</summary>
    private LocalIds MapsFor(ParsedSlice parsed)
    {
        if (_maps?.Parsed != parsed)
        {
            int[] Unmapped(int count)
            {
                var map = new int[count];
                Array.Fill(map, -1);
                return map;
            }
            _maps = new LocalIds(parsed, Unmapped(parsed.Tracks.Count), Unmapped(parsed.Albums.Count), Unmapped(parsed.Artists.Count));
        }
        return _maps;
    }

    private sealed record LocalIds(ParsedSlice Parsed, int[] Tracks, int[] Albums, int[] Artists);

    /// <summary>A track of an earlier slice met again must have the album and artist it had there.</summary>
    private void CheckSameTrack(ParsedSlice slice, int playlist, int position, int local, int track, InvalidRecords? invalid)
    {
        if (TrackConflict.Find(slice.Tracks[local], _albums[_trackAlbums[track]], slice.AlbumOf(local),
                _artists[_trackArtists[track]], slice.ArtistOf(local), slice.Locator is null ? "an earlier slice" : "an earlier row") is not var (field, problem))
            return;
        string message = $"{slice.Source}: {slice.Where(playlist, position, field)}: {problem}";
        if (invalid is null) throw new SegueException(message);
        invalid.Add(InvalidReason.ConflictingTrack, message);
    }

    private int MergeTrack(ParsedSlice slice, int local, int[] albumMap, int[] artistMap, out bool added)
    {
        int track = _tracks.Intern(slice.Tracks[local], out added);
        if (!added) return track;
        int localAlbum = slice.TrackAlbums[local], localArtist = slice.TrackArtists[local];
        if (albumMap[localAlbum] < 0)
        {
            albumMap[localAlbum] = _albums.Intern(slice.Albums[localAlbum], out bool newAlbum);
            if (newAlbum) _albumNames.Add(slice.AlbumNames[localAlbum]);
        }
        if (artistMap[localArtist] < 0)
        {
            artistMap[localArtist] = _artists.Intern(slice.Artists[localArtist], out bool newArtist);
            if (newArtist) _artistNames.Add(slice.ArtistNames[localArtist]);
        }
        _trackNames.Add(slice.TrackNames[local]);
        _trackAlbums.Add(albumMap[localAlbum]);
        _trackArtists.Add(artistMap[localArtist]);
        _trackDurations.Add(slice.TrackDurations[local]);
        return track;
    }

    /// <summary>
    /// Adds one playlist to slice number <paramref name="slice"/> (slice numbers never decrease;
    /// skipped numbers become empty slices). A convenience for tests and small programs.
    /// </summary>
    public void AddPlaylist(int pid, string name, int slice, IReadOnlyList<TrackRecord> tracks)
    {
        if (slice < _pendingSlice || slice < _slices.Count - (_pending is null ? 0 : 1))
            throw new ArgumentException($"slice {slice} comes after slice {_pendingSlice}", nameof(slice));
        while (_pendingSlice < slice)
        {
            FlushPending();
            _pendingSlice = _slices.Count;
            _pending = new ParsedSlice($"slice-{_pendingSlice}");
        }
        var u = Encoding.UTF8;
        foreach (var t in tracks)
            _pending!.AddTrack(u.GetBytes(t.TrackUri), u.GetBytes(t.AlbumUri), u.GetBytes(t.ArtistUri),
                u.GetBytes(t.TrackName), u.GetBytes(t.AlbumName), u.GetBytes(t.ArtistName), t.DurationMs, out _);
        _pending!.EndPlaylist(pid, u.GetBytes(name), [], 0, 1, 1, false);
    }

    private void FlushPending()
    {
        if (_pending is null) return;
        var slice = _pending;
        _pending = null;
        AddSlice(slice);
    }

    /// <summary>Writes the dataset to <paramref name="path"/> atomically.</summary>
    public void Write(string path)
    {
        FlushPending();
        using var file = new SectionFileWriter(path, DatasetSection.Magic, DatasetSection.Version);
        var meta = new DatasetMeta(_slices, _testEvery, _testOffset, _format);
        file.Add(DatasetSection.Meta, JsonSerializer.SerializeToUtf8Bytes(meta, DatasetMetaJson.Default.DatasetMeta).AsSpan());
        AddVocabulary(file, DatasetSection.TrackUris, _tracks);
        AddVocabulary(file, DatasetSection.AlbumUris, _albums);
        AddVocabulary(file, DatasetSection.ArtistUris, _artists);
        AddStrings(file, DatasetSection.TrackNames, _trackNames);
        AddStrings(file, DatasetSection.AlbumNames, _albumNames);
        AddStrings(file, DatasetSection.ArtistNames, _artistNames);
        AddStrings(file, DatasetSection.PlaylistNames, _playlistNames);
        AddStrings(file, DatasetSection.Descriptions, _descriptions);
        file.Add(DatasetSection.TrackAlbums, Span(_trackAlbums));
        file.Add(DatasetSection.TrackArtists, Span(_trackArtists));
        file.Add(DatasetSection.TrackDurations, Span(_trackDurations));
        file.Add(DatasetSection.PlaylistOffsets, Span(_playlistOffsets));
        file.Add(DatasetSection.PlaylistTracks, Span(_playlistTracks));
        file.Add(DatasetSection.Pids, Span(_pids));
        file.Add(DatasetSection.PlaylistSlices, Span(_playlistSlices));
        file.Add(DatasetSection.ModifiedAt, Span(_modifiedAt));
        file.Add(DatasetSection.Followers, Span(_followers));
        file.Add(DatasetSection.Edits, Span(_edits));
        file.Add(DatasetSection.Collaborative, Span(_collaborative));
        var (train, test) = Split();
        file.Add(DatasetSection.TrainPlaylists, train.AsSpan());
        file.Add(DatasetSection.TestPlaylists, test.AsSpan());
        file.Commit();
    }

    private (int[] Train, int[] Test) Split()
    {
        List<int> train = [], test = [];
        for (int p = 0; p < _pids.Count; p++)
            (_testEvery > 0 && _playlistSlices[p] % _testEvery == _testOffset ? test : train).Add(p);
        return ([.. train], [.. test]);
    }

    private static ReadOnlySpan<T> Span<T>(List<T> list) => CollectionsMarshal.AsSpan(list);

    private static void AddStrings(SectionFileWriter file, uint id, Utf8StringList strings)
    {
        file.Add(id, strings.Bytes);
        file.Add(id + DatasetSection.OffsetsPart, strings.Offsets);
    }

    private static void AddVocabulary(SectionFileWriter file, uint id, Utf8Interner vocabulary)
    {
        AddStrings(file, id, vocabulary.Values);
        file.Add(id + DatasetSection.IndexPart, vocabulary.Slots);
    }
}
