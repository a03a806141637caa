namespace Segue.Ranking;

/// <summary>
/// The re-ranker's features of a (playlist, candidate) pair, by position. Generator scores are
/// raw and relative to the best candidate of the query (scales differ between queries); a rank
/// is the place in that generator's list, <c>2 * depth</c> when it did not list the candidate.
/// </summary>
public static class RankingFeatures
{
    public const int Count = 49;

    public const int CoocScore = 0, CoocRelative = 1, CoocRank = 2;
    public const int PknnScore = 3, PknnRelative = 4, PknnRank = 5;
    public const int TitleScore = 6, TitleRelative = 7, TitleRank = 8;
    public const int PopularityRank = 9, ModelRank = 10;
    public const int TrackPopularity = 11, AlbumPopularity = 12, ArtistPopularity = 13;
    public const int CoMax = 14, CoMean = 15, CoMin = 16, CoNormMax = 17, CoNormMean = 18;
    public const int SameArtist = 19, SameAlbum = 20;
    public const int ModelMax = 21, ModelMean = 22;
    public const int Seeds = 23, HasTitle = 24, ArtistDiversity = 25, AlbumDiversity = 26;
    public const int DurationDifference = 27, PopularityDifference = 28, Generators = 29, SeedsSampled = 30;
    public const int AlsScore = 31, AlsRelative = 32, AlsMax = 33;
    public const int SameArtistCount = 34, TrackShareOfArtist = 35, TrackShareOfAlbum = 36;
    public const int CoSeedShare = 37, KnownSeeds = 38;
    // Order: the seeds' trailing album and artist runs, the gaps between sampled seeds.
    public const int AlbumRun = 39, ArtistRun = 40, GapAlbum = 41, GapArtist = 42, SeedSpan = 43;
    // Names: the title's words in the candidate's names; the candidate's training playlists' titles and lengths.
    public const int TitleInTrack = 44, TitleInAlbum = 45, TitleInArtist = 46, TitleHolderShare = 47, HolderLength = 48;

    /// <summary>The rank feature of each generator, in <see cref="CandidateSources.Generators"/> order.</summary>
    public static ReadOnlySpan<int> GeneratorRanks => [CoocRank, PknnRank, TitleRank, PopularityRank, ModelRank];

    /// <summary>The position of the feature named <paramref name="name"/>.</summary>
    public static int IndexOf(string name)
    {
        for (int i = 0; i < Names.Count; i++)
            if (Names[i] == name) return i;
        throw new ArgumentException($"no feature '{name}'", nameof(name));
    }

    /// <summary>The names, in position order (feature importance is written under these).</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        "cooc_score", "cooc_relative", "cooc_rank",
        "pknn_score", "pknn_relative", "pknn_rank",
        "title_score", "title_relative", "title_rank",
        "popularity_rank", "model_rank",
        "track_popularity", "album_popularity", "artist_popularity",
        "co_max", "co_mean", "co_min", "co_norm_max", "co_norm_mean",
        "same_artist_share", "same_album_share",
        "model_affinity_max", "model_affinity_mean",
        "seeds", "has_title", "seed_artist_diversity", "seed_album_diversity",
        "duration_difference_s", "popularity_difference", "generators_listing", "seeds_sampled",
        "als_score", "als_relative", "als_affinity_max",
        "same_artist_count", "track_share_of_artist", "track_share_of_album",
        "co_seed_share", "known_seeds",
        "album_run", "artist_run", "gap_album", "gap_artist", "seed_span",
        "title_in_track", "title_in_album", "title_in_artist", "title_holder_share", "holder_length",
    ];
}
