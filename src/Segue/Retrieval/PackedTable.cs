using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Segue.Model;

namespace Segue.Retrieval;

/// <summary>
/// A copy of a model table laid out for scoring every row against a few context vectors: rows in
/// blocks of eight, each block stored column by column, so that one vector load holds one column
/// of eight rows. A block's dot products with a context vector then accumulate lane-wise (one
/// fused multiply-add per column, no horizontal sums), and every block is read once for all the
/// context vectors, whose accumulators stay in registers.
/// </summary>
internal sealed class PackedTable
{
    /// <summary>The most context vectors one pass scores.</summary>
    public const int MaxItems = 8;
    private const int Lanes = 8;
    private readonly float[] _values;   // [block][col][lane]
    private readonly int _blocks;

    public PackedTable(Table table) : this(table.Values, table.Rows, table.Cols) { }

    /// <summary>Packs a row-major <paramref name="rows"/> x <paramref name="cols"/> matrix.</summary>
    public PackedTable(ReadOnlySpan<float> values, int rows, int cols)
    {
        Rows = rows;
        Cols = cols;
        _blocks = (rows + Lanes - 1) / Lanes;
        _values = new float[(long)_blocks * Cols * Lanes];
        for (int row = 0; row < Rows; row++)
        {
            var source = values.Slice(row * cols, cols);
            int block = row / Lanes, lane = row % Lanes;
            for (int k = 0; k < Cols; k++)
                _values[((long)block * Cols + k) * Lanes + lane] = source[k];
        }
    }

    public int Rows { get; }
    public int Cols { get; }

    /// <summary>Length of a <see cref="ScoreRows"/> destination for any item count: every row (padded to
    /// whole blocks) with <see cref="MaxItems"/> scores, plus one vector of slack so that a row's scores
    /// can be loaded as a whole vector.</summary>
    public int ScoresLength => ScoresLengthFor(MaxItems);

    /// <summary>Length of a <see cref="ScoreRows"/> destination for <paramref name="items"/> context vectors.</summary>
    public int ScoresLengthFor(int items) => _blocks * Lanes * items + Vector256<float>.Count;

    /// <summary>
    /// <c>dest[row * items + i] = &lt;row, context[i * stride + offset ..][..Cols]&gt;</c> for every row and
    /// each of <paramref name="items"/> (1 to <see cref="MaxItems"/>) context vectors: a row's scores
    /// are contiguous, so that a caller combining them per row touches one cache line.
    /// </summary>
    public void ScoreRows(ReadOnlySpan<float> context, int stride, int offset, int items, Span<float> dest)
    {
        if ((uint)(items - 1) >= MaxItems) throw new ArgumentOutOfRangeException(nameof(items));
        if (context.Length < (items - 1) * stride + offset + Cols || dest.Length < ScoresLengthFor(items))
            throw new ArgumentException("context or destination too short");
        switch (items)
        {
            case 1: Score<Items1>(context, stride, offset, dest); break;
            case 2: Score<Items2>(context, stride, offset, dest); break;
            case 3: Score<Items3>(context, stride, offset, dest); break;
            case 4: Score<Items4>(context, stride, offset, dest); break;
            case 5: Score<Items5>(context, stride, offset, dest); break;
            case 6: Score<Items6>(context, stride, offset, dest); break;
            case 7: Score<Items7>(context, stride, offset, dest); break;
            default: Score<Items8>(context, stride, offset, dest); break;
        }
    }

    // The item count as a type, so that the JIT compiles one kernel per count without the unused
    // accumulators (a runtime count would cost a branch per accumulator and column).
    private interface IItems { static abstract int Count { get; } }
    private struct Items1 : IItems { public static int Count => 1; }
    private struct Items2 : IItems { public static int Count => 2; }
    private struct Items3 : IItems { public static int Count => 3; }
    private struct Items4 : IItems { public static int Count => 4; }
    private struct Items5 : IItems { public static int Count => 5; }
    private struct Items6 : IItems { public static int Count => 6; }
    private struct Items7 : IItems { public static int Count => 7; }
    private struct Items8 : IItems { public static int Count => 8; }

