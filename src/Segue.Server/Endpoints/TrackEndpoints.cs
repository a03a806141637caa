using Segue.Server.OpenApi;
using Segue.Serving;

namespace Segue.Server.Endpoints;

/// <summary>The catalogue: search by any word, one track, several at once, and the tracks that go with one.</summary>
public static class TrackEndpoints
{
    public const int DefaultLimit = 20;

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/tracks", (string? q, string? offset, string? limit, TrackSearch search) =>
                search.Search(q, QueryValue.Int(offset, "offset", 0), QueryValue.Int(limit, "limit", DefaultLimit)))
            .Produces<SearchPage>()
            .ProducesProblems(StatusCodes.Status400BadRequest)
            .WithSummary("Tracks matching every word of q: each a start of a word of the track's name, its artist's or its album's (case and accents ignored), "
                + $"most popular first; a page of limit (1..{TrackSearch.MaxLimit}, default {DefaultLimit}) from offset (default 0), and the offset of the next page (null: none)")
            .WithTags("tracks");

        app.MapPost("/api/tracks/lookup", async (HttpRequest request, ContinuationService service) =>
                TrackLookupResponse.Find(service, await JsonBody.ReadAsync(request, ServerJson.Default.TrackLookupRequest, ServeOptions.MaxBodyBytes)))
            .AcceptsJson<TrackLookupRequest>()
            .Produces<TrackLookupResponse>()
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType)
            .WithSummary("The catalogue entries of several tracks at once (at most a playlist's worth), in the order given, and the URIs not in the catalogue")
            .WithTags("tracks");

        app.MapGet("/api/tracks/{uri}", (string uri, ContinuationService service) =>
                Find(service, uri = Segment(uri)) is { } track ? Results.Ok(track) : NotFound(uri))
            .Produces<CatalogueTrack>()
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound)
            .WithSummary("A track's catalogue entry")
            .WithTags("tracks");

        app.MapGet("/api/tracks/{uri}/similar", (string uri, string? k, string? recommender, string? reasons,
                ContinuationService service, ContinuationExplainer explainer) =>
                Find(service, uri = Segment(uri)) is null
                    ? NotFound(uri)
                    : Results.Ok(ContinueResponse.Answer(service, explainer,
                        new ContinueRequest(null, [uri], QueryValue.Int(k, "k", ContinuationRequest.DefaultK), recommender, QueryValue.Bool(reasons, "reasons")))))
            .Produces<ContinueResponse>()
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound)
            .WithSummary("The tracks a recommender would put after this one: the continuation of a playlist of it alone")
            .WithTags("tracks");
    }

    /// <summary>The track's id in the path. The server decodes every escape of a path but an encoded
    /// slash (<c>%2F</c>), which stays as sent so as not to split the path; a playlist table's ids
    /// may hold slashes (<c>artist/beatles</c>), so it is decoded here. (An id holding the text
    /// "%2F" itself is found through <c>POST /api/tracks/lookup</c>.)</summary>
    private static string Segment(string routeValue) => routeValue.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase);

    private static CatalogueTrack? Find(ContinuationService service, string uri) =>
        service.TrackIdProblem(uri) is { } problem ? throw new RequestFieldException("uri", problem) : service.Track(uri);

    private static IResult NotFound(string uri) => Problems.Result(StatusCodes.Status404NotFound, $"uri: {uri}: not in the catalogue");
}

/// <summary>Track URIs to look up.</summary>
public sealed record TrackLookupRequest(IReadOnlyList<string> Uris);

/// <summary>The catalogue entries found, in the order asked, and the URIs the catalogue lacks.</summary>
public sealed record TrackLookupResponse(IReadOnlyList<CatalogueTrack> Tracks, IReadOnlyList<string> Unknown)
{
    public static TrackLookupResponse Find(ContinuationService service, TrackLookupRequest request)
    {
        var uris = request.Uris ?? throw new RequestFieldException("uris", "required");
        if (uris.Count > service.Limits.MaxTracks) throw new RequestFieldException("uris", $"at most {service.Limits.MaxTracks} URIs, got {uris.Count}");
        var tracks = new List<CatalogueTrack>(uris.Count);
        var unknown = new List<string>();
        for (int i = 0; i < uris.Count; i++)
        {
            if (service.TrackIdProblem(uris[i]) is { } problem)
                throw new RequestFieldException($"uris[{i}]", problem);
            if (service.Track(uris[i]) is { } track) tracks.Add(track);
            else unknown.Add(uris[i]);
        }
        return new TrackLookupResponse(tracks, unknown);
    }
}
