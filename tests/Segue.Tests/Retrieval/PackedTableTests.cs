using Segue.Retrieval;

namespace Segue.Tests.Retrieval;

public class PackedTableTests
{
    [Theory]
    [InlineData(1003, 64)]   // blocks not a multiple of four, a partial last block
    [InlineData(40, 7)]      // exactly five blocks
    [InlineData(3, 5)]       // one partial block
    public void Scoring_every_row_against_one_vector_gives_the_naive_dot_products(int rows, int cols)
    {
        var random = new Random(rows);
        var values = Enumerable.Range(0, rows * cols).Select(_ => (float)(random.NextDouble() - 0.5)).ToArray();
        var context = Enumerable.Range(0, cols).Select(_ => (float)(random.NextDouble() - 0.5)).ToArray();
        var table = new PackedTable(values, rows, cols);
        var each = new float[table.ScoresLengthFor(1)];
        table.ScoreRows(context, cols, 0, 1, each);
        for (int r = 0; r < rows; r++)
        {
            double naive = 0;
            for (int k = 0; k < cols; k++) naive += (double)values[r * cols + k] * context[k];
            Assert.Equal(naive, each[r], 4);
        }
    }

    [Fact]
    public void A_short_destination_is_refused()
    {
        var table = new PackedTable(new float[16 * 4], 16, 4);
        Assert.Throws<ArgumentException>(() => table.ScoreRows(new float[4], 4, 0, 1, new float[table.ScoresLengthFor(1) - 1]));
    }
}
