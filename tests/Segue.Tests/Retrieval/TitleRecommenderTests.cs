using Segue.Statistics;
using Segue.Data;
using Segue.Retrieval;
using Segue.Structures;
using static Segue.Tests.Evaluation.EvalDatasets;

namespace Segue.Tests.Retrieval;

public class TitleRecommenderTests
{
    private static readonly string[] Words = ["Summer", "party", "chill", "rock", "hits", "2017"];

    // Random playlists (repeated tracks included) titled with one to three words of a small vocabulary,
    // so titles and words are shared by many playlists and long ones are sampled.
    private static string Titled(TempDir dir)
    {
        var random = new Random(5);
        var builder = new DatasetBuilder();
        for (int p = 0; p < 300; p++)
        {
            var list = new List<TrackRecord>();
            for (int i = random.Next(2, 15); i > 0; i--) list.Add(T((int)(120 * Math.Pow(random.NextDouble(), 2))));
            string title = string.Join(' ', Enumerable.Range(0, random.Next(1, 4)).Select(_ => Words[random.Next(Words.Length)]));
            builder.AddPlaylist(p, title, p / 50, list);
        }
        string path = dir.File("titled.segue");
        builder.Write(path);
        return path;
    }

    // The documented score from its definition: walk the sampled playlists of the title and of each word.
    private static Dictionary<int, float> Naive(Dataset ds, int[] playlists, string title, float tokenWeight, int maxPlaylists)
    {
        var scores = new Dictionary<int, float>();
        void Add(Func<int, bool> holds, float weight)
        {
            var keyed = playlists.Where(holds).ToArray();
            int walked = Math.Min(keyed.Length, maxPlaylists);
            var counts = new Dictionary<int, int>();
            for (int i = 0; i < walked; i++)
                foreach (int track in ds.PlaylistTracks(keyed[(int)((long)i * keyed.Length / walked)]).ToArray().Distinct())
                    counts[track] = counts.GetValueOrDefault(track) + 1;
            foreach (var (track, count) in counts.OrderBy(c => c.Key))
                scores[track] = scores.GetValueOrDefault(track) + weight * ((float)count / walked);
        }
        string normalized = PlaylistTitle.Normalize(title);
        Add(p => PlaylistTitle.Normalize(ds.PlaylistName(p)) == normalized, 1);
        var tokens = PlaylistTitle.Tokens(normalized);
        foreach (string token in tokens)
            Add(p => PlaylistTitle.Tokens(PlaylistTitle.Normalize(ds.PlaylistName(p))).Contains(token), tokenWeight / tokens.Length);
        return scores;
    }

    [Theory]
    [InlineData(2000)]
    [InlineData(7)]
    public void Ranks_and_scores_as_the_walk_over_the_titles_playlists(int maxPlaylists)
    {
        using var dir = new TempDir();
        using var ds = Dataset.Open(Titled(dir));
        int[] playlists = [.. Enumerable.Range(0, ds.PlaylistCount).Where(p => p % 3 != 0)];
        var recommender = new TitleRecommender(TrainingStatistics.Of(ds, playlists), new TitleSettings { TokenWeight = 0.7f, MaxPlaylists = maxPlaylists });
        var scorer = (TitleRecommender.Scorer)recommender.CreateScorer();
        var results = new ScoredTrack[500];
        int[] seeds = [0, 1, 2];
        foreach (string title in (string[])["summer party", "Rock  HITS 2017", "chill", "party party", "jazz rock"])
        {
            var naive = Naive(ds, playlists, title, 0.7f, maxPlaylists);
            var expected = naive.Where(s => !seeds.Contains(s.Key))
                .OrderByDescending(s => s.Value).ThenBy(s => s.Key).Select(s => new ScoredTrack(s.Key, s.Value)).ToArray();
            int n = scorer.Recommend(new PlaylistQuery(seeds, title, SeedOrder.First), excludeSeeds: true, results);
            Assert.NotEmpty(expected);
            Assert.Equal(expected, results[..n]);
            // Every track, listed or not (seeds included): what the ranker's features read.
            string normalized = PlaylistTitle.Normalize(title);
            int[] titled = [.. playlists.Where(p => PlaylistTitle.Normalize(ds.PlaylistName(p)) == normalized)];
            var holders = Naive(ds, playlists, title, 0, maxPlaylists);   // the title's shares alone
            for (int track = 0; track < ds.TrackCount; track++)
            {
                Assert.Equal(naive.GetValueOrDefault(track), scorer.ScoreOf(track));
                Assert.Equal(holders.GetValueOrDefault(track) * titled.Length, scorer.TitleHolders(track));
            }
        }
        Assert.Equal(0, scorer.Recommend(new PlaylistQuery(seeds, "jazz", SeedOrder.First), excludeSeeds: true, results));
        Assert.Equal(0f, scorer.ScoreOf(results[0].Track));
    }
}
