using Segue.Data;

namespace Segue.Tests.Data;

public class ChallengeCategoryTests
{
    [Fact]
    public void The_ten_categories_are_numbered_in_the_challenges_order()
    {
        Assert.Equal(ChallengeCategory.Count, ChallengeCategory.All.Count);
        Assert.Equal(Enumerable.Range(1, ChallengeCategory.Count), ChallengeCategory.All.Select(c => c.Number));
        Assert.All(ChallengeCategory.All, c => Assert.Same(c, ChallengeCategory.Get(c.Number)));
        Assert.Equal([0, 1, 5, 5, 10, 10, 25, 25, 100, 100], ChallengeCategory.All.Select(c => c.Seeds));
        Assert.Equal([4, 6], ChallengeCategory.All.Where(c => !c.HasTitle).Select(c => c.Number));
        Assert.Equal([8, 10], ChallengeCategory.All.Where(c => c.RandomSeeds).Select(c => c.Number));
    }

    [Fact]
    public void Quotas_are_equal_blocks_some_one_longer()
    {
        Assert.All(ChallengeCategory.All, c => Assert.Equal(1_000, c.Quota(10_000)));
        Assert.Equal([1, 2, 1, 2, 1, 2, 1, 2, 1, 2], ChallengeCategory.All.Select(c => c.Quota(15)));
        Assert.Equal([0, 0, 0, 0, 1, 0, 0, 0, 0, 1], ChallengeCategory.All.Select(c => c.Quota(2)));
        foreach (int count in Enumerable.Range(0, 300).Append(1_000_000).Append(int.MaxValue))
        {
            var quotas = ChallengeCategory.All.Select(c => c.Quota(count)).ToArray();
            Assert.Equal(count, quotas.Sum(q => (long)q));
            Assert.All(quotas, q => Assert.InRange(q, count / 10, ((long)count + 9) / 10));
            // The first k categories hold k tenths, rounded down.
            for (int k = 1; k <= quotas.Length; k++)
                Assert.Equal((long)k * count / 10, quotas.Take(k).Sum(q => (long)q));
        }
    }

    [Fact]
    public void The_playlists_in_order_fill_each_categorys_quota_in_turn()
    {
        foreach (int count in Enumerable.Range(1, 300))
            Assert.Equal(ChallengeCategory.All.SelectMany(c => Enumerable.Repeat(c, c.Quota(count))),
                Enumerable.Range(0, count).Select(i => ChallengeCategory.At(i, count)));
        Assert.Throws<ArgumentOutOfRangeException>(() => ChallengeCategory.At(15, 15));
        Assert.Throws<ArgumentOutOfRangeException>(() => ChallengeCategory.At(-1, 15));
    }
}
