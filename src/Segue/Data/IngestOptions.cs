namespace Segue.Data;

/// <summary>How to ingest; <paramref name="Threads"/> null means one parser per core.</summary>
public sealed record IngestOptions(int? Threads = null, bool SkipInvalid = false, int TestEvery = 10, int TestOffset = 9)
{
    public const int MaxThreads = 1024;

    /// <summary>Throws a one-line <see cref="SettingException"/> naming the first setting out of its range by its key.</summary>
    public void Validate()
    {
        SettingException.Require(Threads is null or (> 0 and <= MaxThreads), "threads", Threads!, $"between 1 and {MaxThreads}");
        ValidateTestSplit(TestEvery, TestOffset);
    }
    /// <summary>The test split's rule: every <paramref name="every"/>-th slice (0: none), the one at <paramref name="offset"/> in each group.</summary>
    public static void ValidateTestSplit(int every, int offset)
    {
        SettingException.Require(every >= 0, "test_every", every, "0 (no test split) or positive");
        SettingException.Require(every == 0 || (offset >= 0 && offset < every), "test_offset", offset,
            $"between 0 and {every - 1}: which slice of each {every} is held out");
    }
}
