namespace Segue.Factorisation;

/// <summary>Solves a small dense symmetric positive-definite system in place, in double precision:
/// a playlist's fold-in is one k x k system, where k is tens.</summary>
public static class Cholesky
{
    /// <summary>Solves <c>A x = b</c> for the row-major <paramref name="n"/> x <paramref name="n"/>
    /// matrix <paramref name="a"/> (overwritten by its Cholesky factor) and overwrites
    /// <paramref name="b"/> with x; false, with <paramref name="b"/> untouched, when A is not
    /// positive definite as far as double precision tells.</summary>
    public static bool TrySolve(Span<double> a, Span<double> b, int n)
    {
        for (int j = 0; j < n; j++)
        {
            double diagonal = a[j * n + j];
            for (int m = 0; m < j; m++) diagonal -= a[j * n + m] * a[j * n + m];
            if (!(diagonal > 0)) return false;
            double l = Math.Sqrt(diagonal);
            a[j * n + j] = l;
            for (int i = j + 1; i < n; i++)
            {
                double sum = a[i * n + j];
                for (int m = 0; m < j; m++) sum -= a[i * n + m] * a[j * n + m];
                a[i * n + j] = sum / l;
            }
        }
        for (int i = 0; i < n; i++)
        {
            double sum = b[i];
            for (int m = 0; m < i; m++) sum -= a[i * n + m] * b[m];
            b[i] = sum / a[i * n + i];
        }
        for (int i = n - 1; i >= 0; i--)
        {
            double sum = b[i];
            for (int m = i + 1; m < n; m++) sum -= a[m * n + i] * b[m];
            b[i] = sum / a[i * n + i];
        }
        return true;
    }
}
