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
                    ? Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"pid: no playlist {number} in the dataset")
                    : Results.Ok(PlaylistResponse.From(service, playlist));
            })
            .Produces<PlaylistResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("A playlist of the dataset: its title, whether it is in the training or the test split, and its tracks")
            .WithTags("playlists");
    }
}

public sealed record PlaylistResponse(int Pid, string Name, string Description, string Split, bool Collaborative, int Followers,
    IReadOnlyList<CatalogueTrack> Tracks)
{
    public static PlaylistResponse From(ContinuationService service, int playlist)
    {
        var dataset = service.Dataset;
        string split = dataset.TestPlaylists.BinarySearch(playlist) >= 0 ? "test" : "train";
        var tracks = dataset.PlaylistTracks(playlist).ToArray().Select(service.Track).ToArray();
        return new PlaylistResponse(dataset.Pids[playlist], dataset.PlaylistName(playlist), dataset.PlaylistDescription(playlist), split,
            dataset.IsCollaborative(playlist), dataset.Followers[playlist], tracks);
    }
}
