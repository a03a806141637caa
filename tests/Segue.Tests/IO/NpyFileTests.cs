using System.Diagnostics;
using System.Text;
using Segue.IO;

namespace Segue.Tests.IO;

public class NpyFileTests
{
    [Fact]
    public void A_matrix_is_written_as_the_npy_1_0_format_defines()
    {
        using var dir = new TempDir();
        float[] values = [1, -2.5f, 3, 4, 5, 6, 7, 8, 9, 10, 11, float.MaxValue];
        NpyFile.Write(dir.File("m.npy"), values, 3, 4);
        byte[] bytes = File.ReadAllBytes(dir.File("m.npy"));

        Assert.Equal(new byte[] { 0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 1, 0 }, bytes[..8]);
        // The dict is 59 characters; with its newline, after the 10-byte prefix, NumPy pads to 128 bytes.
        int headerLength = bytes[8] | bytes[9] << 8;
        Assert.Equal(118, headerLength);
        string header = Encoding.ASCII.GetString(bytes, 10, headerLength);
        Assert.Equal("{'descr': '<f4', 'fortran_order': False, 'shape': (3, 4), }" + new string(' ', 58) + "\n", header);
        Assert.Equal(128 + 12 * 4, bytes.Length);
        for (int i = 0; i < values.Length; i++)
            Assert.Equal(values[i], BitConverter.ToSingle(bytes, 128 + 4 * i));
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(100_000, 32)]
    [InlineData(2_262_292, 64)]
    public void The_data_always_starts_on_a_64_byte_boundary(long rows, long cols)
    {
        byte[] header = NpyFile.Header(rows, cols);
        Assert.Equal(0, header.Length % NpyFile.Alignment);
        Assert.Equal((byte)'\n', header[^1]);
        Assert.Equal(header.Length - 10, header[8] | header[9] << 8);
        Assert.Contains($"'shape': ({rows}, {cols}), }}", Encoding.ASCII.GetString(header));
    }

    /// <summary>NumPy itself reads the file back, where python3 with numpy is installed; the
    /// suite does not depend on it (the test above checks the bytes against the format).</summary>
    [Fact]
    public void Numpy_loads_it_when_numpy_is_available()
    {
        using var dir = new TempDir();
        NpyFile.Write(dir.File("m.npy"), [1, 2, 3, 4.5f, 5, 6], 2, 3);
        string script = $"import numpy; a = numpy.load(r'{dir.File("m.npy")}'); print(a.dtype, a.shape, a[1, 0])";
        string? output = Python(script);
        if (output is null) return; // no python3 with numpy here
        Assert.Equal("float32 (2, 3) 4.5", output.Trim());
    }

    private static string? Python(string script)
    {
        try
        {
            using var python = Process.Start(new ProcessStartInfo("python3", ["-c", script])
            {
                RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            })!;
            string output = python.StandardOutput.ReadToEnd();
            python.WaitForExit();
            return python.ExitCode == 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
