using System.Numerics;
using S = Segue.Data.DatasetSection;

namespace Segue.Data;

// The checksums catch damage; these checks catch a file whose checksums match but whose contents
// DatasetBuilder could not have written (a bug, a hand-made file), so that every read after
// opening stays in range. Each is a vectorised pass over one array; the large ones run in
// parallel, and the first problem in the order listed is reported, whichever thread found it.
public sealed partial class Dataset
{
    private void CheckInvariants()
    {
        // Offsets and counts first: the checks after them take their sizes from them.
        (MappedUtf8Strings Strings, uint Id)[] lists = [(_trackUris, S.TrackUris), (_albumUris, S.AlbumUris),
            (_artistUris, S.ArtistUris), (_trackNames, S.TrackNames), (_albumNames, S.AlbumNames), (_artistNames, S.ArtistNames),
            (_playlistNames, S.PlaylistNames), (_descriptions, S.Descriptions)];
        Report([.. lists.Select(l => CheckOffsets(l.Strings.Offsets, l.Strings.ByteCount, l.Id + S.OffsetsPart, "bytes"))]);
        int tracks = TrackCount, albums = AlbumCount, artists = ArtistCount, playlists = _pids.Length, slices = Meta.Slices?.Count ?? 0;
        Report(
            CheckCount(_trackNames.Count, tracks, S.TrackNames, "tracks"),
            CheckCount(_trackAlbums.Length, tracks, S.TrackAlbums, "tracks"),
            CheckCount(_trackArtists.Length, tracks, S.TrackArtists, "tracks"),
            CheckCount(_trackDurations.Length, tracks, S.TrackDurations, "tracks"),
            CheckCount(_albumNames.Count, albums, S.AlbumNames, "albums"),
            CheckCount(_artistNames.Count, artists, S.ArtistNames, "artists"),
            CheckCount(_playlistNames.Count, playlists, S.PlaylistNames, "playlists"),
            CheckCount(_descriptions.Count, playlists, S.Descriptions, "playlists"),
            CheckCount(_playlistSlices.Length, playlists, S.PlaylistSlices, "playlists"),
            CheckCount(_modifiedAt.Length, playlists, S.ModifiedAt, "playlists"),
            CheckCount(_followers.Length, playlists, S.Followers, "playlists"),
            CheckCount(_edits.Length, playlists, S.Edits, "playlists"),
            CheckCount(_collaborative.Length, playlists, S.Collaborative, "playlists"),
            CheckCount(_playlistOffsets.Length, playlists + 1, S.PlaylistOffsets, "playlists + 1"),
            Meta.Slices is null ? "meta: no 'slices'" : null,
            Meta.Format is null or DatasetMeta.Mpd or DatasetMeta.Table ? null : $"meta: format '{Meta.Format}' is neither '{DatasetMeta.Mpd}' nor '{DatasetMeta.Table}'");

        Func<string?>[] checks =
        [
            () => CheckOffsets(_playlistOffsets.Span, _playlistTracks.Length, S.PlaylistOffsets, "track occurrences"),
            () => CheckIndex(_trackIndex.Span, tracks, S.TrackUris + S.IndexPart),
            () => CheckIndex(_albumIndex.Span, albums, S.AlbumUris + S.IndexPart),
            () => CheckIndex(_artistIndex.Span, artists, S.ArtistUris + S.IndexPart),
            () => CheckIds(_playlistTracks.Span, tracks, S.PlaylistTracks, "tracks"),
            () => CheckIds(_trackAlbums.Span, albums, S.TrackAlbums, "albums"),
            () => CheckIds(_trackArtists.Span, artists, S.TrackArtists, "artists"),
            () => CheckIds(_playlistSlices.Span, slices, S.PlaylistSlices, "slices"),
            () => CheckNotNegative(_pids, S.Pids),
            () => CheckNotNegative(_trackDurations, S.TrackDurations),
            () => CheckNotNegative(_modifiedAt, S.ModifiedAt),
            () => CheckNotNegative(_followers, S.Followers),
            () => CheckNotNegative(_edits, S.Edits),
        ];
        var problems = new string?[checks.Length];
        Parallel.For(0, checks.Length, i => problems[i] = checks[i]());
        Report(problems);
        // Last: it reads the slices checked above.
        Report(CheckSplit(playlists));
    }

