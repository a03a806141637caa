using System.Text;
using Segue.Data;

namespace Segue.Tests.Data;

public class DelimitedRowsTests
{
    /// <summary>Random fields (delimiters, quotes, line breaks, non-ASCII text) written as RFC 4180
    /// says and read back row by row: the fields come back as they were, and rows end where they
    /// were written to end, whether a quoted field holds line breaks or not.</summary>
    [Theory]
    [InlineData(',')]
    [InlineData('\t')]
    public void Rows_read_back_as_written_whatever_their_fields_hold(char delimiter)
    {
        var random = new Random(7);
        string[] pieces = ["a", "bc", " ", ",", "\t", "\"", "\"\"", "\n", "\r\n", "é", "🎵", "x\"y", "12\" remix"];
        var rows = Enumerable.Range(0, 500).Select(_ => Enumerable.Range(0, random.Next(1, 6))
            .Select(_ => string.Concat(Enumerable.Range(0, random.Next(0, 4)).Select(_ => pieces[random.Next(pieces.Length)]))).ToArray()).ToList();
        var text = new StringBuilder();
        foreach (var row in rows) text.Append(TableCsv.Row(row, delimiter)).Append(random.Next(2) == 0 ? "\n" : "\r\n");
        byte[] data = Encoding.UTF8.GetBytes(text.ToString());

        var splitter = new RowSplitter((byte)delimiter);
        int pos = 0;
        foreach (var expected in rows)
        {
            int end = DelimitedRows.RowEnd(data, pos, (byte)delimiter);
            Assert.True(end > pos, $"row {string.Join("|", expected)} does not end");
            var row = data.AsSpan(pos, end - pos - 1);
            Assert.Null(splitter.Split(row));
            var fields = new string[splitter.Count];
            for (int i = 0; i < fields.Length; i++) fields[i] = Encoding.UTF8.GetString(splitter.Field(row, i));
            // A lone empty field written unquoted reads as one empty field, as it was.
            Assert.Equal(expected, fields);
            pos = end;
        }
        Assert.Equal(data.Length, pos);
    }

    [Theory]
    [InlineData("a,\"b\nc", -1)]          // a quoted field not yet closed: the row has not ended
    [InlineData("a,b\"c\nd", 6)]          // a quote inside an unquoted field is a character
    [InlineData("\"a,\"\"b\"\n", 8)]      // doubled quotes inside a quoted field
    [InlineData("a,b", -1)]               // no line feed yet
    public void A_row_ends_at_its_first_line_feed_outside_quotes(string text, int end) =>
        Assert.Equal(end, DelimitedRows.RowEnd(Encoding.UTF8.GetBytes(text), 0, (byte)','));
}
