using Segue.Serving;

namespace Segue.Server.Endpoints;

/// <summary>The catalogue: search by name, one track, and the tracks that go with it.</summary>
public static class TrackEndpoints
{
    public const int DefaultLimit = 20;

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/tracks", (string? q, string? limit, TrackSearch search) =>
                search.Search(q, QueryValue.Int(limit, "limit", DefaultLimit)))
            .Produces<IReadOnlyList<CatalogueTrack>>()
            .ProducesValidationProblem()
            .WithSummary($"Tracks whose name or artist's name starts with q (case ignored), most popular first; limit 1..{TrackSearch.MaxLimit}")
            .WithTags("tracks");

        app.MapGet("/api/tracks/{uri}", (string uri, ContinuationService service) =>
                Find(service, uri) is { } track ? Results.Ok(track) : NotFound(uri))
            .Produces<CatalogueTrack>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("A track's catalogue entry")
            .WithTags("tracks");

        app.MapGet("/api/tracks/{uri}/similar", (string uri, string? k, string? recommender, ContinuationService service) =>
                Find(service, uri) is null
                    ? NotFound(uri)
                    : Results.Ok(service.Continue(new ContinuationRequest(null, [uri], QueryValue.Int(k, "k", ContinuationRequest.DefaultK), recommender))))
            .Produces<Continuation>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The tracks a recommender would put after this one: the continuation of a playlist of it alone")
            .WithTags("tracks");
    }

    private static CatalogueTrack? Find(ContinuationService service, string uri) =>
        ContinuationService.IsTrackUri(uri) ? service.Track(uri) : throw new RequestFieldException("uri", $"expected a spotify:track: URI, got \"{uri}\"");

    private static IResult NotFound(string uri) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"uri: {uri}: not in the catalogue");
}
