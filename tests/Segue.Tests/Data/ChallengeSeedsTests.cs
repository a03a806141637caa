using Segue.Data;
using Segue.Data.Synth;
using Segue.Structures;

namespace Segue.Tests.Data;

public class ChallengeSeedsTests
{
    private static ChallengeCategory First5 => ChallengeCategory.Get(3);
    private static ChallengeCategory Random25 => ChallengeCategory.Get(8);

    [Fact]
    public void A_playlist_is_long_enough_for_its_seeds_and_one_track_more_and_the_floor()
    {
        Assert.Equal(ChallengeSeeds.MinLength, ChallengeSeeds.MinLengthOf(ChallengeCategory.Get(1)));
        Assert.Equal(101, ChallengeSeeds.MinLengthOf(ChallengeCategory.Get(10)));
        Assert.Equal(6, ChallengeSeeds.MinLengthOf(First5, floor: PlaylistModel.MinLength));
        Assert.Equal(PlaylistModel.MinLength, ChallengeSeeds.MinLengthOf(ChallengeCategory.Get(2), floor: PlaylistModel.MinLength));
    }

    [Fact]
    public void First_seeds_are_the_first_positions_and_draw_nothing()
    {
        var rng = new Rng(4);
        Assert.Equal([0, 1, 2, 3, 4], ChallengeSeeds.Positions(First5, 30, ref rng));
        Assert.Equal(new Rng(4).NextUInt64(), rng.NextUInt64());
        Assert.Empty(ChallengeSeeds.Positions(ChallengeCategory.Get(1), 30, ref rng));
    }

    [Fact]
    public void A_random_sample_advances_the_callers_generator_even_a_struct_one()
    {
        var random = SynthRandom.For(1, SynthRandom.Streams.Challenge, 2);
        var reference = random;
        var positions = ChallengeSeeds.Positions(Random25, 40, ref random);
        // A partial shuffle draws once per seed, from fewer positions each time.
        for (int i = 0; i < Random25.Seeds; i++) reference.NextInt(40 - i);
        Assert.Equal(reference.NextULong(), random.NextULong());
        Assert.Equal(positions.Order(), positions);
        Assert.Equal(Random25.Seeds, positions.Distinct().Count());
        Assert.All(positions, p => Assert.InRange(p, 0, 39));
    }

    [Fact]
    public void A_random_sample_takes_every_position_equally_often()
    {
        const int length = 50, draws = 20_000;
        var rng = new Rng(9);
        var synth = SynthRandom.For(9, SynthRandom.Streams.Challenge, 0);
        var fromRng = new int[length];
        var fromSynth = new int[length];
        for (int d = 0; d < draws; d++)
        {
            foreach (int p in ChallengeSeeds.Positions(Random25, length, ref rng)) fromRng[p]++;
            foreach (int p in ChallengeSeeds.Positions(Random25, length, ref synth)) fromSynth[p]++;
        }
        // Each position is a seed in 25 of 50 draws: 10,000 of 20,000, give or take a few standard deviations (71).
        Assert.All(fromRng, n => Assert.InRange(n, 9_650, 10_350));
        Assert.All(fromSynth, n => Assert.InRange(n, 9_650, 10_350));
    }
}
