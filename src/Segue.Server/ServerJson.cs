using System.Text.Json.Serialization;
using Segue.Data;
using Segue.Serving;
using Segue.Server.Endpoints;

namespace Segue.Server;

/// <summary>The API's JSON, source-generated: snake_case names as in every file Segue writes;
/// numbers only as JSON numbers; a request with an unknown member, or a member twice, is refused,
/// naming it, rather than half-understood.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow, AllowDuplicateProperties = false,
    NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(ContinueRequest))]
[JsonSerializable(typeof(ContinueResponse))]
[JsonSerializable(typeof(TrackLookupRequest))]
[JsonSerializable(typeof(TrackLookupResponse))]
[JsonSerializable(typeof(SearchPage))]
[JsonSerializable(typeof(CatalogueTrack))]
[JsonSerializable(typeof(PlaylistResponse))]
[JsonSerializable(typeof(DatasetStats))]
[JsonSerializable(typeof(RunsResponse))]
[JsonSerializable(typeof(LimitsResponse))]
[JsonSerializable(typeof(ProblemBody))]
[JsonSerializable(typeof(IReadOnlyList<RecommenderResponse>))]
public sealed partial class ServerJson : JsonSerializerContext;
