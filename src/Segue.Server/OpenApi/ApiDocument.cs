using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Segue.Server.Endpoints;
using Segue.Serving;

namespace Segue.Server.OpenApi;

/// <summary>
/// Makes <c>/openapi/v1.json</c> say exactly what the server accepts and answers: the request
/// bodies' bounds, defaults and closed member sets; the query values' types (the endpoints take
/// them as text to name a bad one in a problem, but they are numbers and booleans); every status an
/// operation can give, with the problem schema (401 when a token is required, 500 anywhere); and
/// the health probes, which are not endpoints of the API's own.
/// </summary>
public static class ApiDocument
{
    public static void Configure(OpenApiOptions openApi, ServeOptions options, ContinuationService service)
    {
        var limits = service.Limits;
        // A track of MPD slices is a spotify:track: URI; one of a playlist table any id but "".
        void TrackId(OpenApiSchema s)
        {
            if (service.Dataset.Meta.HasSpotifyUris) s.Pattern = TrackUriPattern;
            else s.MinLength = 1;
        }
        openApi.AddSchemaTransformer((schema, context, _) =>
        {
            var type = context.JsonTypeInfo.Type;
            if (type == typeof(ContinueRequest))
            {
                Closed(schema);
                Set(schema, "title", s => s.MaxLength = limits.MaxTitleLength);
                Set(schema, "tracks", s =>
                {
                    s.MaxItems = limits.MaxTracks;
                    if (s.Items is OpenApiSchema items) TrackId(items);
                });
                Set(schema, "k", s => Bounded(s, 1, limits.MaxK, ContinuationRequest.DefaultK));
                // null: the first served.
                Set(schema, "recommender", s => s.Enum = [.. service.Recommenders.Select(r => (JsonNode)JsonValue.Create(r.Name)), null!]);
                Set(schema, "reasons", s => s.Default = JsonValue.Create(false));
            }
            else if (type == typeof(TrackLookupRequest))
            {
                Closed(schema);
                Set(schema, "uris", s =>
                {
                    s.MaxItems = limits.MaxTracks;
                    if (s.Items is OpenApiSchema items) TrackId(items);
                });
            }
            return Task.CompletedTask;
        });

        openApi.AddOperationTransformer((operation, context, _) =>
        {
            foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
            {
                parameter.Schema = parameter.Name switch
                {
                    "q" => new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1 },
                    "offset" => Bounded(new OpenApiSchema { Type = JsonSchemaType.Integer }, 0, null, 0),
                    "limit" => Bounded(new OpenApiSchema { Type = JsonSchemaType.Integer }, 1, TrackSearch.MaxLimit, TrackEndpoints.DefaultLimit),
                    "k" => Bounded(new OpenApiSchema { Type = JsonSchemaType.Integer }, 1, limits.MaxK, ContinuationRequest.DefaultK),
                    "reasons" => new OpenApiSchema { Type = JsonSchemaType.Boolean, Default = JsonValue.Create(false) },
                    "recommender" => new OpenApiSchema { Type = JsonSchemaType.String, Enum = [.. service.Recommenders.Select(r => (JsonNode)JsonValue.Create(r.Name))] },
                    "pid" => new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" },
                    "uri" => Apply(new OpenApiSchema { Type = JsonSchemaType.String }, TrackId),
                    _ => parameter.Schema,
                };
                if (parameter.Name == "q") parameter.Required = true;
            }
            operation.Responses ??= [];
            string path = context.Description.RelativePath ?? "";
            if (options.Token is not null && (path.StartsWith("api/", StringComparison.Ordinal) || path.StartsWith("runs/", StringComparison.Ordinal)))
                operation.Responses[StatusCodes.Status401Unauthorized.ToString()] = Problem(context, StatusCodes.Status401Unauthorized);
            operation.Responses[StatusCodes.Status500InternalServerError.ToString()] = Problem(context, StatusCodes.Status500InternalServerError);
            return Task.CompletedTask;
        });

        openApi.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Segue";
            document.Info.Description = "Playlist continuation: the recommenders served, the catalogue, the dataset's playlists and figures, and the training runs. "
                + "Every error is a problem document (application/problem+json).";
            document.Paths ??= [];
            document.Paths["/health/live"] = Health("The process is up (no check of what it serves)", ["Healthy"]);
            document.Paths["/health/ready"] = Health("The dataset and every recommender are open and answering", ["Healthy", "Unhealthy"]);
            return Task.CompletedTask;
        });
    }

    public const string TrackUriPattern = "^spotify:track:.+$";

    private static OpenApiSchema Apply(OpenApiSchema schema, Action<OpenApiSchema> change)
    {
        change(schema);
        return schema;
    }

    private static void Closed(OpenApiSchema schema)
    {
        schema.AdditionalPropertiesAllowed = false;
        schema.AdditionalProperties = null;
    }

    private static void Set(OpenApiSchema schema, string property, Action<OpenApiSchema> change)
    {
        if (schema.Properties is { } properties && properties.TryGetValue(property, out var member) && member is OpenApiSchema s) change(s);
    }

    private static OpenApiSchema Bounded(OpenApiSchema schema, int minimum, int? maximum, int @default)
    {
        schema.Minimum = minimum.ToString(System.Globalization.CultureInfo.InvariantCulture);
        schema.Maximum = maximum?.ToString(System.Globalization.CultureInfo.InvariantCulture);
        schema.Default = JsonValue.Create(@default);
        return schema;
    }

    private static OpenApiResponse Problem(OpenApiOperationTransformerContext context, int status) => new()
    {
        Description = Problems.Title(status),
        Content = new Dictionary<string, OpenApiMediaType>
        {
            [Problems.ContentType] = new() { Schema = new OpenApiSchemaReference(nameof(ProblemBody), context.Document) },
        },
    };

    private static OpenApiPathItem Health(string summary, string[] answers)
    {
        OpenApiResponse Text(string description, string[] values) => new()
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["text/plain"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [.. values.Select(v => (JsonNode)JsonValue.Create(v))] } },
            },
        };
        var responses = new OpenApiResponses { ["200"] = Text("OK", ["Healthy"]) };
        if (answers.Contains("Unhealthy")) responses["503"] = Text("Service Unavailable", ["Unhealthy"]);
        return new OpenApiPathItem
        {
            Operations = new Dictionary<HttpMethod, OpenApiOperation>
            {
                [HttpMethod.Get] = new() { Summary = summary, Tags = new HashSet<OpenApiTagReference> { new("health") }, Responses = responses },
            },
        };
    }
}
