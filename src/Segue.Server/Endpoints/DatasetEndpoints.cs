using Segue.Data;
using Segue.Serving;

namespace Segue.Server.Endpoints;

/// <summary>The served dataset's figures (those of <c>segue stats</c>), computed on first request and kept.</summary>
public static class DatasetEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/stats", (DatasetFigures figures) => figures.Stats)
            .Produces<DatasetStats>()
            .WithSummary("The dataset's figures: playlists, tracks, albums, artists, lengths and their histogram, the top tracks and artists")
            .WithTags("dataset");
    }
}

/// <summary>The dataset's stats, computed once when first asked for: a pass over every playlist,
/// which a server that is never asked should not pay for at start.</summary>
public sealed class DatasetFigures(ContinuationService service)
{
    private readonly Lazy<DatasetStats> _stats = new(() => DatasetStats.Compute(service.Dataset));

    public DatasetStats Stats => _stats.Value;
}
