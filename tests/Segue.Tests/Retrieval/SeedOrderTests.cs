using Segue.Retrieval;

namespace Segue.Tests.Retrieval;

public class SeedOrderTests
{
    [Theory]
    [InlineData(new int[0], SeedOrder.First)]
    [InlineData(new[] { 0 }, SeedOrder.First)]
    [InlineData(new[] { 0, 1, 2, 3 }, SeedOrder.First)]
    [InlineData(new[] { 1 }, SeedOrder.Sampled)]
    [InlineData(new[] { 0, 1, 3 }, SeedOrder.Sampled)]
    [InlineData(new[] { 1, 0 }, SeedOrder.Sampled)]
    [InlineData(new[] { 0, 0 }, SeedOrder.Sampled)]
    [InlineData(new[] { 2, 5, 9 }, SeedOrder.Sampled)]
    public void Seeds_are_first_exactly_at_positions_0_to_n_minus_1_in_order(int[] positions, SeedOrder expected) =>
        Assert.Equal(expected, SeedOrder.Of(positions));
}
