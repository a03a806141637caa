using Segue.Retrieval;
using Segue.Serving;
using Segue.Structures;
using Segue.Tests.Ranking;

namespace Segue.Tests.Serving;

/// <summary>A ranker folder served by name: it reads the title, so a title alone is its own answer, not a fallback.</summary>
public sealed class RankerServingTests(RankerFixture ranker) : IClassFixture<RankerFixture>
{
    [Fact]
    public void A_ranker_folder_serves_under_its_name_over_its_recorded_dataset_and_answers_a_title()
    {
        using var service = ContinuationService.Open([RecommenderSpec.Parse(ranker.RankerPath, "recommenders")], null, ContinuationLimits.Server);
        var served = service.Recommender(null);
        Assert.Equal(("ranker", true, true), (served.Name, served.Spec.IsRanker, served.ReadsTitle));
        Assert.Equal(Path.GetFullPath(ranker.DatasetPath), Path.GetFullPath(service.Dataset.FilePath));

        var answer = service.Continue(new ContinuationRequest("summer party", null, 30));
        Assert.False(answer.Fallback);
        var expected = new ScoredTrack[30];
        int n = served.Recommender.CreateScorer().Recommend(new PlaylistQuery([], "summer party", SeedOrder.First), excludeSeeds: true, expected);
        Assert.Equal(expected[..n].Select(e => service.Dataset.TrackUri(e.Track)), answer.Tracks.Select(t => t.Uri));
    }
}
