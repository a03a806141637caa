using Segue.Server.OpenApi;
using Segue.Serving;

namespace Segue.Server.Endpoints;

/// <summary>The recommenders served, the limits of a request, and the continuation of a playlist by any of them.</summary>
public static class ContinueEndpoints
{
    public static void Map(IEndpointRouteBuilder app, ServeOptions options)
    {
        app.MapGet("/api/recommenders", (ContinuationService service) =>
                (IReadOnlyList<RecommenderResponse>)[.. service.Recommenders.Select(r => RecommenderResponse.From(r, options.ShowPaths))])
            .WithSummary("The served recommenders in the order given (the first answers requests that name none), each described: what it reads and how it ranks")
            .WithTags("continue");

        app.MapGet("/api/limits", (ContinuationService service) => LimitsResponse.From(service.Limits))
            .WithSummary("How large a request may be")
            .WithTags("continue");

        app.MapPost("/api/continue", async (HttpRequest request, ContinuationService service, ContinuationExplainer explainer) =>
                ContinueResponse.Answer(service, explainer, await JsonBody.ReadAsync(request, ServerJson.Default.ContinueRequest, ServeOptions.MaxBodyBytes)))
            .AcceptsJson<ContinueRequest>()
            .Produces<ContinueResponse>()
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType)
            .WithSummary("Continue a playlist: its title and tracks so far to the best k next tracks, ranked, each with its catalogue entry (and, when asked, why)")
            .WithTags("continue");
    }
}

/// <summary>A served recommender: its name, its kind (<c>model</c>, <c>ranker</c> or a baseline's
/// name), what it reads, how it ranks in a sentence, and where it came from (a baseline's spec, or
/// the file or folder's name; its path only when the server shows paths).</summary>
public sealed record RecommenderResponse(string Name, string Kind, RecommenderInput Uses, string Description, string Source)
{
    public static RecommenderResponse From(ServedRecommender served, bool showPaths)
    {
        var description = RecommenderDescription.Of(served.Spec);
        string source = served.Spec.Baseline is not null || showPaths ? served.Spec.Source : Path.GetFileName(Path.TrimEndingDirectorySeparator(served.Spec.Source));
        return new RecommenderResponse(served.Name, description.Kind, description.Uses, description.Description, source);
    }
}

/// <summary>The most a request may hold: seed tracks, k, title characters, search results a page, body bytes.</summary>
public sealed record LimitsResponse(int MaxTracks, int MaxK, int MaxTitleLength, int MaxSearchLimit, int MaxBodyBytes)
{
    public static LimitsResponse From(ContinuationLimits limits) =>
        new(limits.MaxTracks, limits.MaxK, limits.MaxTitleLength, TrackSearch.MaxLimit, ServeOptions.MaxBodyBytes);
}

/// <summary>
/// A playlist to continue, as the API takes it: the library's request (title, tracks so far, k,
/// recommender) and whether to explain each recommendation.
/// </summary>
public sealed record ContinueRequest(string? Title = null, IReadOnlyList<string>? Tracks = null, int K = ContinuationRequest.DefaultK,
    string? Recommender = null, bool Reasons = false)
{
    public ContinuationRequest ForLibrary() => new(Title, Tracks, K, Recommender);
}

/// <summary>
/// A continuation: the recommender, how it used the title, whether the list is the popularity
/// fallback (it had no known seed and no title it could use), the seed URIs not in the catalogue
/// (skipped), and the recommendations best first.
/// </summary>
public sealed record ContinueResponse(string Recommender, TitleUse TitleUse, bool Fallback, IReadOnlyList<string> Unknown,
    IReadOnlyList<Recommendation> Tracks)
{
    public static ContinueResponse Answer(ContinuationService service, ContinuationExplainer explainer, ContinueRequest request)
    {
        var continuation = service.Continue(request.ForLibrary());
        var served = service.Recommender(continuation.Recommender);
        var uses = explainer.TitleUseOf(served, request.Title);
        int known = (request.Tracks?.Count ?? 0) - continuation.Unknown.Count;
        var uris = continuation.Tracks.Select(t => t.Uri).ToList();
        var reasons = request.Reasons ? explainer.Reasons(request.Tracks ?? [], uses == TitleUse.Used ? request.Title : null, uris) : null;
        return new ContinueResponse(continuation.Recommender, uses, ContinuationExplainer.IsFallback(served, known, uses), continuation.Unknown,
            [.. continuation.Tracks.Select((t, i) => new Recommendation(i + 1, t.Score, service.Track(t.Uri)!, reasons?[i]))]);
    }
}

/// <summary>A recommended track: its rank (1 is best), the recommender's raw score (its scale is the
/// recommender's own; a popularity fallback's is the training-playlist count), its catalogue entry,
/// and why, when asked.</summary>
public sealed record Recommendation(int Rank, float Score, CatalogueTrack Track, RecommendationReason? Reason);
