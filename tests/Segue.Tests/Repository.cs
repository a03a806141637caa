namespace Segue.Tests;

/// <summary>The repository the tests were built from: its README, docs/ and sources.</summary>
public static class Repository
{
    public static string Root { get; } = Find();

    /// <summary>The path of <paramref name="relative"/> (with '/' separators) in the repository.</summary>
    public static string File(string relative) => Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar));

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (System.IO.File.Exists(Path.Combine(dir.FullName, "Segue.slnx"))) return dir.FullName;
        throw new InvalidOperationException("not inside the repository");
    }
}
