namespace Segue.Evaluation;

/// <summary>
/// The per-playlist metrics of <c>spec/model.md</c>, each a pure function. A ranking is a list of
/// distinct track ids, best first, already cut to K. A relevant set is a sorted span of distinct
/// ids; withheld tracks the dataset does not know have negative ids, so they count in |G| but can
/// never be matched. Artist sets hold the artists of the known withheld tracks only (an unknown
/// track's artist is unknown too). Nothing here allocates: the evaluator calls these per case.
/// </summary>
public static class Metrics
{
    /// <summary>The book's track recall: recommended tracks that occur among the next tracks,
    /// divided by <paramref name="nextCount"/>, the number of next tracks counted with repeats.</summary>
    public static double BookTrackRecall(ReadOnlySpan<int> ranking, ReadOnlySpan<int> nextTracks, int nextCount) =>
        (double)Hits(ranking, nextTracks) / nextCount;

    /// <summary>The book's artist recall: recommended tracks whose artist is an artist of the next
    /// tracks, divided by the number of next tracks with repeats; it can exceed 1.</summary>
    public static double BookArtistRecall(ReadOnlySpan<int> ranking, ReadOnlySpan<int> trackArtists,
        ReadOnlySpan<int> nextArtists, int nextCount)
    {
        int hits = 0;
        foreach (int track in ranking)
            if (nextArtists.BinarySearch(trackArtists[track]) >= 0) hits++;
        return (double)hits / nextCount;
    }

    /// <summary>|top-K ∩ G| / |G|.</summary>
    public static double TrackRecall(ReadOnlySpan<int> ranking, ReadOnlySpan<int> relevantTracks) =>
        (double)Hits(ranking, relevantTracks) / relevantTracks.Length;

    /// <summary>|artists(top-K) ∩ A| / |A| over distinct artists; 0 when A is empty (every withheld
    /// track unknown). <paramref name="matched"/> is scratch of at least |A|.</summary>
    public static double ArtistRecall(ReadOnlySpan<int> ranking, ReadOnlySpan<int> trackArtists,
        ReadOnlySpan<int> relevantArtists, Span<bool> matched)
    {
        if (relevantArtists.IsEmpty) return 0;
        matched = matched[..relevantArtists.Length];
        matched.Clear();
        int hits = 0;
        foreach (int track in ranking)
        {
            int a = relevantArtists.BinarySearch(trackArtists[track]);
            if (a >= 0 && !matched[a]) { matched[a] = true; hits++; }
        }
        return (double)hits / relevantArtists.Length;
    }

    /// <summary>R-precision: |G ∩ R[1..|G|]| / |G|.</summary>
    public static double RPrecision(ReadOnlySpan<int> ranking, ReadOnlySpan<int> relevantTracks) =>
        (double)Hits(Head(ranking, relevantTracks.Length), relevantTracks) / relevantTracks.Length;

    /// <summary>
    /// R-precision with the final challenge report's partial credit: among the first |G|
    /// recommendations, every distinct artist of G that some recommendation matches by artist, and
    /// that no exact track match among them already covers, adds 0.25 to the numerator.
    /// <paramref name="state"/> is scratch of at least |A|.
    /// </summary>
    public static double RPrecisionArtistCredit(ReadOnlySpan<int> ranking, ReadOnlySpan<int> trackArtists,
        ReadOnlySpan<int> relevantTracks, ReadOnlySpan<int> relevantArtists, Span<byte> state)
    {
        const byte ArtistOnly = 1, ExactTrack = 2;
        state = state[..relevantArtists.Length];
        state.Clear();
        int exact = 0;
        foreach (int track in Head(ranking, relevantTracks.Length))
        {
            bool hit = relevantTracks.BinarySearch(track) >= 0;
            if (hit) exact++;
            int a = relevantArtists.BinarySearch(trackArtists[track]);
            if (a >= 0) state[a] = hit ? ExactTrack : Math.Max(state[a], ArtistOnly);
        }
        int artistOnly = state.Count(ArtistOnly);
        return (exact + 0.25 * artistOnly) / relevantTracks.Length;
    }

    /// <summary>
    /// NDCG = DCG / IDCG with DCG = rel_1 + Σ_{i≥2} rel_i / log2(i) over the ranking and IDCG the
    /// same sum for all of G ranked first, with |G| capped at <paramref name="k"/> (the spec's 500:
    /// a list of K cannot hold more).
    /// </summary>
    public static double Ndcg(ReadOnlySpan<int> ranking, ReadOnlySpan<int> relevantTracks, int k)
    {
        double dcg = 0;
        for (int i = 0; i < ranking.Length; i++)
            if (relevantTracks.BinarySearch(ranking[i]) >= 0) dcg += Discount(i);
        double idcg = 0;
        int ideal = Math.Min(relevantTracks.Length, k);
        for (int i = 0; i < ideal; i++) idcg += Discount(i);
        return dcg / idcg;
    }

    /// <summary>
    /// Recommended Songs Clicks: floor((i* − 1) / 10) for i* the 1-based rank of the first relevant
    /// track; when none is relevant, one more page than a list of <paramref name="k"/> has
    /// (K/10 + 1, the challenge's 51 for K = 500).
    /// </summary>
    public static int Clicks(ReadOnlySpan<int> ranking, ReadOnlySpan<int> relevantTracks, int k)
    {
        for (int i = 0; i < ranking.Length; i++)
            if (relevantTracks.BinarySearch(ranking[i]) >= 0) return i / 10;
        return k / 10 + 1;
    }

    // Weight of 0-based position i: 1 at the top, then 1/log2(rank).
    private static double Discount(int i) => i == 0 ? 1 : 1 / Math.Log2(i + 1);

    private static ReadOnlySpan<int> Head(ReadOnlySpan<int> ranking, int n) => ranking[..Math.Min(n, ranking.Length)];

    private static int Hits(ReadOnlySpan<int> ranking, ReadOnlySpan<int> sortedSet)
    {
        int hits = 0;
        foreach (int track in ranking)
            if (sortedSet.BinarySearch(track) >= 0) hits++;
        return hits;
    }
}
