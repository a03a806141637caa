using System.Text.Json.Serialization;
using Segue.Data;
using Segue.Serving;
using Segue.Server.Endpoints;

namespace Segue.Server;

/// <summary>The API's JSON, source-generated: snake_case names as in every file Segue writes;
/// a request with an unknown member is refused, naming it, rather than half-understood.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(ContinuationRequest))]
[JsonSerializable(typeof(Continuation))]
[JsonSerializable(typeof(CatalogueTrack))]
[JsonSerializable(typeof(IReadOnlyList<CatalogueTrack>))]
[JsonSerializable(typeof(PlaylistResponse))]
[JsonSerializable(typeof(DatasetStats))]
[JsonSerializable(typeof(RunsResponse))]
[JsonSerializable(typeof(IReadOnlyList<RecommenderResponse>))]
public sealed partial class ServerJson : JsonSerializerContext;
