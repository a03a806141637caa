using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Segue.Serving;

namespace Segue.Server.Endpoints;

/// <summary>The recommenders served and the continuation of a playlist by any of them.</summary>
public static class ContinueEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/recommenders", (ContinuationService service) =>
                (IReadOnlyList<RecommenderResponse>)[.. service.Recommenders.Select(r => new RecommenderResponse(r.Name, r.Spec.Source))])
            .WithSummary("The served recommenders, by name; the first answers requests that name none")
            .WithTags("continue");

        app.MapPost("/api/continue", async (HttpRequest request, ContinuationService service) =>
                service.Continue(await JsonBody.ReadAsync(request, ServerJson.Default.ContinuationRequest, ServeOptions.MaxBodyBytes)))
            // The body is read by JsonBody, which names the field of every fault, a wrong content
            // type included; Accepts would have routing refuse that first with no field, so the
            // document learns the body's schema here instead.
            .AddOpenApiOperationTransformer(async (operation, context, cancel) => operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["application/json"] = new() { Schema = await context.GetOrCreateSchemaAsync(typeof(ContinuationRequest), null, cancel) },
                },
            })
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .Produces<Continuation>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .WithSummary($"Continue a playlist: its title and tracks so far (at most {ContinuationLimits.Server.MaxTracks} spotify:track: URIs) to the best k (1..{ContinuationLimits.Server.MaxK}) next tracks")
            .WithTags("continue");
    }
}

public sealed record RecommenderResponse(string Name, string Source);
