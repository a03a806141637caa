using Segue.Structures;

namespace Segue.Tests.Retrieval;

public class TrackScoresTests
{
    [Fact]
    public void Sums_each_playlists_distinct_tracks_as_a_naive_dictionary_does_and_clears_what_it_touched()
    {
        var random = new Random(3);
        var scores = new TrackScores(50);
        for (int query = 0; query < 3; query++)
        {
            scores.Clear();
            var naive = new Dictionary<int, double>();
            var order = new List<int>();
            for (int p = 0; p < 20; p++)
            {
                int[] playlist = [.. Enumerable.Range(0, random.Next(1, 12)).Select(_ => random.Next(50))];   // repeats included
                double weight = random.NextDouble();
                scores.AddPlaylist(playlist, weight);
                foreach (int track in playlist.Distinct())
                {
                    if (!naive.ContainsKey(track)) order.Add(track);
                    naive[track] = naive.GetValueOrDefault(track) + weight;
                }
            }
            Assert.Equal(order, scores.Touched.ToArray());
            for (int track = 0; track < 50; track++) Assert.Equal(naive.GetValueOrDefault(track), scores[track]);
        }
        int first = scores.Touched[0];
        scores.Clear();
        Assert.True(scores.Touched.IsEmpty);
        Assert.Equal(0, scores[first]);
    }
}
