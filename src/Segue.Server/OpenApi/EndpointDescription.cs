using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Segue.Server.OpenApi;

/// <summary>What an endpoint takes and gives, for the API's description.</summary>
public static class EndpointDescription
{
    /// <summary>Each status as a problem document.</summary>
    public static RouteHandlerBuilder ProducesProblems(this RouteHandlerBuilder endpoint, params int[] statuses)
    {
        foreach (int status in statuses) endpoint.Produces<ProblemBody>(status, Problems.ContentType);
        return endpoint;
    }

    /// <summary>
    /// A required JSON body of <typeparamref name="T"/>. The body is read by <see cref="JsonBody"/>,
    /// which names the field of every fault, a wrong content type included; <c>Accepts</c> would have
    /// routing refuse that first with no field, so the description learns the body here instead.
    /// </summary>
    public static RouteHandlerBuilder AcceptsJson<T>(this RouteHandlerBuilder endpoint) =>
        endpoint.AddOpenApiOperationTransformer(async (operation, context, cancel) => operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/json"] = new() { Schema = await context.GetOrCreateSchemaAsync(typeof(T), null, cancel) },
            },
        });
}
