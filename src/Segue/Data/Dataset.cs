using System.IO.Hashing;
using System.Text;
using System.Text.Json;
using Segue.IO;

namespace Segue.Data;

/// <summary>
/// An ingested dataset, read in place from its memory-mapped file. Opening checks every section's
/// checksum (in parallel, at memory speed) and the invariants every read relies on, so a
/// damaged file is refused in one line rather than read out of range. Playlists are CSR arrays of dense track ids; tracks, albums and artists
/// have dense ids in order of first appearance; the train/test split is the book's.
/// Thread-safe for reading.
/// </summary>
public sealed partial class Dataset : IDisposable
{
    private readonly SectionFileReader _file;
    private readonly MappedUtf8Strings _trackUris, _albumUris, _artistUris;
    private readonly MappedArray<int> _trackIndex, _albumIndex, _artistIndex;
    private readonly MappedUtf8Strings _trackNames, _albumNames, _artistNames, _playlistNames, _descriptions;
    private readonly MappedArray<int> _trackAlbums, _trackArtists, _trackDurations;
    private readonly MappedArray<long> _playlistOffsets;
    private readonly MappedArray<int> _playlistTracks, _pids, _playlistSlices, _modifiedAt, _followers, _edits;
    private readonly MappedArray<byte> _collaborative;
    private readonly MappedArray<int> _train, _test;

    public string FilePath => _file.Path;
    public DatasetMeta Meta { get; }
    /// <summary>Identifies the three vocabularies and the split: a model trained on this dataset
    /// stores it, and only a dataset with the same ids for the same URIs and the same held-out
    /// playlists matches (a model trained on another split has seen this one's test playlists).</summary>
    public ulong Fingerprint { get; }

    public int PlaylistCount => _pids.Length;
    public int TrackCount => _trackUris.Count;
    public int AlbumCount => _albumUris.Count;
    public int ArtistCount => _artistUris.Count;
    public long OccurrenceCount => _playlistTracks.Length;

    private Dataset(SectionFileReader file)
    {
        _file = file;
        string path = file.Path;
        try
        {
            Meta = JsonSerializer.Deserialize(file.Get<byte>(DatasetSection.Meta), DatasetMetaJson.Default.DatasetMeta)
                ?? throw new JsonException("null");
        }
        catch (JsonException e)
        {
            throw new SegueException($"{path}: damaged dataset (metadata: {JsonErrors.Describe(e)})");
        }
        _trackUris = Strings(DatasetSection.TrackUris);
        _albumUris = Strings(DatasetSection.AlbumUris);
        _artistUris = Strings(DatasetSection.ArtistUris);
        _trackIndex = Index(DatasetSection.TrackUris);
        _albumIndex = Index(DatasetSection.AlbumUris);
        _artistIndex = Index(DatasetSection.ArtistUris);
        _trackNames = Strings(DatasetSection.TrackNames);
        _albumNames = Strings(DatasetSection.AlbumNames);
        _artistNames = Strings(DatasetSection.ArtistNames);
        _playlistNames = Strings(DatasetSection.PlaylistNames);
        _descriptions = Strings(DatasetSection.Descriptions);
        _trackAlbums = Array<int>(DatasetSection.TrackAlbums);
        _trackArtists = Array<int>(DatasetSection.TrackArtists);
        _trackDurations = Array<int>(DatasetSection.TrackDurations);
        _playlistOffsets = Array<long>(DatasetSection.PlaylistOffsets);
        _playlistTracks = Array<int>(DatasetSection.PlaylistTracks);
        _pids = Array<int>(DatasetSection.Pids);
        _playlistSlices = Array<int>(DatasetSection.PlaylistSlices);
        _modifiedAt = Array<int>(DatasetSection.ModifiedAt);
        _followers = Array<int>(DatasetSection.Followers);
        _edits = Array<int>(DatasetSection.Edits);
        _collaborative = Array<byte>(DatasetSection.Collaborative);
        _train = Array<int>(DatasetSection.TrainPlaylists);
        _test = Array<int>(DatasetSection.TestPlaylists);
        CheckInvariants();

        var fingerprint = new XxHash64();
        foreach (uint id in (ReadOnlySpan<uint>)[DatasetSection.TrackUris, DatasetSection.AlbumUris, DatasetSection.ArtistUris,
                     DatasetSection.Pids, DatasetSection.TestPlaylists])
            fingerprint.Append(BitConverter.GetBytes(file.Checksum(id)));
        Fingerprint = fingerprint.GetCurrentHashAsUInt64();
    }

