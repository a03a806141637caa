using System.Globalization;
using System.Text.Json.Nodes;
using Segue.Ranking;
using Segue.Runs;

namespace Segue.Serving;

/// <summary>Which cases a run's final metrics were measured on, in words, so that runs evaluated on
/// different cases are not read as if side by side: a ranker's validation playlists kept out of its
/// fit, a training run's held-out playlists.</summary>
public static class RunEvaluation
{
    public static string? Describe(RunRecord run)
    {
        if (RankerFolder.IsRanker(run.Path))
        {
            try
            {
                var validation = JsonNode.Parse(File.ReadAllText(Path.Combine(run.Path, RankerFolder.ValidationFile)));
                return validation?["reports"]?[0]?["cases"] is { } cases ? $"{(int)cases:N0} validation playlists kept out of the fit" : null;
            }
            catch (Exception e) when (e is IOException or System.Text.Json.JsonException or InvalidOperationException or FormatException)
            {
                return null;
            }
        }
        return run.Settings.TryGetValue("training.eval_cases", out string? held) && int.TryParse(held, CultureInfo.InvariantCulture, out int n) && n > 0
            ? $"{n:N0} held-out playlists of the test split"
            : null;
    }
}
