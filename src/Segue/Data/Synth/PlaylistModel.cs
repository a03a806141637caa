namespace Segue.Data.Synth;

/// <summary>
/// How a playlist comes about: a person picks a genre (sometimes two) and a mood, which give
/// the title; a handful of favourite artists of those genres recur through the playlist, the rest
/// are other artists of the genres; each artist contributes its popular albums and tracks more
/// often. Popularity is heavy-tailed at every level (artist in genre, album of artist, track of
/// album), and the favourites make artists and albums cohere inside a playlist. A few tracks are
/// one-offs, any track of the genre: the long tail that makes half of the MPD's tracks occur in
/// one playlist only, while the laws above concentrate the rest on each album's hits.
/// <para>Playlists are ordered as people build them: a track often continues the previous one's
/// album (an album added whole) or artist (a run of one artist), and a playlist drifts, from its
/// first genre towards its second and through its favourite artists in turn, so what comes next
/// is more like the last tracks than the first. In real MPD playlists 14.0% of adjacent tracks share
/// an album and 24.4% an artist, and a track's artist is that of one of the three before it for
/// 27.4% of tracks (from the 22nd on) against one of the playlist's first three for 5.5%.</para>
/// The constants are calibrated so that at one million playlists the figures approach the real
/// MPD's (see the synth benchmark).
/// </summary>
internal sealed class PlaylistModel
{
    public const int MinLength = 5, MaxLength = 250, MinArtists = 3, MinAlbums = 2;

    // Playlist length: log-normal, median and spread fitted to the MPD's (median 49, mean 66).
    private const double LengthLogMedian = 3.96, LengthLogSpread = 1.0;
    private const double SecondGenreChance = 0.30;
    /// <summary>Share of tracks taken from the playlist's favourite artists.</summary>
    private const double FavouriteShare = 0.45;
    /// <summary>Share of tracks drawn uniformly from all of a genre's tracks: almost all of them are heard nowhere else.</summary>
    private const double OneOffShare = 0.0175;
    private const int TracksPerFavourite = 7, MaxFavourites = 40;
    /// <summary>Chances that a track continues the previous track's album (for an artist at the
    /// head of its genre; see <see cref="AlbumRunWeight"/>), or else its artist.</summary>
    private const double AlbumRunChance = 0.16, ArtistRunChance = 0.18;
    /// <summary>The genre rank at which an artist's albums are continued half as often as the top
    /// artist's, and how steeply the chance falls with an artist's share of its genre ranked above it.</summary>
    private const double AlbumRunRank = 100, AlbumRunStanding = 8;
    /// <summary>How far the first genre's share moves from a half, from the first track (up) to the last (down).</summary>
    private const double GenreDrift = 0.4;
    /// <summary>How often a repeated track is drawn again; a few repeats remain, as in the MPD.</summary>
    private const int RepeatRetries = 3;
    private const double CollaborativeChance = 0.023, DescriptionChance = 0.019;
    private const long FirstModified = 1_262_304_000;   // 2010-01-01
    private const long LastModified = 1_509_494_400;    // 2017-11-01

    // The offset of the artists' law sets the head (the top track's share of playlists); the steep
    // album and track laws keep the tracks heard more than once to about half the unique tracks.
    private static readonly PowerLaw ArtistLaw = new(exponent: 1.0, offset: 8.5);
    private static readonly PowerLaw AlbumLaw = new(exponent: 2.0, offset: 1.5);
    private static readonly PowerLaw TrackLaw = new(exponent: 4.0, offset: 0.5);

    private readonly SynthCatalogue _catalogue;
    private readonly double[] _genreCumulative = Cumulative(SynthVocabulary.Genres);
    private readonly double[] _moodCumulative = Cumulative(SynthVocabulary.Moods);

    public PlaylistModel(SynthCatalogue catalogue) => _catalogue = catalogue;

