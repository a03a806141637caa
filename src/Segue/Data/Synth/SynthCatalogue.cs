namespace Segue.Data.Synth;

/// <summary>
/// The synthetic world's artists, albums and tracks, sized in proportion to the number of
/// playlists. Artists are grouped by genre and ordered by popularity inside their genre (rank 0
/// the most popular); an artist's albums and an album's tracks are likewise ordered by
/// popularity, so the playlist model picks by rank with a <see cref="PowerLaw"/>. Only the
/// structure is stored: names and URIs are derived from ids on demand by
/// <see cref="SynthNames"/>.
/// </summary>
internal sealed class SynthCatalogue : IMpdTracks
{
    /// <summary>Catalogue artists per playlist; nearly all of them end up in some playlist.</summary>
    private const double ArtistsPerPlaylist = 0.30;
    private const int MinArtistsPerGenre = 8;

    public long Seed { get; }
    /// <summary>Artists of genre g are [GenreArtistStart[g], GenreArtistStart[g + 1]).</summary>
    public int[] GenreArtistStart { get; }
    /// <summary>Each artist's rank in its genre as a share of the genre's artists: 0 the most popular, towards 1 the least.</summary>
    public float[] ArtistStanding { get; }
    /// <summary>Each artist's rank in its genre, 0 the most popular.</summary>
    public int[] ArtistRank { get; }
    /// <summary>Albums of artist a are [ArtistAlbumStart[a], ArtistAlbumStart[a + 1]).</summary>
    public int[] ArtistAlbumStart { get; }
    public int[] AlbumArtist { get; }
    /// <summary>Tracks of album b are [AlbumTrackStart[b], AlbumTrackStart[b + 1]).</summary>
    public int[] AlbumTrackStart { get; }
    public int[] TrackAlbum { get; }
    public int[] TrackDurationMs { get; }

    public int ArtistCount => ArtistAlbumStart.Length - 1;
    public int AlbumCount => AlbumArtist.Length;
    public int TrackCount => TrackAlbum.Length;

    public SynthCatalogue(long seed, int playlists)
    {
        Seed = seed;
        var genres = SynthVocabulary.Genres;
        double totalWeight = genres.Sum(g => g.Weight);
        int wanted = (int)Math.Ceiling(ArtistsPerPlaylist * playlists);
        GenreArtistStart = new int[genres.Length + 1];
        for (int g = 0; g < genres.Length; g++)
            GenreArtistStart[g + 1] = GenreArtistStart[g]
                + Math.Max(MinArtistsPerGenre, (int)Math.Round(wanted * genres[g].Weight / totalWeight));
        int artists = GenreArtistStart[^1];
        ArtistStanding = new float[artists];
        ArtistRank = new int[artists];
        for (int g = 0; g < genres.Length; g++)
            for (int a = GenreArtistStart[g]; a < GenreArtistStart[g + 1]; a++)
            {
                ArtistRank[a] = a - GenreArtistStart[g];
                ArtistStanding[a] = (float)(a - GenreArtistStart[g]) / (GenreArtistStart[g + 1] - GenreArtistStart[g]);
            }

        var random = SynthRandom.For(seed, SynthRandom.Streams.Catalogue, 0);
        ArtistAlbumStart = new int[artists + 1];
        for (int g = 0; g < genres.Length; g++)
            for (int a = GenreArtistStart[g]; a < GenreArtistStart[g + 1]; a++)
                ArtistAlbumStart[a + 1] = ArtistAlbumStart[a] + AlbumsOf(ref random, a - GenreArtistStart[g]);

        AlbumArtist = new int[ArtistAlbumStart[^1]];
        AlbumTrackStart = new int[AlbumArtist.Length + 1];
        for (int a = 0; a < artists; a++)
            for (int b = ArtistAlbumStart[a]; b < ArtistAlbumStart[a + 1]; b++)
            {
                AlbumArtist[b] = a;
                AlbumTrackStart[b + 1] = AlbumTrackStart[b] + TracksOf(ref random);
            }

        TrackAlbum = new int[AlbumTrackStart[^1]];
        TrackDurationMs = new int[TrackAlbum.Length];
        for (int b = 0; b < AlbumArtist.Length; b++)
            for (int t = AlbumTrackStart[b]; t < AlbumTrackStart[b + 1]; t++)
            {
                TrackAlbum[t] = b;
                // Log-normal around 3.6 minutes, as pop tracks are; clipped to plausible extremes.
                double ms = 216_000 * Math.Exp(0.33 * random.NextGaussian());
                TrackDurationMs[t] = (int)Math.Clamp(ms, 30_000, 1_200_000);
            }
    }

    public int ArtistOfTrack(int track) => AlbumArtist[TrackAlbum[track]];

    public int MaxFieldBytes => SynthNames.MaxLength;

    /// <summary>A track's field, its name or URI made up from its id (<see cref="SynthNames"/>).</summary>
    public ReadOnlySpan<byte> Text(MpdTrackField field, int track, Span<byte> buffer) => field switch
    {
        MpdTrackField.TrackUri => buffer[..SynthNames.Uri(Seed, SynthNames.Kind.Track, track, buffer)],
        MpdTrackField.TrackName => buffer[..SynthNames.Name(Seed, SynthNames.Kind.Track, track, buffer)],
        MpdTrackField.AlbumUri => buffer[..SynthNames.Uri(Seed, SynthNames.Kind.Album, TrackAlbum[track], buffer)],
        MpdTrackField.AlbumName => buffer[..SynthNames.Name(Seed, SynthNames.Kind.Album, TrackAlbum[track], buffer)],
        MpdTrackField.ArtistUri => buffer[..SynthNames.Uri(Seed, SynthNames.Kind.Artist, ArtistOfTrack(track), buffer)],
        MpdTrackField.ArtistName => buffer[..SynthNames.Name(Seed, SynthNames.Kind.Artist, ArtistOfTrack(track), buffer)],
        _ => throw new ArgumentOutOfRangeException(nameof(field)),
    };

    public int DurationMs(int track) => TrackDurationMs[track];

    /// <summary>The tracks of genre g, [Start, End): its artists' albums' tracks are contiguous.</summary>
    public (int Start, int End) GenreTracks(int genre) =>
        (AlbumTrackStart[ArtistAlbumStart[GenreArtistStart[genre]]], AlbumTrackStart[ArtistAlbumStart[GenreArtistStart[genre + 1]]]);

    /// <summary>Popular artists have long careers: more albums the nearer the head of their genre.</summary>
    private static int AlbumsOf(ref SynthRandom random, int rank)
    {
        double mean = 1.8 + 8.0 / (1.0 + rank / 30.0);
        return 1 + (int)(-mean * Math.Log(1.0 - random.NextDouble()));
    }

    /// <summary>A third are singles and EPs, the rest full-length albums.</summary>
    private static int TracksOf(ref SynthRandom random) =>
        random.Chance(0.35) ? 1 + random.NextInt(5) : 8 + random.NextInt(11);
}
