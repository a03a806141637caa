namespace Segue.Ranking;

/// <summary>
/// The re-ranker's features of a (playlist, candidate) pair, each declared once: its position in a
/// row is the order of declaration, and its name travels into the ranker's manifest and its
/// feature importance. The generators' features come first, three per generator that scores any
/// track (its score, the score relative to the query's best candidate, since scales differ between
/// queries, and its rank) and the rank alone for the others, in <see cref="CandidateSources.Slots"/>
/// order; a rank is the place in that generator's list, <c>2 * depth</c> when it did not list the
/// candidate.
/// </summary>
public static class RankingFeatures
{
    private static readonly List<RankingFeature> Declared = [];

    /// <summary>Each generator's features, in <see cref="CandidateSources.Slots"/> order.</summary>
    public static IReadOnlyList<GeneratorFeatures> Generators { get; } = [.. CandidateSources.Slots.Select(DeclareGenerator)];

    public static readonly int TrackPopularity = Declare("track_popularity", "candidate", "log(1 + training playlists holding the track)");
    public static readonly int AlbumPopularity = Declare("album_popularity", "candidate", "log(1 + the album's tracks' playlist counts)");
    public static readonly int ArtistPopularity = Declare("artist_popularity", "candidate", "log(1 + the artist's tracks' playlist counts)");
    public static readonly int CoMax = Declare("co_max", "co-occurrence", "the most playlists the candidate shares with one seed");
    public static readonly int CoMean = Declare("co_mean", "co-occurrence", "the playlists it shares with a seed, on average over the seeds");
    public static readonly int CoMin = Declare("co_min", "co-occurrence", "the fewest playlists it shares with one seed");
    public static readonly int CoNormMax = Declare("co_norm_max", "co-occurrence", "the largest share of one seed's playlists holding it");
    public static readonly int CoNormMean = Declare("co_norm_mean", "co-occurrence", "the share of a seed's playlists holding it, on average");
    public static readonly int SameArtist = Declare("same_artist_share", "seeds", "the share of the distinct seeds by its artist");
    public static readonly int SameAlbum = Declare("same_album_share", "seeds", "the share of the distinct seeds on its album");
    public static readonly int ModelMax = Declare("model_affinity_max", "model", "its best dot product with a sampled seed in the trained model");
    public static readonly int ModelMean = Declare("model_affinity_mean", "model", "its mean dot product with the sampled seeds in the trained model");
    public static readonly int Seeds = Declare("seeds", "query", "distinct seeds");
    public static readonly int HasTitle = Declare("has_title", "query", "1 when the playlist has a title");
    public static readonly int ArtistDiversity = Declare("seed_artist_diversity", "query", "distinct artists per distinct seed");
    public static readonly int AlbumDiversity = Declare("seed_album_diversity", "query", "distinct albums per distinct seed");
    public static readonly int DurationDifference = Declare("duration_difference_s", "seeds", "|its duration - the seeds' mean|, in seconds");
    public static readonly int PopularityDifference = Declare("popularity_difference", "seeds", "its log popularity - the seeds' mean");
    public static readonly int GeneratorsListing = Declare("generators_listing", "candidate", "how many generators listed it");
    public static readonly int SeedsSampled = Declare("seeds_sampled", "query", "1 when the seeds are a sample of the playlist, not its first tracks");
    public static readonly int AlsScore = Declare("als_score", "factors", "its affinity with the playlist folded in from every distinct seed");
    public static readonly int AlsRelative = Declare("als_relative", "factors", "als_score relative to the pool's best");
    public static readonly int AlsMax = Declare("als_affinity_max", "factors", "its best affinity with a sampled seed");
    public static readonly int SameArtistCount = Declare("same_artist_count", "seeds", "distinct seeds by its artist");
    public static readonly int TrackShareOfArtist = Declare("track_share_of_artist", "candidate", "track_popularity - artist_popularity");
    public static readonly int TrackShareOfAlbum = Declare("track_share_of_album", "candidate", "track_popularity - album_popularity");
    public static readonly int CoSeedShare = Declare("co_seed_share", "co-occurrence", "the share of the seeds it shares a playlist with");
    public static readonly int KnownSeeds = Declare("known_seeds", "query", "distinct seeds in a training playlist");
    public static readonly int AlbumRun = Declare("album_run", "order", "the seeds' trailing run on one album, when it is the candidate's");
    public static readonly int ArtistRun = Declare("artist_run", "order", "the seeds' trailing run by one artist, when it is the candidate's");
    public static readonly int GapAlbum = Declare("gap_album", "order", "gaps between two sampled seeds of its album");
    public static readonly int GapArtist = Declare("gap_artist", "order", "gaps between two sampled seeds of its artist");
    public static readonly int SeedSpan = Declare("seed_span", "order", "playlist positions per seed up to the last seed");
    public static readonly int TitleInTrack = Declare("title_in_track", "names", "the share of the title's words in its name");
    public static readonly int TitleInAlbum = Declare("title_in_album", "names", "the share of the title's words in its album's name");
    public static readonly int TitleInArtist = Declare("title_in_artist", "names", "the share of the title's words in its artist's name");
    public static readonly int TitleHolderShare = Declare("title_holder_share", "names", "the share of its training playlists with the query's title");
    public static readonly int HolderLength = Declare("holder_length", "names", "the mean log length of its training playlists");

    /// <summary>Every feature, in row order.</summary>
    public static IReadOnlyList<RankingFeature> All => Declared;

    /// <summary>The width of a feature row.</summary>
    public static int Count => Declared.Count;

    /// <summary>The names, in row order.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. Declared.Select(f => f.Name)];

    /// <summary>The position of the feature named <paramref name="name"/>.</summary>
    public static int IndexOf(string name) =>
        Declared.FindIndex(f => f.Name == name) is int i and >= 0 ? i : throw new ArgumentException($"no feature '{name}'", nameof(name));

    private static int Declare(string name, string group, string meaning)
    {
        Declared.Add(new RankingFeature(Declared.Count, name, group, meaning));
        return Declared.Count - 1;
    }

    private static GeneratorFeatures DeclareGenerator(GeneratorSlot slot) => slot.ScoresAnyTrack
        ? new GeneratorFeatures(
            Declare($"{slot.Key}_score", "generators", $"its score by {slot.Key}"),
            Declare($"{slot.Key}_relative", "generators", $"its {slot.Key} score relative to the query's best"),
            Declare($"{slot.Key}_rank", "generators", $"its place in {slot.Key}'s list"))
        : new GeneratorFeatures(-1, -1, Declare($"{slot.Key}_rank", "generators", $"its place in {slot.Key}'s list"));
}

/// <summary>One ranker feature: its position in a row, its name, its group and what it measures.</summary>
public sealed record RankingFeature(int Index, string Name, string Group, string Meaning);

/// <summary>The positions of one generator's features; score and relative are -1 for a generator
/// that scores only the tracks it lists.</summary>
public readonly record struct GeneratorFeatures(int Score, int Relative, int Rank);