    /// <param name="minLength">At least <see cref="MinLength"/>; the challenge set asks for longer ones.</param>
    public MpdPlaylist Generate(ref SynthRandom random, int pid, int minLength = MinLength)
    {
        // The MPD kept only playlists of at least three artists and two albums: so does this.
        while (true)
        {
            var playlist = Attempt(ref random, pid, minLength);
            if (playlist.NumArtists >= MinArtists && playlist.NumAlbums >= MinAlbums) return playlist;
        }
    }

    private MpdPlaylist Attempt(ref SynthRandom random, int pid, int minLength)
    {
        int genre = Pick(ref random, _genreCumulative);
        int otherGenre = random.Chance(SecondGenreChance) ? Pick(ref random, _genreCumulative) : genre;
        var mood = SynthVocabulary.Moods[Pick(ref random, _moodCumulative)];
        int length = Length(ref random, minLength);

        Span<int> favourites = stackalloc int[MaxFavourites];
        favourites = favourites[..Math.Min(MaxFavourites, 1 + length / TracksPerFavourite + random.NextInt(3))];
        foreach (ref int artist in favourites)
            artist = ArtistIn(ref random, random.Chance(0.5) ? genre : otherGenre);

        var tracks = new int[length];
        long duration = 0;
        for (int i = 0; i < tracks.Length; i++)
        {
            // Where the playlist has got to, 0 at its first track and 1 at its last.
            double along = tracks.Length > 1 ? (double)i / (tracks.Length - 1) : 0;
            int track = 0;
            for (int attempt = 0; attempt <= RepeatRetries; attempt++)
            {
                track = i > 0 && random.Chance(AlbumRunChance * AlbumRunWeight(tracks[i - 1])) && OtherOnAlbum(ref random, tracks[i - 1], tracks.AsSpan(0, i)) is int other and >= 0 ? other
                    : i > 0 && random.Chance(ArtistRunChance) ? TrackOf(ref random, _catalogue.AlbumArtist[_catalogue.TrackAlbum[tracks[i - 1]]])
                    : random.Chance(OneOffShare) ? OneOffIn(ref random, random.Chance(GenreShare(along)) ? genre : otherGenre)
                    : TrackOf(ref random, random.Chance(FavouriteShare)
                        ? favourites[FavouriteAt(ref random, along, favourites.Length)]
                        : ArtistIn(ref random, random.Chance(GenreShare(along)) ? genre : otherGenre));
                if (!tracks.AsSpan(0, i).Contains(track)) break;
            }
            tracks[i] = track;
            duration += _catalogue.TrackDurationMs[track];
        }

        var (albums, artists) = DistinctAlbumsAndArtists(tracks);
        var genreTopic = SynthVocabulary.Genres[genre];
        return new MpdPlaylist
        {
            Pid = pid,
            Name = SynthTitles.Title(ref random, genreTopic, mood),
            Description = random.Chance(DescriptionChance) ? SynthTitles.Description(ref random, genreTopic, mood) : null,
            Collaborative = random.Chance(CollaborativeChance),
            // Most playlists were last touched recently: skew towards the end of the range.
            ModifiedAt = LastModified - (long)((LastModified - FirstModified) * Math.Pow(random.NextDouble(), 2.5)),
            NumFollowers = (int)Math.Min(100_000, Math.Pow(1.0 - random.NextDouble(), -0.75)),
            NumEdits = Math.Max(1, (int)Math.Round(2 + length * 0.2 * Math.Exp(0.5 * random.NextGaussian()))),
            Tracks = tracks,
            NumAlbums = albums,
            NumArtists = artists,
            DurationMs = duration,
        };
    }

    private int Length(ref SynthRandom random, int minLength)
    {
        while (true)
        {
            int length = (int)Math.Round(Math.Exp(LengthLogMedian + LengthLogSpread * random.NextGaussian()));
            if (length >= minLength && length <= MaxLength) return length;
        }
    }

    private int ArtistIn(ref SynthRandom random, int genre)
    {
        int start = _catalogue.GenreArtistStart[genre];
        return start + ArtistLaw.Sample(ref random, _catalogue.GenreArtistStart[genre + 1] - start);
    }