    /// <summary>Opens a dataset file written by <see cref="DatasetBuilder"/>, refusing one whose
    /// bytes do not match their checksums or whose contents break its invariants.</summary>
    public static Dataset Open(string path)
    {
        var file = SectionFileReader.Open(path, DatasetSection.Magic, DatasetSection.Version, "dataset");
        try
        {
            file.Verify(DatasetSection.Name);
            return new Dataset(file);
        }
        catch { file.Dispose(); throw; }
    }

    public ReadOnlySpan<int> PlaylistTracks(int playlist) =>
        _playlistTracks.Span[(int)_playlistOffsets[playlist]..(int)_playlistOffsets[playlist + 1]];

    /// <summary>All playlists' tracks end to end; playlist p is <c>[PlaylistOffsets[p], PlaylistOffsets[p+1])</c>.</summary>
    public ReadOnlySpan<int> AllPlaylistTracks => _playlistTracks.Span;
    public ReadOnlySpan<long> PlaylistOffsets => _playlistOffsets.Span;
    public ReadOnlySpan<int> Pids => _pids.Span;
    /// <summary>Per playlist: the index of its slice in <see cref="DatasetMeta.Slices"/>.</summary>
    public ReadOnlySpan<int> PlaylistSlices => _playlistSlices.Span;
    public ReadOnlySpan<int> ModifiedAt => _modifiedAt.Span;
    public ReadOnlySpan<int> Followers => _followers.Span;
    public ReadOnlySpan<int> Edits => _edits.Span;
    public bool IsCollaborative(int playlist) => _collaborative[playlist] != 0;
    public string PlaylistName(int playlist) => _playlistNames.GetString(playlist);
    public string PlaylistDescription(int playlist) => _descriptions.GetString(playlist);

    /// <summary>Playlist indices of the training split, ascending.</summary>
    public ReadOnlySpan<int> TrainPlaylists => _train.Span;
    /// <summary>Playlist indices of the held-out split (every tenth slice in the book), ascending.</summary>
    public ReadOnlySpan<int> TestPlaylists => _test.Span;

    public ReadOnlySpan<int> TrackAlbums => _trackAlbums.Span;
    public ReadOnlySpan<int> TrackArtists => _trackArtists.Span;
    public ReadOnlySpan<int> TrackDurationsMs => _trackDurations.Span;

    public string TrackUri(int track) => _trackUris.GetString(track);
    /// <summary>The catalogue's strings as UTF-8, read in place (what writing them out again needs).</summary>
    public ReadOnlySpan<byte> TrackUriUtf8(int track) => _trackUris[track];
    public ReadOnlySpan<byte> TrackNameUtf8(int track) => _trackNames[track];
    public ReadOnlySpan<byte> AlbumUriUtf8(int album) => _albumUris[album];
    public ReadOnlySpan<byte> AlbumNameUtf8(int album) => _albumNames[album];
    public ReadOnlySpan<byte> ArtistUriUtf8(int artist) => _artistUris[artist];
    public ReadOnlySpan<byte> ArtistNameUtf8(int artist) => _artistNames[artist];
    public string TrackName(int track) => _trackNames.GetString(track);
    public string AlbumUri(int album) => _albumUris.GetString(album);
    public string AlbumName(int album) => _albumNames.GetString(album);
    public string ArtistUri(int artist) => _artistUris.GetString(artist);
    public string ArtistName(int artist) => _artistNames.GetString(artist);

    public bool TryGetTrack(string uri, out int track) => TryFind(_trackIndex, _trackUris, uri, out track);
    public bool TryGetAlbum(string uri, out int album) => TryFind(_albumIndex, _albumUris, uri, out album);
    public bool TryGetArtist(string uri, out int artist) => TryFind(_artistIndex, _artistUris, uri, out artist);

    private static bool TryFind(MappedArray<int> index, MappedUtf8Strings strings, string uri, out int id)
    {
        Span<byte> utf8 = stackalloc byte[Encoding.UTF8.GetMaxByteCount(Math.Min(uri.Length, 256))];
        byte[]? big = uri.Length > 256 ? Encoding.UTF8.GetBytes(uri) : null;
        ReadOnlySpan<byte> key = big ?? utf8[..Encoding.UTF8.GetBytes(uri, utf8)];
        id = Utf8HashIndex.Find(index.Span, strings, key);
        return id >= 0;
    }

    private MappedArray<T> Array<T>(uint id) where T : unmanaged => new(_file.Get<T>(id));

    private MappedUtf8Strings Strings(uint id) =>
        new(Array<byte>(id), Array<long>(id + DatasetSection.OffsetsPart));

    private MappedArray<int> Index(uint id) => Array<int>(id + DatasetSection.IndexPart);

    public void Dispose() => _file.Dispose();
}
