namespace Segue.Data.Synth;

/// <summary>
/// How a playlist comes about: a person picks a genre (sometimes two) and a mood, which give
/// the title; a handful of favourite artists of those genres recur through the playlist, the rest
/// are other artists of the genres; each artist contributes its popular albums and tracks more
/// often. Popularity is heavy-tailed at every level (artist in genre, album of artist, track of
/// album), and the favourites make artists and albums cohere inside a playlist. A few tracks are
/// one-offs, any track of the genre: the long tail that makes half of the MPD's tracks occur in
/// one playlist only, while the laws above concentrate the rest on each album's hits.
/// The constants are calibrated so that at one million playlists the figures approach the real
/// MPD's (see the synth benchmark).
/// </summary>
internal sealed class PlaylistModel
{
    public const int MinLength = 5, MaxLength = 250;

    // Playlist length: log-normal, median and spread fitted to the MPD's (median 49, mean 66).
    private const double LengthLogMedian = 3.96, LengthLogSpread = 1.0;
    private const double SecondGenreChance = 0.30;
    /// <summary>Share of tracks taken from the playlist's favourite artists.</summary>
    private const double FavouriteShare = 0.45;
    /// <summary>Share of tracks drawn uniformly from all of a genre's tracks: almost all of them are heard nowhere else.</summary>
    private const double OneOffShare = 0.0145;
    private const int TracksPerFavourite = 7, MaxFavourites = 40;
    /// <summary>How often a repeated track is drawn again; a few repeats remain, as in the MPD.</summary>
    private const int RepeatRetries = 3;
    private const double CollaborativeChance = 0.023, DescriptionChance = 0.019;
    private const long FirstModified = 1_262_304_000;   // 2010-01-01
    private const long LastModified = 1_509_494_400;    // 2017-11-01

    // The offset of the artists' law sets the head (the top track's share of playlists); the steep
    // album and track laws keep the tracks heard more than once to about half the unique tracks.
    private static readonly PowerLaw ArtistLaw = new(exponent: 1.0, offset: 11.5);
    private static readonly PowerLaw AlbumLaw = new(exponent: 2.0, offset: 1.5);
    private static readonly PowerLaw TrackLaw = new(exponent: 4.0, offset: 0.5);

    private readonly SynthCatalogue _catalogue;
    private readonly double[] _genreCumulative = Cumulative(SynthVocabulary.Genres);
    private readonly double[] _moodCumulative = Cumulative(SynthVocabulary.Moods);

    public PlaylistModel(SynthCatalogue catalogue) => _catalogue = catalogue;

    /// <param name="minLength">At least <see cref="MinLength"/>; the challenge set asks for longer ones.</param>
    public SynthPlaylist Generate(ref SynthRandom random, int pid, int minLength = MinLength)
    {
        int genre = Pick(ref random, _genreCumulative);
        int otherGenre = random.Chance(SecondGenreChance) ? Pick(ref random, _genreCumulative) : genre;
        var mood = SynthVocabulary.Moods[Pick(ref random, _moodCumulative)];
        int length = Length(ref random, minLength);

        Span<int> favourites = stackalloc int[MaxFavourites];
        favourites = favourites[..Math.Min(MaxFavourites, 1 + length / TracksPerFavourite + random.Next(3))];
        foreach (ref int artist in favourites)
            artist = ArtistIn(ref random, random.Chance(0.5) ? genre : otherGenre);

        var tracks = new int[length];
        long duration = 0;
        for (int i = 0; i < tracks.Length; i++)
        {
            int track = 0;
            for (int attempt = 0; attempt <= RepeatRetries; attempt++)
            {
                track = random.Chance(OneOffShare)
                    ? OneOffIn(ref random, random.Chance(0.5) ? genre : otherGenre)
                    : TrackOf(ref random, random.Chance(FavouriteShare)
                        ? favourites[random.Next(favourites.Length)]
                        : ArtistIn(ref random, random.Chance(0.5) ? genre : otherGenre));
                if (!tracks.AsSpan(0, i).Contains(track)) break;
            }
            tracks[i] = track;
            duration += _catalogue.TrackDurationMs[track];
        }

        var (albums, artists) = DistinctAlbumsAndArtists(tracks);
        var genreTopic = SynthVocabulary.Genres[genre];
        return new SynthPlaylist
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
        return start + random.Next(end - start);
    }

    private int TrackOf(ref SynthRandom random, int artist)
    {
        int firstAlbum = _catalogue.ArtistAlbumStart[artist];
        int album = firstAlbum + AlbumLaw.Sample(ref random, _catalogue.ArtistAlbumStart[artist + 1] - firstAlbum);
        int firstTrack = _catalogue.AlbumTrackStart[album];
        return firstTrack + TrackLaw.Sample(ref random, _catalogue.AlbumTrackStart[album + 1] - firstTrack);
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