    private int OneOffIn(ref SynthRandom random, int genre)
    {
        var (start, end) = _catalogue.GenreTracks(genre);
        return start + random.NextInt(end - start);
    }

    private int TrackOf(ref SynthRandom random, int artist)
    {
        int firstAlbum = _catalogue.ArtistAlbumStart[artist];
        return OnAlbum(ref random, firstAlbum + AlbumLaw.Sample(ref random, _catalogue.ArtistAlbumStart[artist + 1] - firstAlbum));
    }

    private int OnAlbum(ref SynthRandom random, int album)
    {
        int firstTrack = _catalogue.AlbumTrackStart[album];
        return firstTrack + TrackLaw.Sample(ref random, _catalogue.AlbumTrackStart[album + 1] - firstTrack);
    }

    // Another track of this track's album, by the album's popularity law over those the playlist
    // does not hold yet (people add an album's best-known tracks together); -1 when it holds all.
    private int OtherOnAlbum(ref SynthRandom random, int track, ReadOnlySpan<int> held)
    {
        int album = _catalogue.TrackAlbum[track];
        int first = _catalogue.AlbumTrackStart[album], end = _catalogue.AlbumTrackStart[album + 1];
        int free = end - first;
        foreach (int t in held)
            if (t >= first && t < end) free--;
        if (free <= 0) return -1;
        int pick = TrackLaw.Sample(ref random, free);
        for (int t = first; ; t++)
            if (!held.Contains(t) && pick-- == 0) return t;
    }

    // Well-known artists' albums are added several tracks at a time, and those tracks are heard in
    // many playlists; continuing obscure albums as often would bring in more tracks that no other
    // playlist holds than the MPD has (its unique tracks and one-playlist share are calibrated with
    // this). Well known: near the head of its genre, by rank (what counts in a small catalogue) or
    // by share of the genre (in a large one), so the playlists' order is the same at any size.
    private double AlbumRunWeight(int track)
    {
        int artist = _catalogue.ArtistOfTrack(track);
        return Math.Max(AlbumRunRank / (_catalogue.ArtistRank[artist] + AlbumRunRank),
            Math.Pow(1 - _catalogue.ArtistStanding[artist], AlbumRunStanding));
    }

    // The first genre's share of a track at this point of the playlist.
    private static double GenreShare(double along) => 0.5 + GenreDrift * (1 - 2 * along);

    // The favourites are met in turn: a track takes one near its place in the playlist.
    private static int FavouriteAt(ref SynthRandom random, double along, int count)
    {
        int reach = Math.Max(1, count / 4);
        int centre = (int)Math.Round(along * (count - 1));
        return Math.Clamp(centre - reach + random.NextInt(2 * reach + 1), 0, count - 1);
    }

    private (int Albums, int Artists) DistinctAlbumsAndArtists(int[] tracks)
    {
        Span<int> keys = stackalloc int[tracks.Length];
        for (int i = 0; i < tracks.Length; i++) keys[i] = _catalogue.TrackAlbum[tracks[i]];
        int albums = CountDistinct(keys);
        foreach (ref int key in keys) key = _catalogue.AlbumArtist[key];
        return (albums, CountDistinct(keys));
    }

    /// <summary>Sorts <paramref name="keys"/> in place and counts its distinct values.</summary>
    public static int CountDistinct(Span<int> keys)
    {
        keys.Sort();
        int distinct = keys.Length > 0 ? 1 : 0;
        for (int i = 1; i < keys.Length; i++)
            if (keys[i] != keys[i - 1]) distinct++;
        return distinct;
    }

    private static double[] Cumulative(SynthTopic[] topics)
    {
        var cumulative = new double[topics.Length];
        double sum = 0;
        for (int i = 0; i < topics.Length; i++) cumulative[i] = sum += topics[i].Weight;
        for (int i = 0; i < topics.Length; i++) cumulative[i] /= sum;
        return cumulative;
    }

    private static int Pick(ref SynthRandom random, double[] cumulative)
    {
        double u = random.NextDouble();
        int i = 0;
        while (i < cumulative.Length - 1 && cumulative[i] <= u) i++;
        return i;
    }
}