    private void Score<T>(ReadOnlySpan<float> context, int stride, int offset, Span<float> dest) where T : struct, IItems
    {
        int n = T.Count, cols = Cols;
        ref float w = ref MemoryMarshal.GetArrayDataReference(_values);
        ref float c = ref Unsafe.Add(ref MemoryMarshal.GetReference(context), offset);
        ref float d = ref MemoryMarshal.GetReference(dest);
        Span<float> lanes = stackalloc float[Lanes * MaxItems];   // [item][lane] of one block
        ref float l = ref MemoryMarshal.GetReference(lanes);
        nuint s = (nuint)stride;
        for (int b = 0; b < _blocks; b++)
        {
            ref float x0 = ref Unsafe.Add(ref w, (nuint)b * (nuint)(cols * Lanes));
            ref float ck = ref c;
            Vector256<float> a0 = default, a1 = default, a2 = default, a3 = default,
                             a4 = default, a5 = default, a6 = default, a7 = default;
            for (int k = 0; k < cols; k++)
            {
                var x = Vector256.LoadUnsafe(ref x0);
                a0 = Vector256.FusedMultiplyAdd(x, Vector256.Create(ck), a0);
                if (T.Count > 1) a1 = Vector256.FusedMultiplyAdd(x, Vector256.Create(Unsafe.Add(ref ck, s)), a1);
                if (T.Count > 2) a2 = Vector256.FusedMultiplyAdd(x, Vector256.Create(Unsafe.Add(ref ck, 2 * s)), a2);
                if (T.Count > 3) a3 = Vector256.FusedMultiplyAdd(x, Vector256.Create(Unsafe.Add(ref ck, 3 * s)), a3);
                if (T.Count > 4) a4 = Vector256.FusedMultiplyAdd(x, Vector256.Create(Unsafe.Add(ref ck, 4 * s)), a4);
                if (T.Count > 5) a5 = Vector256.FusedMultiplyAdd(x, Vector256.Create(Unsafe.Add(ref ck, 5 * s)), a5);
                if (T.Count > 6) a6 = Vector256.FusedMultiplyAdd(x, Vector256.Create(Unsafe.Add(ref ck, 6 * s)), a6);
                if (T.Count > 7) a7 = Vector256.FusedMultiplyAdd(x, Vector256.Create(Unsafe.Add(ref ck, 7 * s)), a7);
                x0 = ref Unsafe.Add(ref x0, Lanes);
                ck = ref Unsafe.Add(ref ck, 1);
            }
            a0.StoreUnsafe(ref l, 0 * Lanes);
            if (T.Count > 1) a1.StoreUnsafe(ref l, 1 * Lanes);
            if (T.Count > 2) a2.StoreUnsafe(ref l, 2 * Lanes);
            if (T.Count > 3) a3.StoreUnsafe(ref l, 3 * Lanes);
            if (T.Count > 4) a4.StoreUnsafe(ref l, 4 * Lanes);
            if (T.Count > 5) a5.StoreUnsafe(ref l, 5 * Lanes);
            if (T.Count > 6) a6.StoreUnsafe(ref l, 6 * Lanes);
            if (T.Count > 7) a7.StoreUnsafe(ref l, 7 * Lanes);
            // Lanes are rows: out[lane * n + i] = l[i * Lanes + lane], the lanes written out so that
            // every offset is a constant.
            ref float o = ref Unsafe.Add(ref d, (nuint)b * (nuint)(Lanes * n));
            for (int i = 0; i < n; i++)
            {
                ref float li = ref Unsafe.Add(ref l, i * Lanes);
                ref float oi = ref Unsafe.Add(ref o, i);
                oi = li;
                Unsafe.Add(ref oi, 1 * n) = Unsafe.Add(ref li, 1);
                Unsafe.Add(ref oi, 2 * n) = Unsafe.Add(ref li, 2);
                Unsafe.Add(ref oi, 3 * n) = Unsafe.Add(ref li, 3);
                Unsafe.Add(ref oi, 4 * n) = Unsafe.Add(ref li, 4);
                Unsafe.Add(ref oi, 5 * n) = Unsafe.Add(ref li, 5);
                Unsafe.Add(ref oi, 6 * n) = Unsafe.Add(ref li, 6);
                Unsafe.Add(ref oi, 7 * n) = Unsafe.Add(ref li, 7);
            }
        }
    }
}
