using Segue.Server.OpenApi;
using Segue.Serving;

namespace Segue.Server.Endpoints;

/// <summary>The dataset's playlists, by pid: somewhere to start a playlist from.</summary>
public static class PlaylistEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/playlists/{pid}", (string pid, PlaylistLookup playlists, ContinuationService service) =>
            {
                int number = QueryValue.Int(pid, "pid", 0);
                int playlist = playlists.Find(number);
                return playlist < 0
                    ? Problems.Result(StatusCodes.Status404NotFound, $"pid: no playlist {number} in the dataset")
                    : Results.Ok(PlaylistResponse.From(service, playlist));
            })
            .Produces<PlaylistResponse>()
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound)
            .WithSummary("A playlist of the dataset: its title, whether it is in the training or the held-out (test) split, and its tracks")
            .WithTags("playlists");
    }
}

/// <summary>A dataset playlist. For a held-out one (split <c>test</c>), <c>evaluation_seeds</c> is how
/// many of its first tracks evaluation gives a recommender (the rest are withheld, to be found);
/// null for a training one, which every recommender has seen whole.</summary>
public sealed record PlaylistResponse(int Pid, string Name, string Description, string Split, int? EvaluationSeeds, bool Collaborative,
    int Followers, IReadOnlyList<CatalogueTrack> Tracks)
{
    /// <summary>The book's held-out protocol (<c>segue eval</c>'s default): the first 5 tracks are the seeds.</summary>
    public const int HeldOutSeeds = 5;

    public static PlaylistResponse From(ContinuationService service, int playlist)
    {
        var dataset = service.Dataset;
        bool test = dataset.TestPlaylists.BinarySearch(playlist) >= 0;
        var tracks = dataset.PlaylistTracks(playlist).ToArray().Select(service.Track).ToArray();
        return new PlaylistResponse(dataset.Pids[playlist], dataset.PlaylistName(playlist), dataset.PlaylistDescription(playlist),
            test ? "test" : "train", test ? HeldOutSeeds : null, dataset.IsCollaborative(playlist), dataset.Followers[playlist], tracks);
    }
}
