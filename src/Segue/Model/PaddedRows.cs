using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Segue.Model;

/// <summary>
/// Dot products and weighted sums over a block of row-major rows whose stride is padded with
/// zeros to a multiple of <see cref="Alignment"/> floats, for the loss's all-pairs work (Gram
/// matrices, affinities to the context). Calling <c>TensorPrimitives.Dot</c> once per pair of
/// 64-float rows spends more on the call than on the arithmetic, and accumulating into a row in
/// memory once per pair loads and stores that row every time; these kernels keep their sums in
/// registers across a whole block of rows instead. The zero padding lets every loop run whole
/// vectors without a scalar tail, and contributes nothing to any result.
/// </summary>
public static class PaddedRows
{
    /// <summary>Four vectors: the width <see cref="AddWeighted"/> accumulates at once so that four
    /// independent add chains hide the latency of each fused multiply-add.</summary>
    public const int Alignment = 4 * Width;

    private const int Width = 8; // floats in a Vector256

    /// <summary>The padded stride of rows of <paramref name="length"/> floats.</summary>
    public static int Stride(int length) => (length + Alignment - 1) / Alignment * Alignment;

    /// <summary>
    /// <c>result[j] = &lt;x, rows[j]&gt;</c> for the <c>result.Length</c> rows of <paramref name="rows"/>.
    /// Four rows share each load of <paramref name="x"/>; every row's sum is formed in the same order
    /// whichever group it falls in, so equal rows give bit-equal dot products (ties stay exact).
    /// </summary>
    public static void Dots(ReadOnlySpan<float> x, ReadOnlySpan<float> rows, int stride, Span<float> result)
    {
        CheckBlock(x, rows, stride, result.Length);
        ref float xs = ref MemoryMarshal.GetReference(x);
        ref float rs = ref MemoryMarshal.GetReference(rows);
        int count = result.Length, j = 0;
        for (; j + 4 <= count; j += 4)
        {
            nuint r0 = (nuint)(j * stride), r1 = r0 + (nuint)stride, r2 = r1 + (nuint)stride, r3 = r2 + (nuint)stride;
            Vector256<float> a0 = default, a1 = default, a2 = default, a3 = default;
            for (nuint k = 0; k < (nuint)stride; k += Width)
            {
                var xv = Vector256.LoadUnsafe(ref xs, k);
                a0 = Vector256.FusedMultiplyAdd(xv, Vector256.LoadUnsafe(ref rs, r0 + k), a0);
                a1 = Vector256.FusedMultiplyAdd(xv, Vector256.LoadUnsafe(ref rs, r1 + k), a1);
                a2 = Vector256.FusedMultiplyAdd(xv, Vector256.LoadUnsafe(ref rs, r2 + k), a2);
                a3 = Vector256.FusedMultiplyAdd(xv, Vector256.LoadUnsafe(ref rs, r3 + k), a3);
            }
            result[j] = Vector256.Sum(a0);
            result[j + 1] = Vector256.Sum(a1);
            result[j + 2] = Vector256.Sum(a2);
            result[j + 3] = Vector256.Sum(a3);
        }
        for (; j < count; j++)
            result[j] = Dot(ref xs, ref Unsafe.Add(ref rs, j * stride), stride);
    }

    /// <summary><c>destination += sum_j weights[j] rows[j]</c> over the <c>weights.Length</c> rows of
    /// <paramref name="rows"/>.</summary>
    public static void AddWeighted(ReadOnlySpan<float> weights, ReadOnlySpan<float> rows, int stride, Span<float> destination)
    {
        CheckBlock(destination, rows, stride, weights.Length);
        ref float ds = ref MemoryMarshal.GetReference(destination);
        ref float rs = ref MemoryMarshal.GetReference(rows);
        for (nuint k = 0; k < (nuint)stride; k += Alignment)
        {
            var a0 = Vector256.LoadUnsafe(ref ds, k);
            var a1 = Vector256.LoadUnsafe(ref ds, k + Width);
            var a2 = Vector256.LoadUnsafe(ref ds, k + 2 * Width);
            var a3 = Vector256.LoadUnsafe(ref ds, k + 3 * Width);
            nuint row = k;
            foreach (float weight in weights)
            {
                var w = Vector256.Create(weight);
                a0 = Vector256.FusedMultiplyAdd(w, Vector256.LoadUnsafe(ref rs, row), a0);
                a1 = Vector256.FusedMultiplyAdd(w, Vector256.LoadUnsafe(ref rs, row + Width), a1);
                a2 = Vector256.FusedMultiplyAdd(w, Vector256.LoadUnsafe(ref rs, row + 2 * Width), a2);
                a3 = Vector256.FusedMultiplyAdd(w, Vector256.LoadUnsafe(ref rs, row + 3 * Width), a3);
                row += (nuint)stride;
            }
            a0.StoreUnsafe(ref ds, k);
            a1.StoreUnsafe(ref ds, k + Width);
            a2.StoreUnsafe(ref ds, k + 2 * Width);
            a3.StoreUnsafe(ref ds, k + 3 * Width);
        }
    }

    /// <summary>One dot product, summed in the order of each lane of the four-row loop in <see cref="Dots"/>.</summary>
    private static float Dot(ref float x, ref float y, int stride)
    {
        Vector256<float> a = default;
        for (nuint k = 0; k < (nuint)stride; k += Width)
            a = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref x, k), Vector256.LoadUnsafe(ref y, k), a);
        return Vector256.Sum(a);
    }

    /// <summary>The kernels load without bounds checks: everything they touch is checked here.</summary>
    private static void CheckBlock(ReadOnlySpan<float> row, ReadOnlySpan<float> rows, int stride, int count)
    {
        if (stride <= 0 || stride % Alignment != 0 || row.Length < stride || rows.Length < (long)count * stride)
            throw new ArgumentException($"a block of {count} padded rows of stride {stride} needs a multiple of {Alignment} and {count * (long)stride} values");
    }
}
