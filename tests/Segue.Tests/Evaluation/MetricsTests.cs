using Segue.Evaluation;

namespace Segue.Tests.Evaluation;

public class MetricsTests
{
    // Track t has artist Artists[t]: tracks 0-2 artist 0, 3-4 artist 1, 5-9 artist 2, 10-19 artist 3, 20-29 artist 4, 30-39 artist 5.
    private static readonly int[] Artists = Enumerable.Range(0, 40)
        .Select(t => t < 3 ? 0 : t < 5 ? 1 : t < 10 ? 2 : t < 20 ? 3 : t < 30 ? 4 : 5).ToArray();

    [Fact]
    public void Book_track_recall_divides_by_next_counted_with_repeats()
    {
        // next = [1, 2, 2, 3]: m = 4, set {1, 2, 3}; two of the recommendations are in it.
        int[] ranking = [2, 5, 3];
        Assert.Equal(2.0 / 4, Metrics.BookTrackRecall(ranking, [1, 2, 3], 4));
        Assert.Equal(2.0 / 3, Metrics.TrackRecall(ranking, [1, 2, 3]));
    }

    [Fact]
    public void Book_artist_recall_counts_every_recommendation_and_can_exceed_one()
    {
        // next = [0, 3]: artists {0, 1}, m = 2; all five recommendations are by artist 0 or 1.
        int[] ranking = [1, 2, 4, 0, 3, 7];
        Assert.Equal(5.0 / 2, Metrics.BookArtistRecall(ranking, Artists, [0, 1], 2));
        Assert.Equal(1.0, Metrics.ArtistRecall(ranking, Artists, [0, 1], new bool[2]));
    }

    [Fact]
    public void Artist_recall_counts_distinct_artists()
    {
        // Relevant artists {0, 2, 3}; the ranking reaches artist 0 three times and artist 3 once.
        int[] ranking = [0, 1, 2, 10, 4];
        Assert.Equal(2.0 / 3, Metrics.ArtistRecall(ranking, Artists, [0, 2, 3], new bool[3]));
    }

    [Fact]
    public void Artist_recall_is_zero_when_no_withheld_artist_is_known()
    {
        Assert.Equal(0.0, Metrics.ArtistRecall([1, 2], Artists, [], new bool[0]));
    }

    [Fact]
    public void R_precision_looks_only_at_the_first_G_recommendations()
    {
        // |G| = 3; 1 and 2 are in the first three, 3 comes fourth.
        Assert.Equal(2.0 / 3, Metrics.RPrecision([1, 9, 2, 3], [1, 2, 3]));
    }

    [Fact]
    public void Artist_credit_is_given_once_per_distinct_artist_matched_only_by_artist()
    {
        // G = {10, 11 (artist 3), 20 (artist 4), 30 (artist 5)}, |G| = 4. The first four: 12 (artist 3,
        // not in G), 10 (exact), 21 and 22 (artist 4, not in G). Artist 3 already has an exact match:
        // no credit; artist 4 is matched only by artist, twice: 0.25 once; 30 comes fifth: outside.
        int[] ranking = [12, 10, 21, 22, 30];
        int[] g = [10, 11, 20, 30];
        int[] artists = [3, 4, 5];
        Assert.Equal((1 + 0.25) / 4, Metrics.RPrecisionArtistCredit(ranking, Artists, g, artists, new byte[3]));
        Assert.Equal(1.0 / 4, Metrics.RPrecision(ranking, g));
    }

    [Fact]
    public void Artist_credit_yields_to_an_exact_match_found_later()
    {
        // Artist 3 is first matched by 12 (artist only), then exactly by 10: no partial credit.
        Assert.Equal(1.0 / 2, Metrics.RPrecisionArtistCredit([12, 10], Artists, [10, 20], [3, 4], new byte[2]));
    }

    [Fact]
    public void Ndcg_discounts_by_log2_of_the_rank_after_the_first()
    {
        // G = {1, 2, 3}; hits at ranks 2 and 4: DCG = 1/log2(2) + 1/log2(4) = 1.5;
        // IDCG = 1 + 1/log2(2) + 1/log2(3).
        double expected = 1.5 / (2 + 1 / Math.Log2(3));
        Assert.Equal(expected, Metrics.Ndcg([9, 1, 8, 2], [1, 2, 3], 500), 12);
        Assert.Equal(1.0, Metrics.Ndcg([3, 1, 2], [1, 2, 3], 500), 12);
    }

    [Fact]
    public void Ndcg_caps_the_ideal_at_K()
    {
        // 600 withheld, the 500 recommended all relevant: a perfect list of 500.
        int[] g = Enumerable.Range(0, 600).ToArray();
        int[] ranking = Enumerable.Range(100, 500).ToArray();
        Assert.Equal(1.0, Metrics.Ndcg(ranking, g, 500), 12);
        Assert.Equal(500.0 / 600, Metrics.TrackRecall(ranking, g));
        Assert.Equal(500.0 / 600, Metrics.RPrecision(ranking, g));
    }

    [Fact]
    public void Short_rankings_are_scored_against_the_full_ideal()
    {
        // Only three candidates existed; G has four tracks, one of them ranked first.
        double idcg = 1 + 1 + 1 / Math.Log2(3) + 1 / Math.Log2(4);
        Assert.Equal(1 / idcg, Metrics.Ndcg([5, 6, 7], [5, 8, 9, 11], 500), 12);
        Assert.Equal(0.25, Metrics.RPrecision([5, 6, 7], [5, 8, 9, 11]));
        Assert.Equal(0, Metrics.Clicks([5, 6, 7], [5, 8, 9, 11], 500));
    }

    [Fact]
    public void No_relevant_item_scores_zero_and_the_missing_click_page()
    {
        int[] ranking = [1, 2, 3];
        int[] g = [7, 8];
        Assert.Equal(0.0, Metrics.Ndcg(ranking, g, 500));
        Assert.Equal(0.0, Metrics.RPrecision(ranking, g));
        Assert.Equal(0.0, Metrics.TrackRecall(ranking, g));
        Assert.Equal(51, Metrics.Clicks(ranking, g, 500));
        Assert.Equal(11, Metrics.Clicks(ranking, g, 100));
    }

    [Theory]
    [InlineData(1, 0)]
    [InlineData(10, 0)]
    [InlineData(11, 1)]
    [InlineData(500, 49)]
    public void Clicks_are_pages_of_ten_before_the_first_relevant_track(int rank, int clicks)
    {
        int[] ranking = Enumerable.Range(1000, 500).ToArray();
        ranking[rank - 1] = 7;
        Assert.Equal(clicks, Metrics.Clicks(ranking, [7], 500));
    }

    [Fact]
    public void Unknown_withheld_tracks_count_in_G_but_never_match()
    {
        // Two withheld tracks the dataset does not know (negative ids) and track 5 (artist 2).
        int[] g = [-2, -1, 5];
        Assert.Equal(1.0 / 3, Metrics.TrackRecall([5, 6], g));
        Assert.Equal(1.0 / 3, Metrics.RPrecision([5, 6, 7], g));
        Assert.Equal(1.0, Metrics.ArtistRecall([5, 6], Artists, [2], new bool[1]));
    }
}
