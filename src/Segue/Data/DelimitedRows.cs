namespace Segue.Data;

/// <summary>
/// Rows of delimited text (CSV with <c>,</c>, TSV with a tab) as RFC 4180 has them: rows end at a
/// line feed (a carriage return before it is dropped), a field that starts with a double quote is
/// quoted and may hold delimiters, line breaks and doubled quotes (<c>""</c> for one); a quote
/// anywhere else is an ordinary character (<c>12" remix</c>), as Python's csv module and pandas
/// read it. <see cref="RowEnd"/> is the one place that decides where a row ends: a table's
/// chunker and its parsers both go through it, so a chunk never starts inside a quoted field.
/// </summary>
internal static class DelimitedRows
{
    public const byte Quote = (byte)'"';
    public const byte LineFeed = (byte)'\n';
    public const byte CarriageReturn = (byte)'\r';

    /// <summary>Where the row starting at <paramref name="start"/> ends (just past its line feed),
    /// or -1 when it does not end within <paramref name="data"/> (more may follow, or a quoted
    /// field never closes). Only quotes at the start of a field count, so a row without a quote
    /// costs one vectorised search.</summary>
    public static int RowEnd(ReadOnlySpan<byte> data, int start, byte delimiter)
    {
        int pos = start;
        while (true)
        {
            int hit = data[pos..].IndexOfAny(Quote, LineFeed);
            if (hit < 0) return -1;
            pos += hit;
            if (data[pos] == LineFeed) return pos + 1;
            if (pos != start && data[pos - 1] != delimiter)
            {
                pos++;   // a quote inside an unquoted field: an ordinary character
                continue;
            }
            pos = QuotedEnd(data, pos);
            if (pos < 0) return -1;
        }
    }

    /// <summary>Just past the quote that closes the quoted field opening at <paramref name="open"/>,
    /// or -1. A quote that is the data's last byte closes the field: a row is split whole, and a
    /// row walked by <see cref="RowEnd"/> cannot end there anyway (it has no line feed yet).</summary>
    public static int QuotedEnd(ReadOnlySpan<byte> data, int open)
    {
        int pos = open + 1;
        while (true)
        {
            int hit = data[pos..].IndexOf(Quote);
            if (hit < 0) return -1;
            pos += hit + 1;
            if (pos < data.Length && data[pos] == Quote) pos++;   // "" stands for one quote
            else return pos;
        }
    }
}

/// <summary>
/// Splits one row (its bytes, line feed excluded) into fields: plain fields are spans of the row,
/// quoted ones are unescaped into a scratch buffer. One splitter per thread; the fields of a row
/// stay valid until the next <see cref="Split"/>.
/// </summary>
internal sealed class RowSplitter(byte delimiter)
{
    private (int Start, int Length, bool InScratch)[] _fields = new (int, int, bool)[16];
    private byte[] _scratch = new byte[1 << 10];
    private int _scratchUsed;

    public byte Delimiter { get; } = delimiter;

    public int Count { get; private set; }

    /// <summary>Splits <paramref name="row"/>. Returns null, or the problem and the 1-based number
    /// of the field it is in: text after a quoted field's closing quote, or a quoted field that
    /// does not close.</summary>
    public (string Problem, int Field)? Split(ReadOnlySpan<byte> row)
    {
        if (!row.IsEmpty && row[^1] == DelimitedRows.CarriageReturn) row = row[..^1];
        Count = 0;
        _scratchUsed = 0;
        int pos = 0;
        while (true)
        {
            if (Count == _fields.Length) Array.Resize(ref _fields, _fields.Length * 2);
            if (pos < row.Length && row[pos] == DelimitedRows.Quote)
            {
                int end = DelimitedRows.QuotedEnd(row, pos);
                if (end < 0) return ("a quoted field that does not close (a quote missing, or a line break inside quotes)", Count + 1);
                _fields[Count++] = Unescape(row[(pos + 1)..(end - 1)]);
                if (end == row.Length) return null;
                if (row[end] != Delimiter)
                    return ($"text after the closing quote of a quoted field (a quote inside a quoted field is written \"\")", Count);
                pos = end + 1;
                continue;
            }
            int next = row[pos..].IndexOf(Delimiter);
            if (next < 0)
            {
                _fields[Count++] = (pos, row.Length - pos, false);
                return null;
            }
            _fields[Count++] = (pos, next, false);
            pos += next + 1;
        }
    }

    /// <summary>Field <paramref name="index"/> (0-based) of <paramref name="row"/>, the row last split.</summary>
    public ReadOnlySpan<byte> Field(ReadOnlySpan<byte> row, int index)
    {
        var (start, length, inScratch) = _fields[index];
        return inScratch ? _scratch.AsSpan(start, length) : row.Slice(start, length);
    }

    private (int, int, bool) Unescape(ReadOnlySpan<byte> quoted)
    {
        if (_scratchUsed + quoted.Length > _scratch.Length)
            Array.Resize(ref _scratch, Math.Max(_scratch.Length * 2, _scratchUsed + quoted.Length));
        int start = _scratchUsed;
        while (true)
        {
            int quote = quoted.IndexOf(DelimitedRows.Quote);
            var run = quote < 0 ? quoted : quoted[..(quote + 1)];
            run.CopyTo(_scratch.AsSpan(_scratchUsed));
            _scratchUsed += run.Length;
            if (quote < 0) break;
            quoted = quoted[(quote + 2)..];   // the second quote of the pair
        }
        return (start, _scratchUsed - start, true);
    }
}
