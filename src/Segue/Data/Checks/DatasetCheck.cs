namespace Segue.Data.Checks;

/// <summary>
/// The MPD's rules checked on an ingested dataset: those a dataset can still answer (pids, titles,
/// lengths, artists and albums per playlist, followers, edits, modification times, the form of its
/// ids). The rest need the slices' own JSON (their fields, counts, durations, names, md5 sums) and
/// are said to be so. Playlists are checked in parallel ranges, offenders kept in playlist order.
/// </summary>
public static class DatasetCheck
{
    public static CheckReport Run(Dataset ds, bool quick, IProgressSink progress)
    {
        int count = quick ? CountInFirstSlices(ds) : ds.PlaylistCount;
        var tallies = new RuleTallies();
        using (var task = progress.Begin("check", count))
        {
            int parts = Math.Max(1, Math.Min(Environment.ProcessorCount * 4, count / 1000));
            var partial = new RuleTallies[parts];
            Parallel.For(0, parts, part =>
            {
                int from = (int)((long)count * part / parts), to = (int)((long)count * (part + 1) / parts);
                partial[part] = CheckPlaylists(ds, from, to);
                task.Increment(to - from);
            });
            foreach (var part in partial) tallies.Add(part);
        }
        if (!quick) CheckPids(ds, tallies);
        CheckIds(ds, tallies);
        return tallies.Report(ds.FilePath, !ds.Meta.HasSpotifyUris, quick, count, rule =>
            (rule.Scope & CheckScope.Dataset) == 0 ? NotInDataset(rule)
            : quick && rule.Whole ? $"a quick check reads the first {CheckRules.QuickSlices} slices only" : null);
    }

    private static string NotInDataset(CheckRule rule) =>
        rule == CheckRules.Positions ? "ingest refuses tracks out of position"
        : rule == CheckRules.Names ? "a dataset keeps one name per id; check the MPD folder"
        : "a dataset keeps none of the slices' own JSON; check the MPD folder";

    private static int CountInFirstSlices(Dataset ds)
    {
        var slices = ds.PlaylistSlices;
        int n = 0;
        while (n < slices.Length && slices[n] < CheckRules.QuickSlices) n++;
        return n;
    }

    private static RuleTallies CheckPlaylists(Dataset ds, int from, int to)
    {
        var tallies = new RuleTallies();
        var albumSeen = new int[ds.AlbumCount];
        var artistSeen = new int[ds.ArtistCount];
        Array.Fill(albumSeen, -1);
        Array.Fill(artistSeen, -1);
        var albums = ds.TrackAlbums;
        var artists = ds.TrackArtists;
        for (int p = from; p < to; p++)
        {
            int pid = ds.Pids[p];
            var tracks = ds.PlaylistTracks(p);
            int length = tracks.Length, distinctAlbums = 0, distinctArtists = 0;
            foreach (int t in tracks)
            {
                if (albumSeen[albums[t]] != p) { albumSeen[albums[t]] = p; distinctAlbums++; }
                if (artistSeen[artists[t]] != p) { artistSeen[artists[t]] = p; distinctArtists++; }
            }
            if (ds.PlaylistName(p).Length == 0) tallies.Add(CheckRules.Title, () => $"pid {pid}: no title");
            if (length < CheckRules.MinTracks) tallies.Add(CheckRules.MinTracksRule, () => $"pid {pid}: {length} tracks");
            if (length > CheckRules.MaxTracks) tallies.Add(CheckRules.MaxTracksRule, () => $"pid {pid}: {length} tracks");
            if (distinctArtists < CheckRules.MinArtists) tallies.Add(CheckRules.MinArtistsRule, () => $"pid {pid}: {distinctArtists} artists");
            if (distinctAlbums < CheckRules.MinAlbums) tallies.Add(CheckRules.MinAlbumsRule, () => $"pid {pid}: {distinctAlbums} albums");
            if (ds.Followers[p] < 1) tallies.Add(CheckRules.Followers, () => $"pid {pid}: {ds.Followers[p]} followers");
            if (ds.Edits[p] < 1) tallies.Add(CheckRules.Edits, () => $"pid {pid}: {ds.Edits[p]} edits");
            if (ds.ModifiedAt[p] > CheckRules.LatestModifiedAt) tallies.Add(CheckRules.ModifiedAt, () => $"pid {pid}: {PlaylistRules.ModifiedAt(ds.ModifiedAt[p])}");
        }
        return tallies;
    }

    /// <summary>Every pid once, and (unless a table's) 0 to 999,999 all there.</summary>
    private static void CheckPids(Dataset ds, RuleTallies tallies)
    {
        var pids = ds.Pids.ToArray();
        Array.Sort(pids);
        for (int i = 1; i < pids.Length; i++)
            if (pids[i] == pids[i - 1]) tallies.Add(CheckRules.UniquePid, () => $"pid {pids[i]}: twice");
        PlaylistRules.CheckPidRange(pids.Distinct(), pids.Length, tallies);
    }

    private static void CheckIds(Dataset ds, RuleTallies tallies)
    {
        foreach (var (count, id, kind) in (ReadOnlySpan<(int, Func<int, string>, string)>)[(ds.TrackCount, ds.TrackUri, "track"),
                     (ds.AlbumCount, ds.AlbumUri, "album"), (ds.ArtistCount, ds.ArtistUri, "artist")])
        {
            string prefix = $"spotify:{kind}:";
            for (int i = 0; i < count; i++)
            {
                string value = id(i);
                if (!PlaylistRules.IsUri(value, prefix)) tallies.Add(CheckRules.Uris, () => $"{kind} {PlaylistRules.Quote(value)}: not a {prefix} URI");
            }
        }
    }
}
