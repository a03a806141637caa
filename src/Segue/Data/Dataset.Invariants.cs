using System.Diagnostics.CodeAnalysis;
using S = Segue.Data.DatasetSection;

namespace Segue.Data;

// The checksums catch damage; these checks catch a file whose checksums match but whose contents
// DatasetBuilder could not have written (a bug, a hand-made file), so that every read after
// opening stays in range. Each is one pass over an array at memory speed.
public sealed partial class Dataset
{
    private void CheckInvariants()
    {
        // Offsets first: every count below is read from them.
        foreach (var (strings, id) in (ReadOnlySpan<(MappedUtf8Strings, uint)>)[(_trackUris, S.TrackUris),
                     (_albumUris, S.AlbumUris), (_artistUris, S.ArtistUris), (_trackNames, S.TrackNames), (_albumNames, S.AlbumNames),
                     (_artistNames, S.ArtistNames), (_playlistNames, S.PlaylistNames), (_descriptions, S.Descriptions)])
            CheckOffsets(strings.Offsets, strings.ByteCount, id + S.OffsetsPart, "bytes");
        int tracks = TrackCount, albums = AlbumCount, artists = ArtistCount, playlists = _pids.Length;
        CheckIndex(_trackIndex.Span, tracks, S.TrackUris + S.IndexPart);
        CheckIndex(_albumIndex.Span, albums, S.AlbumUris + S.IndexPart);
        CheckIndex(_artistIndex.Span, artists, S.ArtistUris + S.IndexPart);

        foreach (var (length, id) in (ReadOnlySpan<(int, uint)>)[(_trackNames.Count, S.TrackNames),
                     (_trackAlbums.Length, S.TrackAlbums), (_trackArtists.Length, S.TrackArtists), (_trackDurations.Length, S.TrackDurations)])
            CheckCount(length, tracks, id, "tracks");
        CheckCount(_albumNames.Count, albums, S.AlbumNames, "albums");
        CheckCount(_artistNames.Count, artists, S.ArtistNames, "artists");
        foreach (var (length, id) in (ReadOnlySpan<(int, uint)>)[(_playlistNames.Count, S.PlaylistNames),
                     (_descriptions.Count, S.Descriptions), (_playlistSlices.Length, S.PlaylistSlices), (_modifiedAt.Length, S.ModifiedAt),
                     (_followers.Length, S.Followers), (_edits.Length, S.Edits), (_collaborative.Length, S.Collaborative)])
            CheckCount(length, playlists, id, "playlists");
        CheckCount(_playlistOffsets.Length, playlists + 1, S.PlaylistOffsets, "playlists + 1");
        CheckOffsets(_playlistOffsets.Span, _playlistTracks.Length, S.PlaylistOffsets, "track occurrences");

        if (Meta.Slices is null) Damaged("meta: no 'slices'");
        CheckIds(_playlistTracks.Span, tracks, S.PlaylistTracks, "tracks");
        CheckIds(_trackAlbums.Span, albums, S.TrackAlbums, "albums");
        CheckIds(_trackArtists.Span, artists, S.TrackArtists, "artists");
        CheckIds(_playlistSlices.Span, Meta.Slices.Count, S.PlaylistSlices, "slices");
        foreach (var (values, id) in (ReadOnlySpan<(MappedArray<int>, uint)>)[(_pids, S.Pids), (_trackDurations, S.TrackDurations),
                     (_modifiedAt, S.ModifiedAt), (_followers, S.Followers), (_edits, S.Edits)])
        {
            int bad = values.Span.IndexOfAnyInRange(int.MinValue, -1);
            if (bad >= 0) Damaged($"{S.Name(id)}[{bad}] is {values[bad]}, negative");
        }
        CheckSplit(playlists);
    }

    /// <summary>The split is the one the metadata names: each playlist in train or test by its
    /// slice, both lists ascending, together every playlist once.</summary>
    private void CheckSplit(int playlists)
    {
        int every = Meta.TestEvery, offset = Meta.TestOffset;
        if (every < 0 || (every > 0 && (offset < 0 || offset >= every)))
            Damaged($"meta: test_every {every} and test_offset {offset} name no split");
        ReadOnlySpan<int> train = _train.Span, test = _test.Span, slices = _playlistSlices.Span;
        if (train.Length + test.Length != playlists)
            Damaged($"train_playlists and test_playlists: {train.Length} + {test.Length} entries for {playlists} playlists");
        for (int p = 0, i = 0, j = 0; p < playlists; p++)
        {
            bool heldOut = every > 0 && slices[p] % every == offset;
            ref int next = ref heldOut ? ref j : ref i;
            var list = heldOut ? test : train;
            if (next >= list.Length || list[next] != p)
                Damaged($"{S.Name(heldOut ? S.TestPlaylists : S.TrainPlaylists)}: playlist {p} of {(heldOut ? "held-out" : "training")} slice {slices[p]} is not entry {next}");
            next++;
        }
    }

    private void CheckOffsets(ReadOnlySpan<long> offsets, long end, uint id, string unit)
    {
        string name = S.Name(id);
        if (offsets.IsEmpty) Damaged($"{name}: empty (it holds one offset more than there are entries)");
        if (offsets[0] != 0) Damaged($"{name}[0] is {offsets[0]}, not 0");
        for (int i = 1; i < offsets.Length; i++)
            if (offsets[i] < offsets[i - 1]) Damaged($"{name}[{i}] is {offsets[i]}, less than the offset before it ({offsets[i - 1]})");
        if (offsets[^1] != end) Damaged($"{name}: ends at {offsets[^1]}, but there are {end} {unit}");
    }

    private void CheckCount(int length, int expected, uint id, string what)
    {
        if (length != expected) Damaged($"{S.Name(id)}: {length} entries for {expected} {what}");
    }

    private void CheckIds(ReadOnlySpan<int> ids, int count, uint id, string what)
    {
        int bad = count == 0 ? (ids.IsEmpty ? -1 : 0) : ids.IndexOfAnyExceptInRange(0, count - 1);
        if (bad >= 0) Damaged($"{S.Name(id)}[{bad}] is {ids[bad]}, not one of the {count} {what}");
    }

    /// <summary>A lookup probes from a hash until it finds an empty slot, and reads the string a
    /// slot names: so there must be an empty slot, and every slot must name a string, each once.</summary>
    private void CheckIndex(ReadOnlySpan<int> slots, int count, uint id)
    {
        string name = S.Name(id);
        if (slots.Length <= count || (slots.Length & (slots.Length - 1)) != 0)
            Damaged($"{name}: {slots.Length} slots for {count} strings (a power of two above the count expected)");
        var seen = new bool[count];
        int used = 0;
        for (int s = 0; s < slots.Length; s++)
        {
            int entry = slots[s];
            if (entry == 0) continue;
            if ((uint)(entry - 1) >= (uint)count || seen[entry - 1])
                Damaged($"{name}[{s}] is {entry}, neither empty (0) nor a string not indexed yet (1..{count})");
            seen[entry - 1] = true;
            used++;
        }
        if (used != count) Damaged($"{name}: indexes {used} of the {count} strings");
    }

    [DoesNotReturn]
    private void Damaged(string what) => throw new SegueException($"{FilePath}: damaged dataset: {what}");
}