    private void Report(params ReadOnlySpan<string?> problems)
    {
        foreach (string? problem in problems)
            if (problem is not null) throw new SegueException($"{FilePath}: damaged dataset: {problem}");
    }

    /// <summary>The split is the one the metadata names: each playlist in train or test by its
    /// slice, both lists ascending, together every playlist once.</summary>
    private string? CheckSplit(int playlists)
    {
        int every = Meta.TestEvery, offset = Meta.TestOffset;
        if (every < 0 || (every > 0 && (offset < 0 || offset >= every)))
            return $"meta: test_every {every} and test_offset {offset} name no split";
        ReadOnlySpan<int> train = _train.Span, test = _test.Span, slices = _playlistSlices.Span;
        if (train.Length + test.Length != playlists)
            return $"train_playlists and test_playlists: {train.Length} + {test.Length} entries for {playlists} playlists";
        for (int p = 0, i = 0, j = 0; p < playlists; p++)
        {
            bool heldOut = every > 0 && slices[p] % every == offset;
            ref int next = ref heldOut ? ref j : ref i;
            var list = heldOut ? test : train;
            if (next >= list.Length || list[next] != p)
                return $"{S.Name(heldOut ? S.TestPlaylists : S.TrainPlaylists)}: playlist {p} of {(heldOut ? "held-out" : "training")} slice {slices[p]} is not entry {next}";
            next++;
        }
        return null;
    }

    private static string? CheckOffsets(ReadOnlySpan<long> offsets, long end, uint id, string unit)
    {
        string name = S.Name(id);
        if (offsets.IsEmpty) return $"{name}: empty (it holds one offset more than there are entries)";
        if (offsets[0] != 0) return $"{name}[0] is {offsets[0]}, not 0";
        int i = 1;
        for (; i + Vector<long>.Count <= offsets.Length; i += Vector<long>.Count)
            if (Vector.LessThanAny(new Vector<long>(offsets[i..]), new Vector<long>(offsets[(i - 1)..]))) break;
        for (; i < offsets.Length; i++)
            if (offsets[i] < offsets[i - 1]) return $"{name}[{i}] is {offsets[i]}, less than the offset before it ({offsets[i - 1]})";
        return offsets[^1] != end ? $"{name}: ends at {offsets[^1]}, but there are {end} {unit}" : null;
    }

    private static string? CheckCount(int length, int expected, uint id, string what) =>
        length != expected ? $"{S.Name(id)}: {length} entries for {expected} {what}" : null;

    private static string? CheckIds(ReadOnlySpan<int> ids, int count, uint id, string what)
    {
        int bad = count == 0 ? (ids.IsEmpty ? -1 : 0) : ids.IndexOfAnyExceptInRange(0, count - 1);
        return bad >= 0 ? $"{S.Name(id)}[{bad}] is {ids[bad]}, not one of the {count} {what}" : null;
    }

    private static string? CheckNotNegative(MappedArray<int> values, uint id)
    {
        int bad = values.Span.IndexOfAnyInRange(int.MinValue, -1);
        return bad >= 0 ? $"{S.Name(id)}[{bad}] is {values[bad]}, negative" : null;
    }

    /// <summary>A lookup probes from a hash until it finds an empty slot, and reads the string a
    /// slot names: so there must be an empty slot, and every other slot must name a string.</summary>
    private static string? CheckIndex(ReadOnlySpan<int> slots, int count, uint id)
    {
        string name = S.Name(id);
        if (slots.Length <= count || (slots.Length & (slots.Length - 1)) != 0)
            return $"{name}: {slots.Length} slots for {count} strings (a power of two above the count expected)";
        int bad = slots.IndexOfAnyExceptInRange(0, count);
        if (bad >= 0) return $"{name}[{bad}] is {slots[bad]}, neither empty (0) nor a string's id + 1 (1..{count})";
        int used = slots.Length - slots.Count(0);
        return used != count ? $"{name}: indexes {used} of the {count} strings" : null;
    }
}
