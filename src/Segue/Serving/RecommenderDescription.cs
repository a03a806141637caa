using System.Text.Json.Serialization;
using Segue.Retrieval;

namespace Segue.Serving;

/// <summary>What a playlist's recommender reads: its seed tracks, its title, both or neither.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RecommenderInput>))]
public enum RecommenderInput
{
    [JsonStringEnumMemberName("seeds")] Seeds,
    [JsonStringEnumMemberName("title")] Title,
    [JsonStringEnumMemberName("seeds_and_title")] SeedsAndTitle,
    [JsonStringEnumMemberName("neither")] Neither,
}

/// <summary>A served recommender in words, for a person choosing between them: its kind, what it
/// reads, and how it ranks.</summary>
public sealed record RecommenderDescription(string Kind, RecommenderInput Uses, string Description)
{
    public static RecommenderDescription Of(RecommenderSpec spec) => spec.Baseline switch
    {
        PopularityRecommender.BaselineName => new("popularity", RecommenderInput.Neither,
            "The tracks in the most training playlists, the same for every playlist."),
        CoOccurrenceRecommender.BaselineName => new("cooccurrence", RecommenderInput.Seeds,
            "Tracks that share training playlists with the seed tracks, damped for popularity (item co-occurrence)."),
        PlaylistKnnRecommender.BaselineName => new("pknn", RecommenderInput.Seeds,
            "Tracks of the training playlists that share the most tracks with this one (neighbour playlists)."),
        TitleRecommender.BaselineName => new("title", RecommenderInput.Title,
            "Tracks of the training playlists with the same title, or a word of it."),
        ArtistRecommender.BaselineName => new("artist", RecommenderInput.Seeds,
            "Tracks on the seed tracks' albums and by their artists, those sharing the most seeds first."),
        FactorRecommender.BaselineName => new("als", RecommenderInput.Seeds,
            "Tracks near the seed tracks in a matrix factorisation of the training playlists (implicit ALS)."),
        null when spec.IsRanker => new("ranker", RecommenderInput.SeedsAndTitle,
            "Two stages: candidates from co-occurrence, neighbour playlists, the title, popularity and the seeds' albums and artists, reordered by a learned ranker (LambdaRank) that also reads a factorisation and, when fitted with one, the book's model."),
        null => new("model", RecommenderInput.Seeds,
            "The book's embedding model: tracks whose album and artist embeddings best match the seed tracks'. It ignores the title."),
        var other => throw new SegueException($"no description of baseline '{other}'"),
    };
}
