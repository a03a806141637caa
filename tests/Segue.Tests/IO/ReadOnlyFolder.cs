namespace Segue.Tests.IO;

/// <summary>
/// A folder nobody can create a file in, root included: an empty folder marked immutable with
/// <c>chattr +i</c> (permission bits would not stop root, who runs these tests here and in CI).
/// Where the flag cannot be set the tests marked <see cref="TheoryAttribute"/> are skipped with the reason.
/// </summary>
public sealed class ReadOnlyFolder : IDisposable
{
    public string Path { get; }

    public ReadOnlyFolder(string path)
    {
        Path = path;
        Directory.CreateDirectory(path);
        if (Shell.Run("chattr", "+i", path) is { } error) throw new InvalidOperationException(error);
    }

    public void Dispose() => Shell.Run("chattr", "-i", Path);

    public sealed class TheoryAttribute : Xunit.TheoryAttribute
    {
        private static readonly Lazy<string?> Unavailable = new(() =>
        {
            using var dir = new TempDir();
            string? error;
            using (new ReadOnlyFolder(dir.File("ro")))
            {
                try
                {
                    File.WriteAllText(dir.File("ro/x"), "");
                    error = "chattr +i does not stop writes here";
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    error = null;
                }
            }
            return error;
        });

        public TheoryAttribute()
        {
            string? error;
            try { error = Unavailable.Value; }
            catch (InvalidOperationException e) { error = e.Message; }
            if (error is not null) Skip = $"a read-only folder is made with chattr +i, which fails here ({error})";
        }
    }
}
